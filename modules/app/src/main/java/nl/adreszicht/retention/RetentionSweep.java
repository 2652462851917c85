package nl.adreszicht.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.audit.SystemActor;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.time.DutchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, once a day, every record whose last day of retention has passed, through its source. One instance of
 * the cluster sweeps: it holds a PostgreSQL advisory lock for the run (a session lock on a connection of its own,
 * so each record can commit on its own), and the others skip. Per record, in one short transaction: the schedule
 * row is locked, one access log entry is written (in the same transaction: the deletion and its entry commit
 * together or not at all), the record is deleted with its children, {@link RecordDestroyed} has every module remove
 * what it derived and the address's colour recomputed without it, and the schedule row goes. The area scan's tally
 * is not touched.
 */
@Component
class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** "AZ" + "Retain": any constant unique to this job within the database. */
    static final long LOCK_KEY = 0x415A52657461696EL;

    static final String ACTION = "bewaartermijn.verwijderen";
    static final String JOB = "bewaartermijn";

    /** The next due records after a keyset position; served by the index retention_schedule_due. */
    static final String DUE = "SELECT kept_until, source, record_id FROM retention_schedule"
            + " WHERE kept_until < ? AND (kept_until, source, record_id) > (?, ?, ?)"
            + " ORDER BY kept_until, source, record_id LIMIT ?";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RetentionSources sources;
    private final RetentionSchedule schedule;
    private final AccessLog accessLog;
    private final ApplicationEventPublisher events;
    private final RetentionProperties properties;
    private final DutchTime time;

    RetentionSweep(
            DataSource dataSource,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            RetentionSources sources,
            RetentionSchedule schedule,
            AccessLog accessLog,
            ApplicationEventPublisher events,
            RetentionProperties properties,
            DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.sources = sources;
        this.schedule = schedule;
        this.accessLog = accessLog;
        this.events = events;
        this.properties = properties;
        this.time = time;
    }

    @Scheduled(cron = "${adreszicht.retention.sweep-cron:0 45 1 * * *}", zone = DutchTime.ZONE_ID)
    void daily() {
        int deleted = sweep(time.today());
        if (deleted > 0) {
            log.info("Retention: deleted {} records whose retention had ended", deleted);
        }
    }

    /**
     * Deletes every record kept until a day before {@code today}; returns how many, or -1 when another instance
     * is sweeping.
     */
    int sweep(LocalDate today) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return sweepLocked(today);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention sweep could not take its lock", e);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private record Due(LocalDate keptUntil, String source, String recordId) {}

    private int sweepLocked(LocalDate today) {
        int deleted = 0;
        Due after = new Due(LocalDate.of(1, 1, 1), "", "");
        List<Due> batch;
        do {
            batch = jdbc.query(
                    DUE,
                    (row, n) -> new Due(
                            row.getObject("kept_until", LocalDate.class),
                            row.getString("source"),
                            row.getString("record_id")),
                    today,
                    after.keptUntil(),
                    after.source(),
                    after.recordId(),
                    properties.batchSize());
            for (Due due : batch) {
                try {
                    if (delete(due, today)) {
                        deleted++;
                    }
                } catch (RuntimeException e) {
                    // The ids are opaque; the record stays scheduled and the next sweep tries again.
                    log.warn("Retention: could not delete {} {}", due.source(), due.recordId(), e);
                }
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == properties.batchSize());
        return deleted;
    }

    /** Deletes one due record in a transaction of its own; false when it was gone already or has no source. */
    private boolean delete(Due due, LocalDate today) {
        RecordSource source = RecordSource.valueOf(due.source());
        Optional<RetentionSource> retentionSource = sources.of(source);
        if (retentionSource.isEmpty()) {
            log.warn("Retention: no module deletes records of {}; {} stays", source, due.recordId());
            return false;
        }
        Boolean deleted = transaction.execute(status -> {
            List<String[]> scheduled = jdbc.query(
                    "SELECT organisation, rule_version FROM retention_schedule WHERE source = ? AND record_id = ?"
                            + " AND kept_until < ? FOR UPDATE SKIP LOCKED",
                    (row, n) -> new String[] {row.getString(1), row.getString(2)},
                    source.name(),
                    due.recordId(),
                    today);
            if (scheduled.isEmpty()) {
                return false; // destroyed on request meanwhile, or rescheduled
            }
            Optional<StoredRecord> stored = retentionSource.get().find(due.recordId());
            if (stored.isPresent()) {
                accessLog.recordBySystem(
                        new SystemActor(
                                JOB,
                                scheduled.get(0)[0],
                                "bewaartermijn verstreken",
                                "bewaarregel " + scheduled.get(0)[1] + " (" + source.name() + ")"),
                        AccessEntry.of(
                                AccessKind.VERWIJDEREN,
                                ACTION,
                                retentionSource.get().objectType(),
                                due.recordId()));
                retentionSource.get().delete(due.recordId());
                events.publishEvent(
                        new RecordDestroyed(source, due.recordId(), stored.get().address()));
            }
            schedule.forget(source, due.recordId());
            return stored.isPresent();
        });
        return Boolean.TRUE.equals(deleted);
    }
}
