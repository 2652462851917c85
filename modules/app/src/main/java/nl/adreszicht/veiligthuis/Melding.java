package nl.adreszicht.veiligthuis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * An advies or melding of Veilig Thuis with where it stands in the Handelingsprotocol: the aggregate
 * {@link MeldingStore} reads and writes whole. Every protocol step is a method that checks the step against
 * {@link Handelingsprotocol} and returns the melding as it stands after it (a step the protocol does not allow throws
 * {@link Handelingsprotocol.Refused} and changes nothing), so the rules and the state they read live in one place.
 *
 * @param region the VT region that took it in (copied at intake), which scopes every lookup
 * @param organisation the VT organisation that took it in; null for one taken in before meldingen carried it
 * @param zorgmelding the police zorgmelding it was taken in from, if any
 * @param beoordeling the veiligheidsbeoordeling: due at intake for a melding, null for an advies
 * @param colourMark the address's colour as counted with this melding: later rises are escalations (worklist)
 */
record Melding(
        UUID id,
        NewMelding.Kind kind,
        String registrationNumber,
        String region,
        @Nullable String organisation,
        AddressId address,
        @Nullable UUID zorgmelding,
        OffsetDateTime receivedAt,
        Melder melder,
        String reason,
        boolean acute,
        Severity severity,
        boolean childrenInvolved,
        boolean vervolgmelding,
        List<Geweldsvorm> violenceTypes,
        List<Person> persons,
        @Nullable Beoordeling beoordeling,
        @Nullable Onderzoek onderzoek,
        List<Stap> steps,
        @Nullable Einde einde,
        long colourMark) {

    Melding {
        violenceTypes = List.copyOf(violenceTypes);
        persons = List.copyOf(persons);
        steps = steps.stream()
                .sorted(Comparator.comparing(Stap::date).thenComparing(Stap::recordedAt))
                .toList();
    }

    /** Who reported it; the name and contact stay within Veilig Thuis. */
    record Melder(
            String sector, @Nullable String name, @Nullable String contact) {}

    /** A violence type, with the onderzoek's outcome for it once there is one. */
    record Geweldsvorm(String code, @Nullable String outcome) {}

    /** A betrokkene with their role in this melding. */
    record Person(
            String role,
            @Nullable String relation,
            String name,
            @Nullable LocalDate birthDate,
            @Nullable String bsn) {}

    /** The veiligheidsbeoordeling: due on a working day, then its outcome once given. */
    record Beoordeling(
            LocalDate due,
            @Nullable OffsetDateTime assessedAt,
            @Nullable Boolean acuteOnveiligheid,
            @Nullable Boolean structureleOnveiligheid,
            @Nullable StatusCode outcome) {}

    /** The onderzoek: started, due ten weeks later, closed with outcomes per violence type or early. */
    record Onderzoek(
            LocalDate started,
            LocalDate due,
            @Nullable OffsetDateTime closedAt,
            @Nullable Boolean closedEarly) {}

    /** A vervolgstap: a request to the Raad, voorwaarden en vervolg, an overdracht, a monitoring moment. */
    record Stap(
            UUID id,
            String kind,
            LocalDate date,
            @Nullable String organisation,
            @Nullable String note,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    /** The end of Veilig Thuis's involvement, with the status code the police melder sees. */
    record Einde(OffsetDateTime at, StatusCode code) {}

    /** A new advies or melding as taken in, before its colour is counted. */
    static Melding takeIn(
            NewMelding melding,
            UUID id,
            String registrationNumber,
            String region,
            @Nullable String organisation,
            boolean vervolgmelding) {
        LocalDate receivedOn = receivedOn(melding.receivedAt());
        return new Melding(
                id,
                melding.kind(),
                registrationNumber,
                region,
                organisation,
                melding.address(),
                melding.zorgmelding(),
                utc(melding.receivedAt()),
                new Melder(melding.melderSector(), melding.melderName(), melding.melderContact()),
                melding.reason(),
                melding.acute(),
                melding.severity(),
                melding.childrenInvolved(),
                vervolgmelding,
                melding.violenceTypes().stream()
                        .map(code -> new Geweldsvorm(code, null))
                        .toList(),
                melding.persons().stream()
                        .map(person -> new Person(
                                person.role(),
                                person.relation(),
                                person.name(),
                                person.birthDate(),
                                person.bsn() == null ? null : person.bsn().value()))
                        .toList(),
                melding.kind() == NewMelding.Kind.MELDING
                        ? new Beoordeling(
                                WorkingDays.assessmentDue(receivedOn, melding.acute()), null, null, null, null)
                        : null,
                null,
                List.of(),
                null,
                0);
    }

    /** Where it stands, as the protocol's rules read it. */
    Handelingsprotocol.Stand stand() {
        return new Handelingsprotocol.Stand(
                kind,
                beoordeling == null ? null : beoordeling.outcome(),
                onderzoek != null,
                onderzoek != null && onderzoek.closedAt() != null,
                einde != null);
    }

    /** The phase a case is in, for people: ontvangen, beoordeeld, onderzoek, afgesloten. */
    String phase() {
        return Meldingen.phase(
                beoordeling == null || beoordeling.outcome() == null
                        ? null
                        : beoordeling.outcome().code(),
                onderzoek == null ? null : onderzoek.started(),
                onderzoek == null ? null : onderzoek.closedAt(),
                einde);
    }

    /** Where it comes from, for the colour, the tally and retention. */
    RecordSource source() {
        return kind == NewMelding.Kind.MELDING ? RecordSource.VT_MELDING : RecordSource.VT_ADVIES;
    }

    /** The day it was received, in Europe/Amsterdam. */
    LocalDate receivedOn() {
        return receivedOn(receivedAt.toInstant());
    }

    /** The violence type codes, in order. */
    List<String> violenceTypeCodes() {
        return violenceTypes.stream().map(Geweldsvorm::code).toList();
    }

    /**
     * The veiligheidsbeoordeling (once): an outcome with which Veilig Thuis does not go on (not ontvankelijk, handed
     * over, no follow-up, the wrong recipient) ends its involvement at once.
     */
    Melding assess(boolean acuteOnveiligheid, boolean structureleOnveiligheid, StatusCode outcome, Instant now) {
        Handelingsprotocol.assess(stand());
        OffsetDateTime at = utc(now);
        return with(
                new Beoordeling(beoordeling.due(), at, acuteOnveiligheid, structureleOnveiligheid, outcome),
                onderzoek,
                steps,
                outcome.vtContinues() ? einde : new Einde(at, outcome),
                violenceTypes);
    }

    /** Starts the onderzoek, due ten weeks later. */
    Melding startInvestigation(LocalDate start) {
        Handelingsprotocol.startInvestigation(stand());
        return with(
                beoordeling,
                new Onderzoek(start, WorkingDays.investigationDue(start), null, null),
                steps,
                einde,
                violenceTypes);
    }

    /** Closes the onderzoek, with an outcome per violence type (those given), or early. */
    Melding closeInvestigation(Map<String, String> outcomes, boolean early, Instant now) {
        Handelingsprotocol.closeInvestigation(stand());
        return with(
                beoordeling,
                new Onderzoek(onderzoek.started(), onderzoek.due(), utc(now), early),
                steps,
                einde,
                violenceTypes.stream()
                        .map(type -> new Geweldsvorm(type.code(), outcomes.getOrDefault(type.code(), type.outcome())))
                        .toList());
    }

    /** Adds a vervolgstap. */
    Melding addStep(Stap step) {
        Handelingsprotocol.addStep(stand());
        List<Stap> more = new ArrayList<>(steps);
        more.add(step);
        return with(beoordeling, onderzoek, more, einde, violenceTypes);
    }

    /** Ends Veilig Thuis's involvement. */
    Melding end(StatusCode code, Instant now) {
        Handelingsprotocol.end(stand());
        return with(beoordeling, onderzoek, steps, new Einde(utc(now), code), violenceTypes);
    }

    /** The status code the police melder sees after a step, if the step gave one and the melding has a melder. */
    @Nullable
    StatusCode feedbackAfter(Melding before) {
        if (zorgmelding == null) {
            return null;
        }
        if (einde != null && before.einde() == null) {
            return einde.code();
        }
        if (beoordeling != null
                && beoordeling.outcome() != null
                && (before.beoordeling() == null || before.beoordeling().outcome() == null)) {
            return beoordeling.outcome();
        }
        return null;
    }

    /** The melding with the address's colour as now counted with it. */
    Melding marked(long mark) {
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, mark);
    }

    /** The melding with its violence types, betrokkenen and vervolgstappen, as read back. */
    Melding withParts(List<Geweldsvorm> violenceTypes, List<Person> persons, List<Stap> steps) {
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, colourMark);
    }

    private Melding with(
            @Nullable Beoordeling beoordeling,
            @Nullable Onderzoek onderzoek,
            List<Stap> steps,
            @Nullable Einde einde,
            List<Geweldsvorm> violenceTypes) {
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, colourMark);
    }

    private Melding copy(
            List<Geweldsvorm> violenceTypes,
            List<Person> persons,
            @Nullable Beoordeling beoordeling,
            @Nullable Onderzoek onderzoek,
            List<Stap> steps,
            @Nullable Einde einde,
            long colourMark) {
        return new Melding(
                id,
                kind,
                registrationNumber,
                region,
                organisation,
                address,
                zorgmelding,
                receivedAt,
                melder,
                reason,
                acute,
                severity,
                childrenInvolved,
                vervolgmelding,
                violenceTypes,
                persons,
                beoordeling,
                onderzoek,
                steps,
                einde,
                colourMark);
    }

    private static LocalDate receivedOn(Instant receivedAt) {
        return nl.adreszicht.time.DutchTime.dayOf(receivedAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
