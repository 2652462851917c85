/**
 * Records of the municipality (gemeentelijke registraties, domain.md sections 2 and 3): a {@code signaal} of the
 * lokaal team or a tijdelijk {@code huisverbod} of the burgemeester, registered by a gemeente-medewerker over
 * {@code /api/v1/gemeenteregistraties} or the form, at an address in their own gemeente only, and read back within
 * their own organisation only. The registration number is unique per organisation, so resubmitting a record returns
 * the stored one instead of a duplicate. Every registration and read is written to the access log before data
 * leaves the server; a stored record is announced with {@code RecordStored} and offered to the colour code as a
 * {@code ColourRecordSource}.
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
            "codelists",
            "security",
            "audit",
            "time"
        })
@NullMarked
package nl.adreszicht.signals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
