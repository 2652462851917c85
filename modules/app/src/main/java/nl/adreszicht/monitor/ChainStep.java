package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A step of the chain taken on a record: what the monitor's funnel (police incidents, zorgmeldingen, VT meldingen,
 * veiligheidsbeoordelingen, outcomes) and Veilig Thuis's deadline performance count.
 *
 * @param kind which step
 * @param on the day it was taken, in Europe/Amsterdam
 * @param withinDeadline for a veiligheidsbeoordeling or a closed onderzoek: whether it was taken by its statutory
 *     deadline (5 working days, 10 weeks), as the recording module computed that deadline; null otherwise
 * @param outcome for a veiligheidsbeoordeling its status code (e.g. {@code VT-01-01}); null otherwise
 */
public record ChainStep(
        Kind kind,
        LocalDate on,
        @Nullable Boolean withinDeadline,
        @Nullable String outcome) {

    /** The steps the monitor counts. */
    public enum Kind {
        /** The police sent a zorgmelding to Veilig Thuis about an incident. */
        ZORGMELDING,
        /** Veilig Thuis assessed the safety of a melding. */
        VEILIGHEIDSBEOORDELING,
        /** Veilig Thuis closed an onderzoek. */
        ONDERZOEK_AFGEROND
    }

    public ChainStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
        if (kind != Kind.ZORGMELDING && withinDeadline == null) {
            throw new IllegalArgumentException(kind + " needs whether it was within its deadline");
        }
        if (kind == Kind.VEILIGHEIDSBEOORDELING && (outcome == null || !outcome.matches("VT-[0-9]{2}(-[0-9]{2})?"))) {
            throw new IllegalArgumentException("A veiligheidsbeoordeling needs its status code");
        }
    }
}
