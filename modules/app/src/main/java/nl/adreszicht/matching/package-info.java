/**
 * Signal matching (domain.md section 5), as the Verwijsindex does for youth but per address: when an organisation
 * records at an address where another organisation already has a record, both are told that the other has a
 * signal there and whom to contact; neither learns what the other recorded. Who holds a signal at an address it asks
 * every module that implements its {@link nl.adreszicht.matching.SignalHolders}, so it depends on none of them.
 */
@ApplicationModule(allowedDependencies = {"records", "security", "audit", "time"})
@NullMarked
package nl.adreszicht.matching;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
