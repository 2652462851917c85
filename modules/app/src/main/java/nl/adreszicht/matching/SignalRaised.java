package nl.adreszicht.matching;

import nl.adreszicht.records.AddressId;

/**
 * An organisation now holds a signal at an address that is not a stored record of the recording pipeline (an accepted
 * case of a Zorg- en Veiligheidshuis): signal matching tells it and every other organisation with a signal there about
 * each other, after the commit, exactly as for a {@code records.RecordStored}. It is not a {@code RecordStored} because
 * nothing else may follow from it: no tally counts it, no colour weighs it, retention schedules it its own way.
 * Published in the transaction that creates the signal; kept in the event publication registry until matched.
 *
 * @param address the address
 * @param organisation the organisation that holds the signal ({@link SignalHolders} names it there)
 */
public record SignalRaised(AddressId address, String organisation) {}
