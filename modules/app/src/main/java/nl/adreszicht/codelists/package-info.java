/**
 * Code lists held as data rather than code: the violence types (geweldsvormen) shared by police, Veilig
 * Thuis and the municipality. A code list changes through a Liquibase changeSet, with its validity period,
 * so registrations made under an older list stay readable; also the display names of organisations and the
 * regions of Veilig Thuis.
 */
@ApplicationModule(allowedDependencies = {"time"})
@NullMarked
package nl.adreszicht.codelists;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
