package nl.adreszicht.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/incidenten}, as the police system sends it. Every component may be missing
 * here: {@link IncidentRegistrationCheck} reports each missing or wrong field at once, which Bean Validation on
 * the record would not do together with the checks that need the database.
 */
@Schema(description = "Een incident van huiselijk geweld zoals de politie het registreert.")
record IncidentRegistratie(
        @Schema(
                description = "Het registratienummer in het politiesysteem; uniek per organisatie",
                pattern = "^[A-Za-z0-9/-]{1,40}$",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String registratienummer,

        @Schema(
                description = "Datum en tijd van het incident, met zoneverschuiving; niet in de toekomst",
                example = "2026-03-14T22:15:00+01:00",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        OffsetDateTime tijdstip,

        @Schema(description = "IANA-tijdzone van de plaats van het incident", defaultValue = DutchTime.ZONE_ID)
        @Nullable
        String tijdzone,

        @Schema(description = "Het id van het adres in het adresregister", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String adresId,

        @Schema(
                description = "Codes uit de codelijst /api/v1/geweldsvormen; minstens één",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        List<@Nullable String> geweldsvormen,

        @Schema(
                allowableValues = {"S1", "S2", "S3"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable
        String ernst,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean kinderenAanwezig,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean letsel,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean wapen,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean alcoholDrugs,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean aangifte,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean huisverbodOpgelegd,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
        Boolean huisverbodOvertreden,

        @Schema(description = "Korte toelichting, alleen voor politie en Veilig Thuis", maxLength = 1000) @Nullable
        String toelichting,

        @Nullable List<@Nullable Betrokkene> betrokkenen) {

    /** A person involved, with their role in this incident. */
    record Betrokkene(
            @Schema(
                    allowableValues = {"slachtoffer", "pleger", "getuige", "kind", "melder"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String rol,

            @Schema(allowableValues = {"partner", "ex-partner", "ouder-kind", "kind-ouder", "overig-familie"}) @Nullable
            String relatie,

            @Schema(maxLength = 200, requiredMode = Schema.RequiredMode.REQUIRED) @Nullable
            String naam,

            @Schema(description = "Niet in de toekomst") @Nullable
            LocalDate geboortedatum,

            @Schema(description = "Negen cijfers die voldoen aan de elfproef", pattern = "^[0-9]{9}$") @Nullable
            String bsn) {}
}
