package nl.adreszicht.audit;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk load of access-log history that arrives already sealed, for the synthetic data generator only: entries are
 * appended with COPY after the last sealed entry, and each gets its seal (digest and chain link) computed here the
 * way {@link AccessLogSealer} would, so {@link ChainVerifier} checks generated history like any other. It works on
 * a connection of the schema owner (the application role may not write seals in bulk, nor move the id sequence),
 * holds the sealer's advisory lock for the whole load so no instance seals in between, and refuses to start while
 * unsealed entries are pending, as they would otherwise end up behind the chain.
 */
public final class SealedHistoryLoader implements AutoCloseable {

    private static final int CHUNK = 20_000;

    private final Connection owner;
    private final CopyManager copy;
    private final StringBuilder entries = new StringBuilder(1 << 20);
    private final StringBuilder seals = new StringBuilder(1 << 20);
    private int buffered;
    private long lastId;
    private String lastHash;
    private long loaded;

    private SealedHistoryLoader(Connection owner, long lastId, String lastHash) throws SQLException {
        this.owner = owner;
        this.copy = owner.unwrap(PGConnection.class).getCopyAPI();
        this.lastId = lastId;
        this.lastHash = lastHash;
    }

    /**
     * Starts a load after the current end of the chain; fails while entries are waiting to be sealed or when the chain
     * does not end at the last entry. The sealer's lock is released on every path out of here but success.
     */
    public static SealedHistoryLoader start(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + AccessLogSealer.LOCK_KEY + ")");
        }
        try (Statement statement = owner.createStatement()) {
            long lastId = 0;
            String lastHash = ChainHash.GENESIS;
            try (var rows = statement.executeQuery(
                    "SELECT entry_id, chain_hash FROM access_log_seal ORDER BY entry_id DESC LIMIT 1")) {
                if (rows.next()) {
                    lastId = rows.getLong(1);
                    lastHash = rows.getString(2);
                }
            }
            long unsealed;
            try (var rows = statement.executeQuery("SELECT count(*) FROM access_log WHERE id > " + lastId)) {
                rows.next();
                unsealed = rows.getLong(1);
            }
            if (unsealed > 0) {
                throw new IllegalStateException("The access log has " + unsealed
                        + " unsealed entries; seal them first (--adreszicht.access-log.verify=true)");
            }
            long maxId;
            try (var rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM access_log")) {
                rows.next();
                maxId = rows.getLong(1);
            }
            if (maxId != lastId) {
                throw new IllegalStateException(
                        "The last access log entry " + maxId + " is not the last sealed " + lastId);
            }
            return new SealedHistoryLoader(owner, lastId, lastHash);
        } catch (SQLException | RuntimeException e) {
            release(owner, e);
            throw e;
        }
    }

    /**
     * Releases the sealer's lock after {@code failure}. A failed statement aborts an open transaction, where even the
     * unlock is refused: that transaction is rolled back first (the load is abandoned anyway).
     */
    private static void release(Connection owner, Exception failure) {
        try {
            unlock(owner);
        } catch (SQLException refused) {
            try {
                if (owner.getAutoCommit()) {
                    throw refused;
                }
                owner.rollback();
                unlock(owner);
            } catch (SQLException stillRefused) {
                failure.addSuppressed(stillRefused);
            }
        }
    }

    private static void unlock(Connection owner) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + AccessLogSealer.LOCK_KEY + ")");
        }
    }

    /**
     * Appends one entry, logged at {@code at} (microsecond precision; later than every entry before it), and its
     * seal. The values follow {@link ChainHash#DIGEST_COLUMNS} from {@code kind} to {@code originClient}.
     */
    public void add(
            Instant at,
            AccessKind kind,
            String action,
            String actorSubject,
            @Nullable String actorOrganisation,
            String actorRoles,
            @Nullable String objectType,
            @Nullable String objectId,
            String purpose,
            String legalBasis,
            boolean breakTheGlass,
            @Nullable String originIp,
            @Nullable String originClient)
            throws SQLException, IOException {
        long id = lastId + 1;
        String[] values = {
            kind.name(),
            action,
            actorSubject,
            null,
            actorOrganisation,
            actorRoles,
            objectType,
            objectId,
            purpose,
            legalBasis,
            breakTheGlass ? "t" : "f",
            originIp,
            originClient
        };
        String digest = ChainHash.entryDigest(at, values);
        String chain = ChainHash.link(lastHash, id, digest);
        entries.append(id).append('\t').append(at);
        for (String value : values) {
            entries.append('\t').append(value == null ? "\\N" : value);
        }
        entries.append('\n');
        seals.append(id)
                .append('\t')
                .append(lastId == 0 ? "\\N" : Long.toString(lastId))
                .append('\t')
                .append(digest)
                .append('\t')
                .append(chain)
                .append('\t')
                .append(at)
                .append('\n');
        lastId = id;
        lastHash = chain;
        if (++buffered == CHUNK) {
            flush();
        }
    }

    private void flush() throws SQLException, IOException {
        if (buffered == 0) {
            return;
        }
        copy.copyIn(
                "COPY access_log (id, logged_at, " + String.join(", ", ChainHash.DIGEST_COLUMNS) + ") FROM STDIN",
                new StringReader(entries.toString()));
        copy.copyIn(
                "COPY access_log_seal (entry_id, previous_entry_id, entry_digest, chain_hash, sealed_at) FROM STDIN",
                new StringReader(seals.toString()));
        loaded += buffered;
        entries.setLength(0);
        seals.setLength(0);
        buffered = 0;
    }

    /** How many entries were loaded so far. */
    public long loaded() {
        return loaded + buffered;
    }

    /** Writes what is buffered, moves the id sequence past the loaded entries and releases the sealer's lock. */
    @Override
    public void close() throws SQLException, IOException {
        try (Statement statement = owner.createStatement()) {
            flush();
            statement.execute("SELECT setval(pg_get_serial_sequence('access_log', 'id'), " + Math.max(lastId, 1) + ", "
                    + (lastId > 0) + ")");
        } catch (SQLException | IOException | RuntimeException e) {
            release(owner, e);
            throw e;
        }
        unlock(owner);
    }
}
