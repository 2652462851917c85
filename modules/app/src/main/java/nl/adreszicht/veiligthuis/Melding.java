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
 * @param follow the follow-through around the protocol's steps: who handles it, hand-overs, monitoring, informing
 * @param revision the melding's revision: 1 at intake, one more with every change (its ETag on the API)
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
        long colourMark,
        Follow follow,
        long revision) {

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

    /** The professional who handles an open case, assigned by a supervisor. */
    record Behandelaar(String subject, @Nullable String name, OffsetDateTime since) {}

    /**
     * The follow-through around the protocol's steps.
     *
     * @param behandelaar the assigned professional, if any
     */
    record Follow(
            @Nullable Behandelaar behandelaar,
            List<Overdracht> overdrachten,
            List<Moment> monitoring,
            List<Raadsverzoek> raadsverzoeken,
            Informing informing,
            List<Correctie> correcties) {
        static final Follow NONE = new Follow(null, List.of(), List.of(), List.of(), Informing.NOT_YET, List.of());

        Follow {
            overdrachten = overdrachten.stream()
                    .sorted(Comparator.comparing(Overdracht::offeredAt))
                    .toList();
            monitoring = monitoring.stream()
                    .sorted(Comparator.comparing(Moment::due).thenComparing(Moment::id))
                    .toList();
        }

        /**
         * The latest offer's status as the protocol reads it: an accepted offer no longer counts once an escalation
         * reopened the case after it (Veilig Thuis may then hand over again).
         */
        @Nullable
        String handOverStatus() {
            Overdracht latest = overdracht();
            if (latest == null) {
                return null;
            }
            boolean reopenedSince = latest.decidedAt() != null
                    && monitoring.stream()
                            .anyMatch(m -> m.reopened()
                                    && m.recordedAt() != null
                                    && m.recordedAt().isAfter(latest.decidedAt()));
            return reopenedSince ? null : latest.status();
        }

        Follow with(Raadsverzoek verzoek) {
            List<Raadsverzoek> more = new ArrayList<>(raadsverzoeken);
            more.add(verzoek);
            return new Follow(behandelaar, overdrachten, monitoring, more, informing, correcties);
        }

        Follow with(Informing changed) {
            return new Follow(behandelaar, overdrachten, monitoring, raadsverzoeken, changed, correcties);
        }

        Follow with(Correctie correctie) {
            List<Correctie> more = new ArrayList<>(correcties);
            more.add(correctie);
            return new Follow(behandelaar, overdrachten, monitoring, raadsverzoeken, informing, more);
        }

        Follow with(Moment changed) {
            List<Moment> more = new ArrayList<>(monitoring);
            more.removeIf(m -> m.id().equals(changed.id()));
            more.add(changed);
            return new Follow(behandelaar, overdrachten, more, raadsverzoeken, informing, correcties);
        }

        /** The latest offer to the lokaal team, if any. */
        @Nullable
        Overdracht overdracht() {
            return overdrachten.isEmpty() ? null : overdrachten.get(overdrachten.size() - 1);
        }

        Follow with(Behandelaar assigned) {
            return new Follow(assigned, overdrachten, monitoring, raadsverzoeken, informing, correcties);
        }

        Follow with(Overdracht changed) {
            List<Overdracht> more = new ArrayList<>(overdrachten);
            more.removeIf(o -> o.id().equals(changed.id()));
            more.add(changed);
            return new Follow(behandelaar, more, monitoring, raadsverzoeken, informing, correcties);
        }
    }

    /** A correction of one field, with its earlier value: the correction history. */
    record Correctie(
            UUID id,
            String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            String reason,
            String correctedBy,
            OffsetDateTime correctedAt) {}

    /** A verzoek tot onderzoek to the Raad voor de Kinderbescherming: the day it was made and its grounds. */
    record Raadsverzoek(UUID id, LocalDate requestedOn, String grounds, OffsetDateTime recordedAt) {}

    /**
     * Informing the people in the melding: when and how they were informed, or why and until when it is postponed.
     * Due four weeks after the melding was received ({@link #DUE_AFTER}); with a ground to postpone, on its review date.
     */
    record Informing(
            @Nullable LocalDate informedOn,
            @Nullable String how,
            @Nullable String note,
            @Nullable String postponedGround,
            @Nullable LocalDate reviewOn) {

        static final Informing NOT_YET = new Informing(null, null, null, null, null);
        static final java.time.Period DUE_AFTER = java.time.Period.ofWeeks(4);
        static final List<String> WAYS = List.of("gesprek", "telefonisch", "brief", "huisbezoek");

        /** The day by which the people must be informed, or null once they are. */
        @Nullable
        LocalDate due(LocalDate received) {
            if (informedOn != null) {
                return null;
            }
            return reviewOn != null ? reviewOn : received.plus(DUE_AFTER);
        }
    }

    /**
     * A monitoring moment: due on a day, then its outcome.
     *
     * @param outcome {@code veilig}, {@code zorgen} or {@code escalatie}, once recorded
     * @param reopened whether the escalation reopened the case
     */
    record Moment(
            UUID id,
            LocalDate due,
            @Nullable String outcome,
            @Nullable String note,
            @Nullable OffsetDateTime recordedAt,
            @Nullable String recordedBy,
            boolean reopened) {

        static final List<String> OUTCOMES = List.of("veilig", "zorgen", "escalatie");
    }

    /**
     * An overdracht offered to the lokaal team of the address's gemeente, and its answer.
     *
     * @param status {@code aangeboden}, {@code geaccepteerd} or {@code geweigerd}
     */
    record Overdracht(
            UUID id,
            String gemeente,
            LocalDate offeredOn,
            OffsetDateTime offeredAt,
            String offeredBy,
            @Nullable String note,
            String status,
            @Nullable OffsetDateTime decidedAt,
            @Nullable String decidedBy,
            @Nullable String decidedOrganisation,
            @Nullable String refusalReason) {

        static final String OFFERED = "aangeboden";
        static final String ACCEPTED = "geaccepteerd";
        static final String REFUSED = "geweigerd";

        Overdracht decided(boolean accepted, @Nullable String reason, String by, @Nullable String org, Instant at) {
            return new Overdracht(
                    id,
                    gemeente,
                    offeredOn,
                    offeredAt,
                    offeredBy,
                    note,
                    accepted ? ACCEPTED : REFUSED,
                    utc(at),
                    by,
                    org,
                    accepted ? null : reason);
        }
    }

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
                0,
                Follow.NONE,
                1);
    }

    /** Where it stands, as the protocol's rules read it. */
    Handelingsprotocol.Stand stand() {
        return new Handelingsprotocol.Stand(
                kind,
                beoordeling == null ? null : beoordeling.outcome(),
                onderzoek != null,
                onderzoek != null && onderzoek.closedAt() != null,
                einde != null,
                follow.handOverStatus());
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

    /** Assigns (or reassigns) the professional who handles the case. */
    Melding assign(Behandelaar behandelaar) {
        Handelingsprotocol.assign(stand());
        return withFollow(follow.with(behandelaar));
    }

    /** Offers the case to the lokaal team of the address's gemeente. */
    Melding handOver(Overdracht offer) {
        Handelingsprotocol.handOver(stand());
        return withFollow(follow.with(offer));
    }

    /** The lokaal team's answer to an offer: accepted, or refused with a reason (the case is then VT's again). */
    Melding decide(
            UUID overdracht, boolean accepted, @Nullable String reason, String by, @Nullable String org, Instant at) {
        Overdracht offer = follow.overdrachten().stream()
                .filter(o -> o.id().equals(overdracht))
                .findFirst()
                .orElseThrow();
        Handelingsprotocol.decide(offer.status());
        return withFollow(follow.with(offer.decided(accepted, reason, by, org, at)));
    }

    /** Records a verzoek tot onderzoek to the Raad voor de Kinderbescherming (vervolg by Veilig Thuis). */
    Melding requestRaad(Raadsverzoek verzoek) {
        Handelingsprotocol.addStep(stand());
        return withFollow(follow.with(verzoek));
    }

    /** Records that the people were informed, or a ground to postpone it with a review date. */
    Melding inform(Informing informing) {
        Handelingsprotocol.inform(kind, follow.informing().informedOn());
        return withFollow(follow.with(informing));
    }

    /** The fields a correction may change. */
    static final java.util.regex.Pattern CORRECTABLE = java.util.regex.Pattern.compile(
            "ernst|kinderenBetrokken|reden|betrokkenen\\[(\\d+)]\\.(naam|geboortedatum)");

    /** The value of a correctable field as it stands, as text. */
    @Nullable
    String valueOf(String field) {
        java.util.regex.Matcher person = CORRECTABLE.matcher(field);
        if (!person.matches()) {
            throw new nl.adreszicht.records.InvalidValueException("veld", "validation.correctie.veld");
        }
        return switch (field) {
            case "ernst" -> severity.name();
            case "kinderenBetrokken" -> String.valueOf(childrenInvolved);
            case "reden" -> reason;
            default -> {
                Person p = person(person);
                yield person.group(2).equals("naam")
                        ? p.name()
                        : (p.birthDate() == null ? null : p.birthDate().toString());
            }
        };
    }

    /**
     * The melding with one field corrected (the value already checked for the field), and the correction in its
     * history.
     */
    Melding correct(String field, String value, String why, String by, Instant at) {
        String old = valueOf(field);
        Severity newSeverity = field.equals("ernst") ? Severity.valueOf(value) : severity;
        boolean newChildren = field.equals("kinderenBetrokken") ? Boolean.parseBoolean(value) : childrenInvolved;
        String newReason = field.equals("reden") ? value : this.reason;
        List<Person> newPersons = persons;
        java.util.regex.Matcher person = CORRECTABLE.matcher(field);
        if (person.matches() && person.group(1) != null) {
            int index = Integer.parseInt(person.group(1));
            Person p = person(person);
            Person corrected = person.group(2).equals("naam")
                    ? new Person(p.role(), p.relation(), value, p.birthDate(), p.bsn())
                    : new Person(p.role(), p.relation(), p.name(), LocalDate.parse(value), p.bsn());
            List<Person> changed = new ArrayList<>(persons);
            changed.set(index, corrected);
            newPersons = changed;
        }
        Correctie correctie = new Correctie(UUID.randomUUID(), field, old, value, why, by, utc(at));
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
                newReason,
                acute,
                newSeverity,
                newChildren,
                vervolgmelding,
                violenceTypes,
                newPersons,
                beoordeling,
                onderzoek,
                steps,
                einde,
                colourMark,
                follow.with(correctie),
                revision);
    }

    private Person person(java.util.regex.Matcher matched) {
        int index = Integer.parseInt(matched.group(1));
        if (index >= persons.size()) {
            throw new nl.adreszicht.records.InvalidValueException("veld", "validation.correctie.veld");
        }
        return persons.get(index);
    }

    /** What the anonymous tally counts of this melding. */
    nl.adreszicht.records.RecordChanged.Tallied tallied() {
        return new nl.adreszicht.records.RecordChanged.Tallied(
                receivedOn(), severity, childrenInvolved, violenceTypeCodes());
    }

    /** Plans a monitoring moment: possible after the beoordeling, also once the involvement has ended. */
    Melding planMonitoring(Moment moment) {
        Handelingsprotocol.planMonitoring(stand());
        return withFollow(follow.with(moment));
    }

    /**
     * Records a monitoring moment's outcome (once); an escalation that reopens the case ends its einde, so the case is
     * open on the worklist again.
     */
    Melding recordMonitoring(
            UUID moment, String outcome, @Nullable String note, boolean reopen, String by, Instant at) {
        Moment planned = follow.monitoring().stream()
                .filter(m -> m.id().equals(moment))
                .findFirst()
                .orElseThrow(
                        () -> new Handelingsprotocol.Refused("Dit monitoringsmoment hoort niet bij deze melding."));
        Handelingsprotocol.recordMonitoring(planned.outcome());
        Moment recorded = new Moment(planned.id(), planned.due(), outcome, note, utc(at), by, reopen);
        Melding after = withFollow(follow.with(recorded));
        // Reopened, it is open again: the same melding, its follow-through as recorded, without its einde.
        return reopen ? after.with(beoordeling, onderzoek, steps, null, violenceTypes) : after;
    }

    /** The melding as it stands once its change is stored: the next revision. */
    Melding revised() {
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, colourMark, follow, revision + 1);
    }

    /** The melding with its follow-through as it stands. */
    Melding withFollow(Follow follow) {
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, colourMark, follow, revision);
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
        return copy(violenceTypes, persons, beoordeling, onderzoek, steps, einde, colourMark, follow, revision);
    }

    private Melding copy(
            List<Geweldsvorm> violenceTypes,
            List<Person> persons,
            @Nullable Beoordeling beoordeling,
            @Nullable Onderzoek onderzoek,
            List<Stap> steps,
            @Nullable Einde einde,
            long colourMark,
            Follow follow,
            long revision) {
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
                colourMark,
                follow,
                revision);
    }

    private static LocalDate receivedOn(Instant receivedAt) {
        return nl.adreszicht.time.DutchTime.dayOf(receivedAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
