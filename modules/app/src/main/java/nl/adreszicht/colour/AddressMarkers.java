package nl.adreszicht.colour;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * What else the address card shows beside the colour: a module that marks addresses (the monitor's repeat marker)
 * implements this, so the card shows it while {@code colour} depends on none of them.
 */
public interface AddressMarkers {

    /** The marks of an address the caller already reads; none when it has none. */
    List<Mark> marksOf(AddressId address);

    /**
     * One mark.
     *
     * @param kind what it is, e.g. {@code herhalingen}
     * @param value its number
     * @param rulesVersion the version of the rules it was computed with
     */
    record Mark(String kind, int value, String rulesVersion) {}
}
