package nl.adreszicht.monitor;

import nl.adreszicht.records.AddressId;

/**
 * Published by a recording module, in its transaction, when a record at an address changed in a way the monitor counts
 * without a new record being stored (a step of the chain: a zorgmelding sent, an onderzoek started or closed, an
 * overdracht): the monitor then reads the address's records again. A new or deleted record is announced by
 * {@code records.RecordedAtAddress} as before; when the recording pipeline gets one event for stored, changed and
 * destroyed records, this one folds into it.
 *
 * @param address the address of the record
 */
public record MonitoredRecordChanged(AddressId address) {}
