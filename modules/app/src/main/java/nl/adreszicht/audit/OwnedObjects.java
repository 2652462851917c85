package nl.adreszicht.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
}
