package nl.adreszicht.colour;

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
 * Recomputes, once a day, every address whose colour can still decay (everything not grey), so a colour drops
 * when its records leave the window even if nothing new is recorded. One instance of the cluster runs it: it holds
 * a PostgreSQL advisory lock for the run (a session lock on a connection of its own) and the others skip. Each
 * batch of addresses is one short transaction: a recompute locks its address until commit, so a registration at an
 * address waits at most for the batch that holds it, never for the whole run.
 */
@Component
class ColourDecay {

    static final long LOCK_KEY = 0x415A4465636179L; // "AZDecay"

    /** Addresses per transaction: small enough that a registration never waits long for its address. */
    static final int BATCH = 100;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AddressColours colours;
    private final DutchTime time;

    ColourDecay(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            AddressColours colours,
            DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.colours = colours;
        this.time = time;
    }

    @Scheduled(cron = "${adreszicht.colour.decay-cron:0 15 2 * * *}", zone = DutchTime.ZONE_ID)
    void nightly() {
        decay(time.today());
    }

    /** Recomputes every colour that is not grey as of {@code today}; returns how many, or -1 if another instance runs. */
    int decay(LocalDate today) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return decayInBatches(today);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The colour decay could not take or release its lock", e);
        }
    }

    private int decayInBatches(LocalDate today) {
        int count = 0;
        UUID after = new UUID(0, 0);
        List<UUID> batch;
        do {
            batch = jdbc.queryForList(
                    "SELECT address_id FROM address_colour WHERE colour <> 'GREY' AND address_id > ?"
                            + " ORDER BY address_id LIMIT " + BATCH,
                    UUID.class,
                    after);
            List<UUID> addresses = batch;
            transaction.executeWithoutResult(
                    status -> addresses.forEach(address -> colours.recompute(new AddressId(address), today)));
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
