/**
 * Veilig Thuis (domain.md sections 2, 3 and 5, the Handelingsprotocol): intake of adviezen and meldingen (from a
 * police zorgmelding or any other melder, whose identity stays within Veilig Thuis), the veiligheidsbeoordeling
 * within five working days ({@code WorkingDays}, {@code DutchPublicHolidays}), vervolg (onderzoek within ten weeks,
 * Raad voor de Kinderbescherming, voorwaarden en vervolg, overdracht, monitoring, einde bemoeienis), terugkoppeling
 * of the status code to the police melder, and the worklist of a VT region. Everything is scoped to the VT region
 * of the professional's token; every read and write is in the access log. Its meldingen and adviezen count in the
 * colour of their address as a {@code ColourRecordSource}; acute onveiligheid makes the address red.
 */
@ApplicationModule(
        allowedDependencies = {
            "records",
            "addresses",
            "colour",
            "radar",
            "matching",
            "retention",
            "areascan",
            "monitor",
            "incidents",
            "persons",
            "codelists",
            "security",
            "audit",
            "time"
        })
@NullMarked
package nl.adreszicht.veiligthuis;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
