/**
 * Retention and destruction (domain.md section 7; docs/privacy/retention.md). Each contribution (a police
 * incident, a Veilig Thuis melding, a municipal signal) gets its own last day of retention when it is stored, from
 * the versioned {@code RetentionRule}: a period per source, and for family records at least until the youngest
 * child comes of age. A daily sweep, run by one instance of the cluster, deletes what has expired through each
 * source's {@link nl.adreszicht.retention.RetentionSource}, logs every deletion and has the colour of the address
 * recomputed; a privacy officer can have a record destroyed on request. The anonymous tally of the area scan is
 * never touched, so aggregates survive. The same officer handles inzage requests: every source finds the records a
 * person appears in ({@code RetentionSource#concerning}), {@code InzageRedaction} blacks out what is not theirs, and
 * the export is JSON or a PDF.
 */
@ApplicationModule(allowedDependencies = {"records", "persons", "security", "audit", "time"})
@NullMarked
package nl.adreszicht.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
