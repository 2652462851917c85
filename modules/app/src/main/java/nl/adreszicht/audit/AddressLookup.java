package nl.adreszicht.audit;

import java.util.List;

/**
 * Finds the ids of an address as a privacy officer names it, by postcode and house number, so the log (which names
 * addresses only by id) can be searched by address. Implemented by the module that keeps the register; {@code audit}
 * depends on none.
 */
public interface AddressLookup {

    /**
     * The ids of the addresses with this postcode and house number (every huisletter and toevoeging), former ids
     * included; none when there is no such address.
     *
     * @throws IllegalArgumentException when the postcode or the house number is not one
     */
    List<String> idsAt(String postcode, String huisnummer);
}
