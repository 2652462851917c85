package nl.adreszicht.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.adreszicht.records.RecordSource;

/**
 * What retention needs from a module that stores records: find one, the birth dates of its children, and delete it
 * with everything that belongs to it. Each recording module implements it for each of its sources, so
 * {@code retention} depends on none of them. A record is scheduled when its module publishes
 * {@code records.RecordStored}.
 */
public interface RetentionSource {

    /** The source this module's records come from; one module per source. */
    RecordSource source();

    /** The access log's object type of these records, e.g. {@code incident}. */
    String objectType();

    /** The record with this id, if it exists; an id this source cannot parse is simply not found. */
    Optional<StoredRecord> find(String recordId);

    /**
     * The known birth dates of the children (role {@code kind}) in the record, for the family rule of retention; a
     * source whose records name no persons has none.
     */
    default List<LocalDate> childBirthDates(String recordId) {
        return List.of();
    }

    /**
     * The records of this source in which the person appears (for an inzage request), with all their content and
     * parties; {@link InzageRedaction} decides what the person may see. A source whose records name no persons has
     * none.
     */
    default List<SubjectRecord> concerning(PersonQuery person) {
        return List.of();
    }

    /**
     * Deletes the record and everything that belongs to it (persons, codes, free text), in the caller's
     * transaction. Must not touch the area scan's tally, and need not publish anything: the caller has the colour
     * of the address recomputed and writes the access log.
     */
    void delete(String recordId);
}
