package nl.adreszicht.veiligthuis;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An advies or melding as Veilig Thuis sees it, melder identity included: every endpoint that returns it is for VT
 * roles only (docs/security/permissions.md).
 */
@Schema(name = "Melding")
record MeldingResource(
        String id,
        String soort,
        String registratienummer,
        String adresId,
        @Nullable String zorgmeldingId,
        OffsetDateTime ontvangenOp,
        Melder melder,
        String reden,
        boolean acuut,
        boolean vervolgmelding,
        String fase,
        List<Geweldsvorm> geweldsvormen,
        List<Betrokkene> betrokkenen,
        @Nullable Beoordeling veiligheidsbeoordeling,
        @Nullable Onderzoek onderzoek,
        List<Vervolgstap> vervolgstappen,
        @Nullable Einde einde) {

    @Schema(name = "Melder")
    record Melder(
            String sector, @Nullable String naam, @Nullable String contact) {}

    /** A violence type, with the onderzoek's outcome for it once there is one. */
    @Schema(name = "GeweldsvormInMelding")
    record Geweldsvorm(String code, @Nullable String uitkomst) {}

    @Schema(name = "BetrokkeneInMelding")
    record Betrokkene(
            String rol,
            @Nullable String relatie,
            String naam,
            @Nullable LocalDate geboortedatum,
            @Nullable String bsn) {}

    record Beoordeling(
            LocalDate uiterlijk,
            @Nullable OffsetDateTime beoordeeldOp,
            @Nullable Boolean acuteOnveiligheid,
            @Nullable Boolean structureleOnveiligheid,
            @Nullable String statuscode) {}

    record Onderzoek(
            LocalDate gestartOp,
            LocalDate uiterlijk,
            @Nullable OffsetDateTime afgerondOp,
            @Nullable Boolean vroegtijdigBeeindigd) {}

    record Vervolgstap(
            String id,
            String soort,
            LocalDate datum,
            @Nullable String organisatie,
            @Nullable String toelichting) {}

    record Einde(OffsetDateTime op, String statuscode) {}
}
