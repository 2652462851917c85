/**
 * Is it working? Recidive per address and the municipality's monitor (issue 15). The versioned recidive rules
 * ({@code RecidiveRules}, {@code Recidive}) applied to every record of every agency at an address, which the recording
 * modules offer through {@link nl.adreszicht.monitor.MonitoredRecordSource}, and the interventions they follow up
 * through {@link nl.adreszicht.monitor.InterventionSource} (huisverbod, VT onderzoek, overdracht, and a casusoverleg
 * plan once that module implements it). Kept as records arrive ({@code RecidiveReconcile}): the repeat count per
 * address (the repeat marker, {@link nl.adreszicht.monitor.RepeatAddresses}, the list of repeat addresses) and
 * anonymous counts per gemeente and month, summed per VT region and over all gemeenten once a month ends. For the
 * gemeente-analist the monitor (series, chain funnel, VT deadlines, recidive and interventions, beside the own VT
 * region and all participating gemeenten), every figure through the area scan's {@code DisclosureControl}, as a page
 * with charts, CSV, API and the yearly veiligheidsanalyse huiselijk geweld (PDF).
 */
@ApplicationModule(
        allowedDependencies = {
            "records",
            "addresses",
            "colour",
            "areascan",
            "codelists",
            "operations",
            "security",
            "audit",
            "time"
        })
@NullMarked
package nl.adreszicht.monitor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
