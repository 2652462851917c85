package nl.adreszicht.records;

/**
 * What happened to one record at an address: it was stored ({@link RecordStored}), changed ({@link RecordChanged}) or
 * destroyed ({@link RecordDestroyed}). The recording modules publish these in the transaction that does it, and every
 * module that derives something from records listens to them instead of being called: the colour code (to any of the
 * three, in that transaction), the area scan's tally and the retention schedule (to a stored record, in that
 * transaction), signal matching (to a stored record after the commit, through the event publication registry, and to
 * a destroyed one in the transaction). Which listener runs where, and why, is ADR 0011.
 */
public sealed interface RecordEvent permits RecordStored, RecordChanged, RecordDestroyed {

    /** Where the record came from. */
    RecordSource source();

    /** Its opaque id. */
    String recordId();

    /** The address it is (or was) recorded at. */
    AddressId address();
}
