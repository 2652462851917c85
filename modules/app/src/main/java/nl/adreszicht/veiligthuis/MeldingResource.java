package nl.adreszicht.veiligthuis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An advies or melding as Veilig Thuis sees it, melder identity included: every endpoint that returns it is for VT
 * roles only (docs/security/permissions.md). Its revision is the ETag a change must name in If-Match.
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
        @Schema(description = "S1, S2 of S3") String ernst,
        boolean kinderenBetrokken,
        boolean vervolgmelding,
        String fase,
        List<Geweldsvorm> geweldsvormen,
        List<Betrokkene> betrokkenen,
        @Nullable Beoordeling veiligheidsbeoordeling,
        @Nullable Onderzoek onderzoek,
        List<Vervolgstap> vervolgstappen,
        @Nullable Einde einde,
        @Nullable Behandelaar behandelaar,
        List<Overdracht> overdrachten,
        List<Monitoringsmoment> monitoring,
        List<Raadsverzoek> raadsverzoeken,
        @Nullable Informeren informeren,
        List<Correctie> correcties,

        @Schema(
                description = "Bewaartermijn: de melding wordt tot en met deze datum bewaard en daarna verwijderd"
                        + " (leeg als ze niet is ingepland)")
        @Nullable
        LocalDate bewaartermijnTot,

        // Not in the body: the API answers it as the ETag header, the page as its forms' hidden revisie.
        @JsonIgnore @Schema(hidden = true) long revision) {

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
                melding.severity().name(),
                melding.childrenInvolved(),
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
                behandelaar(melding.follow().behandelaar()),
                melding.follow().overdrachten().stream()
                        .map(o -> new Overdracht(
                                o.id().toString(),
                                o.gemeente(),
                                o.offeredOn(),
                                o.note(),
                                o.status(),
                                o.decidedAt(),
                                o.decidedOrganisation(),
                                o.refusalReason()))
                        .toList(),
                melding.follow().monitoring().stream()
                        .map(m -> new Monitoringsmoment(
                                m.id().toString(), m.due(), m.outcome(), m.note(), m.recordedAt(), m.reopened()))
                        .toList(),
                melding.follow().raadsverzoeken().stream()
                        .map(r -> new Raadsverzoek(r.id().toString(), r.requestedOn(), r.grounds(), r.recordedAt()))
                        .toList(),
                informeren(melding),
                melding.follow().correcties().stream()
                        .map(c -> new Correctie(c.field(), c.oldValue(), c.newValue(), c.reason(), c.correctedAt()))
                        .toList(),
                keptUntil,
                melding.revision());
    }

    private static @Nullable Informeren informeren(Melding melding) {
        if (melding.kind() != NewMelding.Kind.MELDING) {
            return null;
        }
        Melding.Informing informing = melding.follow().informing();
        return new Informeren(
                informing.due(melding.receivedOn()),
                informing.informedOn(),
                informing.how(),
                informing.note(),
                informing.postponedGround(),
                informing.reviewOn());
    }

    private static @Nullable Behandelaar behandelaar(Melding.@Nullable Behandelaar behandelaar) {
        return behandelaar == null
                ? null
                : new Behandelaar(behandelaar.subject(), behandelaar.name(), behandelaar.since());
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

    /** An overdracht to the lokaal team of the gemeente, and its answer. */
    @Schema(name = "OverdrachtVanMelding")
    record Overdracht(
            String id,
            String gemeente,
            LocalDate datum,
            @Nullable String toelichting,

            @Schema(description = "aangeboden, geaccepteerd of geweigerd")
            String status,

            @Nullable OffsetDateTime beslistOp,
            @Nullable String beslistDoor,
            @Nullable String weigeringsreden) {}

    /** A correction of one field: the earlier value stays visible. */
    @Schema(name = "Correctie")
    record Correctie(
            String veld,
            @Nullable String oudeWaarde,
            @Nullable String nieuweWaarde,
            String reden,
            OffsetDateTime gecorrigeerdOp) {}

    /** A verzoek tot onderzoek to the Raad voor de Kinderbescherming. */
    @Schema(name = "Raadsverzoek")
    record Raadsverzoek(String id, LocalDate datum, String gronden, OffsetDateTime vastgelegdOp) {}

    /** Informing the people in the melding: due in four weeks, done, or postponed on a ground until a review date. */
    @Schema(name = "InformerenVanBetrokkenen")
    record Informeren(
            @Schema(description = "Uiterlijk te informeren (leeg zodra geïnformeerd)") @Nullable
            LocalDate uiterlijk,

            @Nullable LocalDate geinformeerdOp,

            @Schema(description = "gesprek, telefonisch, brief of huisbezoek") @Nullable
            String wijze,

            @Nullable String toelichting,
            @Nullable String uitstelgrond,
            @Nullable LocalDate herbeoordelingOp) {}

    /** A monitoring moment and, once recorded, its outcome. */
    @Schema(name = "Monitoringsmoment")
    record Monitoringsmoment(
            String id,
            LocalDate uiterlijk,

            @Schema(description = "veilig, zorgen of escalatie") @Nullable
            String uitkomst,

            @Nullable String toelichting,
            @Nullable OffsetDateTime vastgelegdOp,
            boolean heropend) {}

    /** The professional who handles the case. */
    @Schema(name = "BehandelaarVanMelding")
    record Behandelaar(String id, @Nullable String naam, OffsetDateTime sinds) {}
}
