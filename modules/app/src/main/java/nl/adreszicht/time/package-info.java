/**
 * Time: the application's one reading of the clock and its one calendar, the Dutch one. Every module asks {@link
 * nl.adreszicht.time.DutchTime} for "now" and "today"; {@code TimeArchitectureTest} fails the build on any other
 * reading of the system clock in main code, so a test that fixes the {@link java.time.Clock} bean fixes time for
 * the whole application.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package nl.adreszicht.time;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
