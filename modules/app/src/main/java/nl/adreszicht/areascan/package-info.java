/**
 * The area scan (gebiedsscan, domain.md section 6). Built so far: the anonymous record tally it will read,
 * {@code record_tally}: per CBS area (gemeente, wijk, buurt with their year), calendar month, source, severity and
 * children present, how many records were made. It holds no ids, no address and no person, so it outlives the
 * records it counts: deleting a record at the end of its retention never changes it. Every module that stores a
 * record at an address calls {@link nl.adreszicht.areascan.RecordTally#count} in the same transaction. Disclosure
 * control, periods and the screens are still to come.
 */
@NullMarked
package nl.adreszicht.areascan;

import org.jspecify.annotations.NullMarked;
