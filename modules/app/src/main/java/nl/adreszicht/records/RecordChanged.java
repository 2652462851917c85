package nl.adreszicht.records;

/**
 * A stored record changed in what it says about its address (a veiligheidsbeoordeling that found acute onveiligheid,
 * a step of the Handelingsprotocol). Published in the transaction of the change: the colour of the address is
 * recomputed in it. The anonymous tally and the retention schedule do not change with it.
 *
 * @param source where the record comes from
 * @param recordId its opaque id
 * @param address the address it is recorded at
 */
public record RecordChanged(RecordSource source, String recordId, AddressId address) implements RecordEvent {}
