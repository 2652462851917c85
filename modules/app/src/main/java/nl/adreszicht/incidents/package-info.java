/**
 * Police incidents of domestic violence (domain.md section 3): registration over {@code /api/v1/incidenten} by
 * police officers, read back within their own organisation only. The police system's registration number is
 * unique per organisation, so resubmitting an incident returns the stored one instead of a duplicate. Every
 * registration and read is written to the access log before data leaves the server; a stored incident is
 * announced with {@code RecordStored} and offered to the colour code as a {@code ColourRecordSource}.
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
            "persons",
            "codelists",
            "security",
            "audit",
            "time"
        })
@NullMarked
package nl.adreszicht.incidents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
