package nl.adreszicht.idempotency;

import nl.adreszicht.time.DutchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the expired idempotency keys, with the answers (personal data) they kept, every hour. One instance of the
 * cluster sweeps: the sweep's transaction holds a PostgreSQL advisory lock, and an instance that does not get it
 * skips. A key that expired and was not swept yet answers nothing already ({@link StoredResponses#find}).
 */
@Component
class IdempotencySweep {

    private static final Logger log = LoggerFactory.getLogger(IdempotencySweep.class);

    /** "AZ" + "IdemKy": any constant unique to this job within the database. */
    static final long LOCK_KEY = 0x415A4964656D4B79L;

    private final StoredResponses stored;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IdempotencySweep(StoredResponses stored, JdbcClient jdbc, TransactionTemplate transaction) {
        this.stored = stored;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${adreszicht.idempotency.sweep-cron:0 7 * * * *}", zone = DutchTime.ZONE_ID)
    void hourly() {
        int deleted = sweep();
        if (deleted > 0) {
            log.info("Idempotency: deleted {} expired keys", deleted);
        }
    }

    /** Deletes the expired keys; returns how many, or -1 when another instance is sweeping. */
    int sweep() {
        Integer deleted = transaction.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?)")
                    .param(LOCK_KEY)
                    .query(Boolean.class)
                    .single());
            return mine ? stored.deleteExpired() : -1;
        });
        return deleted == null ? -1 : deleted;
    }
}
