package nl.adreszicht.addresses;

/**
 * Published by any module when it has stored a record at an address, or deleted one (retention, destruction on
 * request): the colour of that address is then recomputed. The event names the address only; the records themselves come from the {@link ColourRecordSource}s.
 *
 * @param address the address
 */
public record RecordedAtAddress(AddressId address) {}
