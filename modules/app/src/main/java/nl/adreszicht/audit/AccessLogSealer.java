package nl.adreszicht.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the hash chain over new entries, in id order, behind the requests: writing an entry never waits
 * for the chain. A PostgreSQL advisory lock makes sure one instance of the cluster seals at a time; the others
 * skip the round.
 *
 * <p>An entry is written in the transaction of the access it records (ADR 0013), so an entry with a lower id can
 * commit after one with a higher id; sealing past it would leave it out of the chain for good (and the verifier would
 * call it inserted). So a round seals only entries logged before every transaction that still holds an entry open
 * began: each insert holds the shared advisory lock {@link #IN_FLIGHT} until its transaction ends, and any id such a
 * transaction has or will get is logged after it began. Entries younger than the settle time are left for the next
 * round as well.
 */
@Component
class AccessLogSealer {

    private static final Logger log = LoggerFactory.getLogger(AccessLogSealer.class);

    /** "AZ" + "seal": any constant unique to this job within the database. */
    static final long LOCK_KEY = 0x415A5365616CL;

    /** "AZ" + "open": held (shared) by every transaction that has written an access-log entry, until it ends. */
    static final long IN_FLIGHT = 0x415A6F70656EL;

    /**
     * The newest moment up to which entries can be sealed: the settle time ago, or the start of the oldest transaction
     * still holding an entry open, whichever is earlier. A holder whose start this role may not see counts as open
     * since forever (nothing is sealed until it ends).
     */
    static final String SEALABLE_BEFORE = "SELECT least(clock_timestamp() - make_interval(secs => ?),"
            + " coalesce(min(coalesce(a.xact_start, '-infinity'::timestamptz)), 'infinity'::timestamptz))"
            + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()"
            + " AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid AND l.objsubid = 1";

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration settle;
    private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);

    AccessLogSealer(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            @Value("${adreszicht.access-log.seal-settle:2s}") Duration settle,
            MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settle = settle;
        Gauge.builder("adreszicht.access.log.sealer.lag", lagSeconds, AtomicReference::get)
                .description("Age of the oldest access log entry not yet sealed into the chain (0: all sealed)")
                .baseUnit("seconds")
                .register(metrics);
    }

    // The first round waits one interval too, so a context that seals by hand (interval 1h) never races a round.
    @Scheduled(
            initialDelayString = "${adreszicht.access-log.seal-interval:1s}",
            fixedDelayString = "${adreszicht.access-log.seal-interval:1s}")
    void sealRound() {
        int sealed = sealPending();
        if (sealed > 0) {
            log.debug("Sealed {} access log entries", sealed);
        }
        lagSeconds.set(unsealedAge());
    }

    /** Measured by every instance, whichever one holds the lock: an index range from the last seal on. */
    private double unsealedAge() {
        Double age = jdbc.queryForObject(
                "SELECT EXTRACT(EPOCH FROM clock_timestamp() - min(logged_at))::float8 FROM access_log"
                        + " WHERE id > COALESCE((SELECT max(entry_id) FROM access_log_seal), 0)",
                Double.class);
        return age == null ? 0.0 : age;
    }

    /** Seals what has settled; returns how many entries were sealed, or 0 when another instance holds the lock. */
    int sealPending() {
        Integer total = transaction.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            int count = 0;
            int round;
            do {
                round = sealBatch();
                count += round;
            } while (round == BATCH);
            return count;
        });
        return total == null ? 0 : total;
    }

    private int sealBatch() {
        // Before the entries are read: a transaction that takes the lock after this can only log later entries.
        OffsetDateTime before = jdbc.queryForObject(
                SEALABLE_BEFORE,
                OffsetDateTime.class,
                settle.toMillis() / 1000.0,
                IN_FLIGHT >>> 32,
                IN_FLIGHT & 0xFFFFFFFFL);
        List<Object[]> last = jdbc.query(
                "SELECT entry_id, chain_hash FROM access_log_seal ORDER BY entry_id DESC LIMIT 1",
                (row, n) -> new Object[] {row.getLong(1), row.getString(2)});
        long previousId = last.isEmpty() ? 0 : (long) last.get(0)[0];
        String previousHash = last.isEmpty() ? ChainHash.GENESIS : (String) last.get(0)[1];
        List<Object[]> seals = new ArrayList<>();
        long[] chainState = {previousId};
        String[] hashState = {previousHash};
        boolean[] reachedOpen = {false};
        jdbc.query(
                "SELECT " + ChainHash.ENTRY_COLUMNS + " FROM access_log WHERE id > ? ORDER BY id LIMIT " + BATCH,
                row -> {
                    // In id order, up to the first entry that may have a lower-id neighbour still open: no further.
                    if (reachedOpen[0]
                            || !row.getObject("logged_at", OffsetDateTime.class).isBefore(before)) {
                        reachedOpen[0] = true;
                        return;
                    }
                    long id = row.getLong("id");
                    String digest = ChainHash.entryDigest(row);
                    String chain = ChainHash.link(hashState[0], id, digest);
                    seals.add(new Object[] {id, chainState[0] == 0 ? null : chainState[0], digest, chain});
                    chainState[0] = id;
                    hashState[0] = chain;
                },
                previousId);
        if (!seals.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO access_log_seal (entry_id, previous_entry_id, entry_digest, chain_hash) VALUES (?, ?, ?, ?)",
                    seals);
        }
        return seals.size();
    }
}
