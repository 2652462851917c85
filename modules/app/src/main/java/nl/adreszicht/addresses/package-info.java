/**
 * The address register and the colour code per address (domain.md sections 3 and 4). Addresses are known by
 * an opaque id; their text never appears in URLs or logs. The colour of an address is computed by a versioned
 * {@code ColourPolicy} from the records at that address, and every result keeps the rules that fired and the
 * records that counted.
 */
@NullMarked
package nl.adreszicht.addresses;

import org.jspecify.annotations.NullMarked;
