package nl.adreszicht.retention;

import java.util.Optional;
import nl.adreszicht.records.RecordSource;

/**
 * What retention needs from a module that stores records: find one, and delete it with everything that belongs to
 * it. Each recording module implements it (police incidents now; Veilig Thuis and municipal signals when they
 * arrive), so {@code retention} depends on none of them. A module also calls {@link RetentionSchedule#schedule}
 * and the area scan's {@code RecordTally#count} whenever it stores a record.
 */
public interface RetentionSource {

    /** The source this module's records come from; one module per source. */
    RecordSource source();

    /** The access log's object type of these records, e.g. {@code incident}. */
    String objectType();

    /** The record with this id, if it exists; an id this source cannot parse is simply not found. */
    Optional<StoredRecord> find(String recordId);

    /**
     * Deletes the record and everything that belongs to it (persons, codes, free text), in the caller's
     * transaction. Must not touch the area scan's tally, and need not publish anything: the caller has the colour
     * of the address recomputed and writes the access log.
     */
    void delete(String recordId);
}
