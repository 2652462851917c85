/**
 * Synthetic data at regional and national scale, for benchmarks and load tests only (docs/synthetic-data.md):
 * a deterministic, seeded generator of addresses in gemeenten, wijken and buurten, police incidents, Veilig Thuis
 * meldingen and adviezen, municipal records and a sealed access-log history, loaded with COPY as the schema owner.
 * Every address it writes carries {@code synthetic = true}; names and streets say they are made up. It is started
 * only by the command {@code --adreszicht.generate=smoke|regio|land}; nothing in the application depends on it.
 */
@ApplicationModule(allowedDependencies = {"audit", "time"})
@NullMarked
package nl.adreszicht.synthetic;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
