package nl.adreszicht.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who owns the objects of one type that the log names: implemented by each module that stores records (incidents,
 * meldingen, municipal records), so that an entry about a record carries its owner and the owner's privacy officer
 * sees every access to it, by anyone. {@code audit} depends on none of those modules.
 */
public interface OwnedObjects {

    /** The access log's object type these are, e.g. {@code incident}. */
    String objectType();

    /** The object with this id, if it exists; an id this module cannot parse is simply not found. */
    Optional<Owned> find(String objectId);

    /**
     * The ids of the stored objects after {@code after} (all when null), in ascending order of the id, at most
     * {@code limit}: the verifier pages through them to find any object stored without the access-log entry of its
     * creation (ADR 0013).
     */
    List<String> idsAfter(@Nullable String after, int limit);

    /**
     * What the log needs of an owned object.
     *
     * @param organisation the organisation that stored it; for a Veilig Thuis record stored before records carried
     *     their organisation, its VT region
     * @param addressId the address it was recorded at: a read of that address's history since {@code since} showed it
     * @param since when it was stored
     */
    record Owned(String organisation, @Nullable String addressId, OffsetDateTime since) {}

    /**
     * The owned records of one table keyed by a random {@code id} with {@code address_id} and {@code registered_at},
     * as every recording module keeps them: {@link #find} and {@link #idsAfter} for it, so that the modules do not
     * each write the same two queries.
     *
     * @param table the table (a constant of the module, never input)
     * @param owner the SQL expression of the owning organisation in that table
     */
    record RecordTable(JdbcClient jdbc, String table, String owner) {

        /** Below every random id: where paging starts. */
        private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

        public Optional<Owned> find(String objectId) {
            UUID id;
            try {
                id = UUID.fromString(objectId);
            } catch (IllegalArgumentException notOurs) {
                return Optional.empty();
            }
            return jdbc.sql("SELECT " + owner + ", address_id::text, registered_at FROM " + table + " WHERE id = ?")
                    .param(id)
                    .query((row, n) ->
                            new Owned(row.getString(1), row.getString(2), row.getObject(3, OffsetDateTime.class)))
                    .optional();
        }

        public List<String> idsAfter(@Nullable String after, int limit) {
            return jdbc.sql("SELECT id::text FROM " + table + " WHERE id > ?::uuid ORDER BY id LIMIT ?")
                    .params(after == null ? NO_ID : after, limit)
                    .query(String.class)
                    .list();
        }
    }
}
