/**
 * People as they appear in records (betrokkenen): minimal identity, and the value types that validate it, such
 * as the BSN. A person's role belongs to one incident or melding, never to the person overall.
 */
@ApplicationModule(allowedDependencies = {"records"})
@NullMarked
package nl.adreszicht.persons;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
