package nl.adreszicht.retention;

import nl.adreszicht.addresses.AddressId;

/**
 * What retention knows of a stored record: who owns it and where it was recorded. No content.
 *
 * @param organisation the organisation that recorded it (the controller of its data)
 * @param address the address it was recorded at, whose colour is recomputed once it is gone
 */
public record StoredRecord(String organisation, AddressId address) {}
