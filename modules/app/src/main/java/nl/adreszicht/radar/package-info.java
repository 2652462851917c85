/**
 * The radar of Veilig Thuis (domain.md sections 2 and 5): the history of an address across every agency, in one
 * timeline, for Veilig Thuis professionals whose region covers the address; beyond their region only through
 * break-the-glass, which is time-limited, logged and reviewed by their supervisors. The history is collected from
 * every module that implements its {@link nl.adreszicht.radar.AddressHistorySource} (the recording modules and the
 * colour code), so the radar depends on none of them; this module stores only the break-the-glass grants, which other
 * work of Veilig Thuis outside its region asks about through {@link nl.adreszicht.radar.BreakTheGlassGrants}.
 */
@ApplicationModule(allowedDependencies = {"records", "addresses", "codelists", "security", "audit", "time"})
@NullMarked
package nl.adreszicht.radar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
