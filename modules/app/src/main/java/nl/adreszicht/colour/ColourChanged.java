package nl.adreszicht.colour;

import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * Published in the recomputing transaction when an address's colour changes, or when it loses its colour (its
 * last record deleted): for the counts of addresses per colour band that are kept as records arrive, so national
 * figures never count ten million addresses.
 *
 * @param address the address
 * @param from its colour before; null when it had none
 * @param to its colour now; null when it has none any more
 */
public record ColourChanged(
        AddressId address, @Nullable Colour from, @Nullable Colour to) {}
