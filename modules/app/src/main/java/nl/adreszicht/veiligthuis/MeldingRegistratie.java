package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/meldingen} and {@code /api/v1/adviezen}, as sent: every field nullable, so that
 * {@link MeldingIntakeCheck} can name every missing or wrong field at once.
 *
 * @param zorgmeldingId the police zorgmelding this melding takes in; its address and violence types come along
 * @param adresId the address, when not from a zorgmelding
 * @param ontvangenOp when Veilig Thuis received it; now when absent
 * @param melder who reports: sector, and name and contact that stay within Veilig Thuis
 * @param reden why, in the melder's words
 * @param acuut whether it needs a beoordeling today
 * @param geweldsvormen violence type codes
 * @param betrokkenen the persons, each with their role in this melding
 */
record MeldingRegistratie(
        @Nullable String zorgmeldingId,
        @Nullable String adresId,
        @Nullable OffsetDateTime ontvangenOp,
        @Nullable Melder melder,
        @Nullable String reden,
        @Nullable Boolean acuut,
        @Nullable List<@Nullable String> geweldsvormen,
        @Nullable List<@Nullable Betrokkene> betrokkenen) {

    /** The melder: the sector always, name and contact when known (never shown outside Veilig Thuis). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "MeldingMelder")
    record Melder(
            @Nullable String sector,
            @Nullable String naam,
            @Nullable String contact) {}

    /** A person in the melding, with their role in it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "MeldingBetrokkene")
    record Betrokkene(
            @Nullable String rol,
            @Nullable String relatie,
            @Nullable String naam,
            @Nullable LocalDate geboortedatum,
            @Nullable String bsn) {}
}
