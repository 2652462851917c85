package nl.adreszicht.monitor;

import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import nl.adreszicht.records.RecordSource;

/**
 * One version of the recidive rules as data (domain.md section 3, "Recidive"), like the colour code's rules versions:
 * the rules themselves ({@link Recidive}) hold no numbers, every figure and every address's repeat count names the
 * version it was computed with, and a new version is a new row of configuration ({@code recidive_rules_version}).
 *
 * <ul>
 *   <li>An <b>index event</b> is an event at an address with no record in the {@code window} before it.
 *   <li>A <b>repeat</b> is a later event within the {@code window} after the previous one.
 *   <li>Records of the same event from two organisations count once: the colour code's same-event rule
 *       ({@code colour.SameEvents}), with {@code sameEventDays}.
 *   <li>An index event is <b>followed by a repeat</b> within {@code shortFollowUp} or {@code longFollowUp}; an
 *       intervention is followed up over the same two periods after it, against {@code window} before it.
 * </ul>
 *
 * @param id the version's name, e.g. {@code r1}; stored with every computed figure
 * @param window how far back a record makes the next one a repeat (v1: 12 months)
 * @param sameEventDays how many days apart a police incident and a VT melding about the same persons may be and
 *     still be one event (v1: 1, as the colour code)
 * @param sources the sources whose records count (v1: all)
 * @param shortFollowUp the shorter follow-up after an index event or intervention (v1: 6 months)
 * @param longFollowUp the longer one (v1: 12 months)
 */
record RecidiveRules(
        String id,
        Period window,
        int sameEventDays,
        Set<RecordSource> sources,
        Period shortFollowUp,
        Period longFollowUp) {

    RecidiveRules {
        if (id.isBlank() || id.length() > 16) {
            throw new IllegalArgumentException("A rules version needs a short id");
        }
        positive(window, "window");
        positive(shortFollowUp, "shortFollowUp");
        positive(longFollowUp, "longFollowUp");
        if (sameEventDays < 0) {
            throw new IllegalArgumentException("sameEventDays must not be negative");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("At least one source must count");
        }
        sources = Collections.unmodifiableSet(EnumSet.copyOf(sources));
        if (shortFollowUp.toTotalMonths() >= longFollowUp.toTotalMonths()) {
            throw new IllegalArgumentException("The short follow-up must be shorter than the long one");
        }
        // A day or more: two events of one day are an index event and its repeat, never one event by the window.
        if (window.toTotalMonths() == 0 && window.getDays() <= sameEventDays) {
            throw new IllegalArgumentException("The window must be longer than sameEventDays");
        }
    }

    /** Version 1: the definition of domain.md section 3 and issue 15. */
    static RecidiveRules v1() {
        return new RecidiveRules(
                "r1",
                Period.ofMonths(12),
                1,
                EnumSet.allOf(RecordSource.class),
                Period.ofMonths(6),
                Period.ofMonths(12));
    }

    boolean counts(RecordSource source) {
        return sources.contains(source);
    }

    private static void positive(Period period, String name) {
        // Each component non-negative: P1M-40D would make the period depend on the month.
        if (period.isZero() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + period);
        }
    }
}
