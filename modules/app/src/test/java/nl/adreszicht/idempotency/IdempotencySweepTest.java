package nl.adreszicht.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import nl.adreszicht.OverTheWire;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweep deletes the keys past their day and nothing else, and runs on one instance of the cluster at a time: while
 * another holds its advisory lock, it skips. An expired key not swept yet answers nothing already.
 */
class IdempotencySweepTest extends OverTheWire {

    @Autowired
    IdempotencySweep sweep;

    @Autowired
    StoredResponses stored;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void expiredKeysGoLiveOnesStayAndAnotherInstanceSweepingMeansSkipping() throws Exception {
        String subject = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert(subject, "verlopen", now.minusHours(25), now.minusHours(1));
        insert(subject, "geldig", now.minusHours(1), now.plusHours(23));
        assertThat(stored.find(new StoredResponses.Scope(subject, "POST", "/api/v1/meldingen", "verlopen")))
                .as("an expired key answers nothing, swept or not")
                .isEmpty();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, IdempotencySweep.LOCK_KEY);
                lock.execute();
            }
            assertThat(sweep.sweep()).as("another instance sweeps").isEqualTo(-1);
            other.rollback();
        }
        assertThat(keys(subject)).isEqualTo(2);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("SELECT key FROM idempotency_key WHERE subject = ?", String.class, subject))
                .containsExactly("geldig");
    }

    private void insert(String subject, String key, OffsetDateTime created, OffsetDateTime expires) {
        jdbc.update(
                "INSERT INTO idempotency_key (subject, method, path, key, request_hash, status, content_type, location,"
                        + " etag, body, logged_actions, logged_types, logged_ids, created_at, expires_at)"
                        + " VALUES (?, 'POST', '/api/v1/meldingen', ?, '\\x00', 201, 'application/json', NULL, NULL,"
                        + " '\\x7b7d', '{}', '{}', '{}', ?, ?)",
                subject,
                key,
                created,
                expires);
    }

    private int keys(String subject) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE subject = ?", Integer.class, subject);
        return count == null ? 0 : count;
    }
}
