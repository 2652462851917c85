package nl.adreszicht.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hashes of the chain. An entry's digest covers every column but its id, so an entry moved to another
 * id still matches its own digest (that is how reordering is told apart from editing); the chain hash binds
 * the digest to its id and to the previous link.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);

    static final String ENTRY_COLUMNS = "id, logged_at, kind, action, actor_subject, on_behalf_of, actor_organisation,"
            + " actor_roles, object_type, object_id, purpose, legal_basis, break_the_glass, origin_ip, origin_client,"
            + " object_owner";

    private ChainHash() {}

    /** The columns after {@code logged_at} that the digest covers, in order. */
    static final String[] DIGEST_COLUMNS = {
        "kind",
        "action",
        "actor_subject",
        "on_behalf_of",
        "actor_organisation",
        "actor_roles",
        "object_type",
        "object_id",
        "purpose",
        "legal_basis",
        "break_the_glass",
        "origin_ip",
        "origin_client"
    };

    /** The digest of the entry at the result set's current row, read with {@link #ENTRY_COLUMNS}. */
    static String entryDigest(ResultSet row) throws SQLException {
        java.time.Instant at =
                row.getObject("logged_at", java.time.OffsetDateTime.class).toInstant();
        String[] values = new String[DIGEST_COLUMNS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getString(DIGEST_COLUMNS[i]);
        }
        return entryDigest(at, values, row.getString("object_owner"));
    }

    /**
     * The digest of an entry from its values: {@code loggedAt} at PostgreSQL's microsecond precision and the
     * {@link #DIGEST_COLUMNS} as PgJDBC reads them as text (a boolean as {@code t} or {@code f}).
     */
    static String entryDigest(java.time.Instant at, @Nullable String[] values) {
        return entryDigest(at, values, null);
    }

    /**
     * The digest with the object's owner: covered only when set, so that entries written before the owner was
     * recorded keep the digest they were sealed with.
     */
    static String entryDigest(java.time.Instant at, @Nullable String[] values, @Nullable String objectOwner) {
        StringBuilder canonical = new StringBuilder();
        // Microseconds since the epoch: PostgreSQL's own precision, so a re-read value hashes the same.
        canonical.append(at.getEpochSecond()).append('.').append(at.getNano() / 1000);
        for (String value : values) {
            // Length-prefixed, so no two different rows produce the same text.
            canonical
                    .append('|')
                    .append(value == null ? -1 : value.length())
                    .append(':')
                    .append(value);
        }
        if (objectOwner != null) {
            canonical.append("|owner:").append(objectOwner.length()).append(':').append(objectOwner);
        }
        return sha256(canonical.toString());
    }

    static String link(String previousChainHash, long entryId, String entryDigest) {
        return sha256(previousChainHash + "|" + entryId + "|" + entryDigest);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
