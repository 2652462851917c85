package nl.adreszicht.veiligthuis;

import org.jspecify.annotations.Nullable;

/**
 * Which step of the Handelingsprotocol Veilig Thuis may take next, given where a melding or advies stands. A step
 * the protocol does not allow is refused with a {@link Refused} that says why, in Dutch, for the problem response.
 * Plain rules, tested without Spring.
 */
final class Handelingsprotocol {

    private Handelingsprotocol() {}

    /** Where a case stands: the facts the rules read. */
    record Stand(
            NewMelding.Kind kind,
            @Nullable StatusCode assessment,
            boolean investigationStarted,
            boolean investigationClosed,
            boolean ended,
            @Nullable String handOver) {

        Stand(
                NewMelding.Kind kind,
                @Nullable StatusCode assessment,
                boolean investigationStarted,
                boolean investigationClosed,
                boolean ended) {
            this(kind, assessment, investigationStarted, investigationClosed, ended, null);
        }
    }

    /** A step the protocol does not allow here. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    static void assess(Stand stand) {
        if (stand.kind() == NewMelding.Kind.ADVIES) {
            throw new Refused(
                    "Een advies krijgt geen veiligheidsbeoordeling; registreer een melding als dat nodig is.");
        }
        if (stand.assessment() != null) {
            throw new Refused("Deze melding heeft al een veiligheidsbeoordeling; een tweede uitkomst kan niet.");
        }
        if (stand.ended()) {
            throw new Refused("De bemoeienis met deze melding is al beëindigd.");
        }
    }

    static void startInvestigation(Stand stand) {
        following(stand);
        if (stand.investigationStarted()) {
            throw new Refused("Voor deze melding is al een onderzoek gestart.");
        }
    }

    static void closeInvestigation(Stand stand) {
        if (!stand.investigationStarted()) {
            throw new Refused("Dit onderzoek is nooit gestart; het kan dus niet worden afgerond.");
        }
        if (stand.investigationClosed()) {
            throw new Refused("Dit onderzoek is al afgerond; een tweede uitkomst kan niet.");
        }
    }

    static void addStep(Stand stand) {
        following(stand);
    }

    static void end(Stand stand) {
        if (stand.ended()) {
            throw new Refused("De bemoeienis is al beëindigd.");
        }
        if (stand.kind() == NewMelding.Kind.MELDING && stand.assessment() == null) {
            throw new Refused("Eerst de veiligheidsbeoordeling: zonder beoordeling kan de bemoeienis niet eindigen.");
        }
        if (stand.investigationStarted() && !stand.investigationClosed()) {
            throw new Refused("Het onderzoek loopt nog; rond het eerst af.");
        }
    }

    static void assign(Stand stand) {
        if (stand.ended()) {
            throw new Refused("De bemoeienis met deze melding is beëindigd; toewijzen kan niet meer.");
        }
    }

    /** An overdracht to the lokaal team: after the onderzoek (if any), one offer at a time, once accepted never again. */
    static void handOver(Stand stand) {
        following(stand);
        if (stand.investigationStarted() && !stand.investigationClosed()) {
            throw new Refused("Het onderzoek loopt nog; rond het eerst af voordat u overdraagt.");
        }
        if (Melding.Overdracht.OFFERED.equals(stand.handOver())) {
            throw new Refused("Er staat al een overdracht open; wacht op het antwoord van het lokale team.");
        }
        if (Melding.Overdracht.ACCEPTED.equals(stand.handOver())) {
            throw new Refused("Het lokale team heeft de overdracht al geaccepteerd.");
        }
    }

    /** Monitoring: after a beoordeling of a melding, also after overdracht and einde (that is its point). */
    static void planMonitoring(Stand stand) {
        if (stand.kind() == NewMelding.Kind.ADVIES) {
            throw new Refused("Een advies heeft geen monitoring door Veilig Thuis.");
        }
        if (stand.assessment() == null) {
            throw new Refused("Eerst de veiligheidsbeoordeling: zonder beoordeling is er geen monitoring.");
        }
    }

    /** The people in a melding are informed once; until then a postponement may be recorded (again). */
    static void inform(NewMelding.Kind kind, java.time.@Nullable LocalDate informedOn) {
        if (kind == NewMelding.Kind.ADVIES) {
            throw new Refused("Bij een advies informeert Veilig Thuis de betrokkenen niet; dat doet de adviesvrager.");
        }
        if (informedOn != null) {
            throw new Refused("De betrokkenen zijn al geïnformeerd.");
        }
    }

    /** A monitoring moment gets its outcome once. */
    static void recordMonitoring(@Nullable String outcome) {
        if (outcome != null) {
            throw new Refused("De uitkomst van dit monitoringsmoment is al vastgelegd (" + outcome + ").");
        }
    }

    /** The lokaal team answers an offer once. */
    static void decide(String status) {
        if (!Melding.Overdracht.OFFERED.equals(status)) {
            throw new Refused("Over deze overdracht is al beslist (" + status + ").");
        }
    }

    /** Vervolg by Veilig Thuis itself needs a beoordeling that said so, and an involvement that has not ended. */
    private static void following(Stand stand) {
        if (stand.kind() == NewMelding.Kind.ADVIES) {
            throw new Refused("Een advies heeft geen vervolg door Veilig Thuis.");
        }
        if (stand.assessment() == null) {
            throw new Refused("Eerst de veiligheidsbeoordeling: zonder beoordeling is er geen vervolg.");
        }
        if (stand.ended()) {
            throw new Refused("De bemoeienis met deze melding is al beëindigd.");
        }
        if (!stand.assessment().vtContinues()) {
            throw new Refused(
                    "Na uitkomst " + stand.assessment().code() + " blijft het vervolg niet bij Veilig Thuis.");
        }
    }
}
