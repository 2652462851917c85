package nl.adreszicht.idempotency;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers stored under idempotency keys, in {@code idempotency_key}. Every method runs in the caller's
 * transaction: the answer commits with the write it answers.
 */
@Repository
class StoredResponses {

    /** How long a key answers: a day covers any client's retries, and the stored body is personal data. */
    static final Duration LIFETIME = Duration.ofHours(24);

    /** "IDM": the class of this module's advisory locks (the two-key form, apart from every one-key lock). */
    static final int LOCK_CLASS = 0x49444D;

    /** Whom a key belongs to and what it was sent with. */
    record Scope(String subject, String method, String path, String key) {}

    /** An access the first request logged, to be logged as a read when its answer is replayed. */
    record LoggedObject(String action, String objectType, String objectId) {}

    /** The first answer under a key. */
    record Stored(
            byte[] requestHash,
            int status,
            @Nullable String contentType,
            @Nullable String location,
            @Nullable String etag,
            byte[] body,
            List<LoggedObject> logged) {}

    private final JdbcClient jdbc;
    private final DutchTime time;

    StoredResponses(JdbcClient jdbc, DutchTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /**
     * Takes the key for this transaction, or says another transaction holds it (a concurrent request with the same
     * key): never waits, so a retry storm holds no connections.
     */
    boolean lock(Scope scope) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")
                .params(LOCK_CLASS, scope.subject() + '\n' + scope.method() + '\n' + scope.path() + '\n' + scope.key())
                .query(Boolean.class)
                .single());
    }

    /** The answer stored under the key, unless it expired. */
    Optional<Stored> find(Scope scope) {
        return jdbc.sql("SELECT request_hash, status, content_type, location, etag, body, logged_actions,"
                        + " logged_types, logged_ids FROM idempotency_key"
                        + " WHERE subject = ? AND method = ? AND path = ? AND key = ? AND expires_at > ?")
                .params(scope.subject(), scope.method(), scope.path(), scope.key(), time.nowUtc())
                .query((row, n) -> stored(row))
                .optional();
    }

    /** Stores the first answer under the key; an expired one not swept yet is replaced. */
    void save(Scope scope, Stored answer) {
        OffsetDateTime now = time.nowUtc();
        jdbc.sql("INSERT INTO idempotency_key (subject, method, path, key, request_hash, status, content_type,"
                        + " location, etag, body, logged_actions, logged_types, logged_ids, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (subject, method, path, key) DO UPDATE SET request_hash ="
                        + " excluded.request_hash, status = excluded.status, content_type = excluded.content_type,"
                        + " location = excluded.location, etag = excluded.etag, body = excluded.body,"
                        + " logged_actions = excluded.logged_actions, logged_types = excluded.logged_types,"
                        + " logged_ids = excluded.logged_ids, created_at = excluded.created_at,"
                        + " expires_at = excluded.expires_at")
                .params(
                        scope.subject(),
                        scope.method(),
                        scope.path(),
                        scope.key(),
                        answer.requestHash(),
                        answer.status(),
                        answer.contentType(),
                        answer.location(),
                        answer.etag(),
                        answer.body(),
                        answer.logged().stream().map(LoggedObject::action).toArray(String[]::new),
                        answer.logged().stream().map(LoggedObject::objectType).toArray(String[]::new),
                        answer.logged().stream().map(LoggedObject::objectId).toArray(String[]::new),
                        now,
                        now.plus(LIFETIME))
                .update();
    }

    /** Deletes the expired keys; returns how many. */
    int deleteExpired() {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at <= ?")
                .param(time.nowUtc())
                .update();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        String[] actions = strings(row.getArray("logged_actions"));
        String[] types = strings(row.getArray("logged_types"));
        String[] ids = strings(row.getArray("logged_ids"));
        List<LoggedObject> logged = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            logged.add(new LoggedObject(actions[i], types[i], ids[i]));
        }
        return new Stored(
                row.getBytes("request_hash"),
                row.getInt("status"),
                row.getString("content_type"),
                row.getString("location"),
                row.getString("etag"),
                row.getBytes("body"),
                List.copyOf(logged));
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
