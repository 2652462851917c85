package nl.adreszicht.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incident as the API shows it to the police officer: names and birth dates, but of a BSN only the last three
 * digits.
 */
@Schema(name = "Incident")
record IncidentResource(
        String id,
        String registratienummer,

        @Schema(description = "Datum en tijd in de tijdzone van het incident")
        OffsetDateTime tijdstip,

        String tijdzone,
        String adresId,
        List<String> geweldsvormen,
        @Schema(allowableValues = {"S1", "S2", "S3"}) String ernst,
        boolean kinderenAanwezig,
        boolean letsel,
        boolean wapen,
        boolean alcoholDrugs,
        boolean aangifte,
        boolean huisverbodOpgelegd,
        boolean huisverbodOvertreden,
        boolean zorgmelding,
        @Nullable String toelichting,
        List<BetrokkeneResource> betrokkenen,
        Instant geregistreerdOp,

        @Schema(
                description = "Bewaartermijn: het incident wordt tot en met deze datum bewaard en daarna"
                        + " verwijderd (leeg als het niet is ingepland)")
        @Nullable
        LocalDate bewaartermijnTot) {

    /** A person involved, with their role in this incident. */
    @Schema(name = "BetrokkeneInIncident")
    record BetrokkeneResource(
            String id,

            @Schema(allowableValues = {"slachtoffer", "pleger", "getuige", "kind", "melder"})
            String rol,

            @Schema(allowableValues = {"partner", "ex-partner", "ouder-kind", "kind-ouder", "overig-familie"}) @Nullable
            String relatie,

            String naam,
            @Nullable LocalDate geboortedatum,

            @Schema(description = "Alleen de laatste drie cijfers", example = "******123") @Nullable
            String bsn) {}

    static IncidentResource of(Incident incident, @Nullable LocalDate keptUntil) {
        return new IncidentResource(
                incident.id().toString(),
                incident.registrationNumber(),
                incident.occurred().toOffsetDateTime(),
                incident.occurred().getZone().getId(),
                incident.address().toString(),
                List.copyOf(incident.violenceTypes()),
                incident.severity().name(),
                incident.childrenPresent(),
                incident.injury(),
                incident.weapon(),
                incident.alcoholDrugs(),
                incident.aangifte(),
                incident.huisverbodImposed(),
                incident.huisverbodBroken(),
                incident.zorgmelding(),
                incident.summary(),
                incident.persons().stream()
                        .map(person -> new BetrokkeneResource(
                                person.id().toString(),
                                person.role(),
                                person.relation(),
                                person.name(),
                                person.birthDate(),
                                person.maskedBsn()))
                        .toList(),
                incident.registeredAt(),
                keptUntil);
    }
}
