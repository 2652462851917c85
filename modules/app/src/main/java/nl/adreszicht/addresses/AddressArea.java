package nl.adreszicht.addresses;

import org.jspecify.annotations.Nullable;

/**
 * The CBS areas an address lies in, as far as the register knows them: always the gemeente, the wijk and buurt
 * (with the year of their division) only when known. What anonymous counts per area are keyed by; it names no
 * address.
 *
 * @param gemeente the gemeente
 * @param wijk the wijk, if known
 * @param buurt the buurt, if known
 * @param year the year of the CBS area division of wijk and buurt, if known
 */
public record AddressArea(
        GemeenteCode gemeente,
        @Nullable WijkCode wijk,
        @Nullable BuurtCode buurt,
        @Nullable Integer year) {}
