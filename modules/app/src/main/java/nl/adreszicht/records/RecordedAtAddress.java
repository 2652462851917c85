package nl.adreszicht.records;

import org.jspecify.annotations.Nullable;

/**
 * Published by any module when it has stored a record at an address, or deleted one (retention, destruction on
 * request): the colour of that address is then recomputed. The event names the address only; the records themselves
 * come from the {@code colour.ColourRecordSource}s.
 *
 * @param address the address
 * @param recordedBy the organisation that stored a new record; null when a record was deleted. Signal matching tells
 *     the other organisations with records at the address (never what they recorded).
 */
public record RecordedAtAddress(AddressId address, @Nullable String recordedBy) {

    /** A change that is not a new record of an organisation: a deletion. */
    public RecordedAtAddress(AddressId address) {
        this(address, null);
    }

    /** A new record, stored by {@code organisation}. */
    public static RecordedAtAddress recordedBy(AddressId address, String organisation) {
        return new RecordedAtAddress(address, organisation);
    }
}
