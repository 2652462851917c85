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
        @Nullable Einde einde,

        @Schema(
                description = "Bewaartermijn: de melding wordt tot en met deze datum bewaard en daarna verwijderd"
                        + " (leeg als ze niet is ingepland)")
        @Nullable
        LocalDate bewaartermijnTot) {

    /** The melding as Veilig Thuis sees it, with its last day of retention: of a BSN only the last three digits. */
    static MeldingResource of(Melding melding, @Nullable LocalDate keptUntil) {
        Melding.Beoordeling beoordeling = melding.beoordeling();
        Melding.Onderzoek onderzoek = melding.onderzoek();
        Melding.Einde einde = melding.einde();
        return new MeldingResource(
                melding.id().toString(),
                melding.kind().code(),
                melding.registrationNumber(),
                melding.address().toString(),
                melding.zorgmelding() == null ? null : melding.zorgmelding().toString(),
                melding.receivedAt(),
                new Melder(
                        melding.melder().sector(),
                        melding.melder().name(),
                        melding.melder().contact()),
                melding.reason(),
                melding.acute(),
                melding.vervolgmelding(),
                melding.phase(),
                melding.violenceTypes().stream()
                        .map(type -> new Geweldsvorm(type.code(), type.outcome()))
                        .toList(),
                melding.persons().stream()
                        .map(person -> new Betrokkene(
                                person.role(),
                                person.relation(),
                                person.name(),
                                person.birthDate(),
                                person.bsn() == null
                                        ? null
                                        : "******" + person.bsn().substring(6)))
                        .toList(),
                beoordeling == null
                        ? null
                        : new Beoordeling(
                                beoordeling.due(),
                                beoordeling.assessedAt(),
                                beoordeling.acuteOnveiligheid(),
                                beoordeling.structureleOnveiligheid(),
                                beoordeling.outcome() == null
                                        ? null
                                        : beoordeling.outcome().code()),
                onderzoek == null
                        ? null
                        : new Onderzoek(
                                onderzoek.started(), onderzoek.due(), onderzoek.closedAt(), onderzoek.closedEarly()),
                melding.steps().stream()
                        .map(step -> new Vervolgstap(
                                step.id().toString(), step.kind(), step.date(), step.organisation(), step.note()))
                        .toList(),
                einde == null ? null : new Einde(einde.at(), einde.code().code()),
                keptUntil);
    }

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
