package nl.adreszicht.records;

/**
 * Published by retention, in the transaction that deletes a record (at the end of its retention or destroyed on
 * request), after the record is gone: every module then removes what it derived from that record (signal matches,
 * colour history entries, the free text of raises, lowerings and break-the-glass grants made while it was at the
 * address) and the colour of the address is recomputed without it. Listeners run synchronously in that transaction, so
 * either all of it goes or nothing does. The anonymous tallies of the area scan are never touched.
 *
 * @param source where the record came from
 * @param recordId its id
 * @param address the address it was recorded at
 */
public record RecordDestroyed(RecordSource source, String recordId, AddressId address) implements RecordEvent {}
