package nl.adreszicht.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.time.DutchTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, brings the repeat counts up to date where time alone changes them: an address whose repeat leaves the
 * window today ({@code window_changes_on}), and, after a new recidive rules version became active, every address
 * still computed with an older one (the rules version change recomputes). One instance of the cluster runs it (a
 * session advisory lock); each batch is one short transaction, as the colour decay's.
 */
@Component
class RepeatDecay {

    static final long LOCK_KEY = 0x415A526570656174L; // "AZRepeat"

    static final int BATCH = 100;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecidiveReconcile reconcile;
    private final RecidiveRulesVersions versions;
    private final DutchTime time;

    RepeatDecay(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RecidiveReconcile reconcile,
            RecidiveRulesVersions versions,
            DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.reconcile = reconcile;
        this.versions = versions;
        this.time = time;
    }

    @Scheduled(cron = "${adreszicht.monitor.decay-cron:0 35 2 * * *}", zone = DutchTime.ZONE_ID)
    void nightly() {
        decay(time.today());
    }

    /** Recomputes what time or a new rules version changed; returns how many addresses, or -1 if another instance runs. */
    int decay(LocalDate today) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                RecidiveRules rules = versions.active();
                int count = batches(
                        "SELECT address_id FROM monitor_address WHERE window_changes_on <= ? AND address_id > ?"
                                + " ORDER BY address_id LIMIT " + BATCH,
                        today,
                        rules,
                        today);
                count += batches(
                        "SELECT address_id FROM monitor_address WHERE rules_version <> ? AND address_id > ?"
                                + " ORDER BY address_id LIMIT " + BATCH,
                        rules.id(),
                        rules,
                        today);
                return count;
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The repeat decay could not take or release its lock", e);
        }
    }

    private int batches(String select, Object first, RecidiveRules rules, LocalDate today) {
        int count = 0;
        UUID after = new UUID(0, 0);
        List<UUID> batch;
        do {
            batch = jdbc.queryForList(select, UUID.class, first, after);
            List<UUID> addresses = batch;
            transaction.executeWithoutResult(status ->
                    addresses.forEach(address -> reconcile.reconcile(new AddressId(address), true, today, rules)));
            count += batch.size();
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
        return count;
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
