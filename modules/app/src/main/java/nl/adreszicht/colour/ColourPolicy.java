package nl.adreszicht.colour;

import static java.util.Comparator.comparing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import nl.adreszicht.records.Severity;

/**
 * Decides the colour of an address from its records and overrides, with one {@link ColourRulesVersion}. A pure
 * function of its arguments: no clock, no storage, so the same data always give the same decision, and the colour
 * an address had on a past day is {@code decide(records, overrides, thatDay)}.
 *
 * <ul>
 *   <li><b>Window.</b> A record counts on {@code today} when {@code today - window < date <= today}: with the v1
 *       window of 12 months, an incident of 15 June 2024 counts up to and including 14 June 2025 and has left on 15
 *       June 2025.
 *   <li><b>Future records</b> (dated after {@code today}) are ignored, neither counted nor history, so that a
 *       decision is the colour as of {@code today}; such a record counts from its own date, when the daily
 *       recomputation reaches it. Dates and {@code today} are both days in Europe/Amsterdam.
 *   <li><b>Count an event once</b>: see {@link Event#countOnce}.
 *   <li><b>Raise</b>: in force while a record of its day would count; fires {@link
 *       ColourRule#RAISED_BY_PROFESSIONAL_IS_RED}.
 *   <li><b>Lower</b>: caps the computed colour at its target while in force (see {@link ColourOverride.Lower});
 *       of several in force the one that lowers least applies, so a lowering never hides more than every approver
 *       agreed to.
 *   <li><b>History</b>: any record, or raise, dated up to {@code today}. Without history there is no decision and
 *       the address has no colour; with history but nothing in the window it is grey.
 * </ul>
 */
final class ColourPolicy {

    /** Orders lowerings by how little they lower: by target, then by the latest approval and review date. */
    private static final Comparator<ColourOverride.Lower> LEAST_LOWERING = comparing(ColourOverride.Lower::target)
            .thenComparing(ColourOverride.Lower::from)
            .thenComparing(ColourOverride.Lower::reviewDate);

    private final ColourRulesVersion version;

    ColourPolicy(ColourRulesVersion version) {
        this.version = version;
    }

    /**
     * The colour of an address on {@code today}, or empty when the address has no history.
     *
     * @throws IllegalArgumentException when two records share an id
     */
    Optional<ColourDecision> decide(List<ColourRecord> records, List<ColourOverride> overrides, LocalDate today) {
        requireUniqueIds(records);
        LocalDate windowStart = today.minus(version.window()); // exclusive
        List<ColourRecord> past =
                records.stream().filter(r -> !r.date().isAfter(today)).toList();
        List<ColourOverride.Raise> pastRaises = overrides.stream()
                .filter(ColourOverride.Raise.class::isInstance)
                .map(ColourOverride.Raise.class::cast)
                .filter(r -> !r.from().isAfter(today))
                .toList();
        if (past.isEmpty() && pastRaises.isEmpty()) {
            return Optional.empty();
        }

        List<ColourRecord> inWindow =
                past.stream().filter(r -> r.date().isAfter(windowStart)).toList();
        List<ColourRecord> incidents =
                inWindow.stream().filter(version::countsAsIncident).toList();
        List<Event> events = Event.countOnce(incidents, version.sameEventDays());
        List<ColourOverride.Raise> raises = pastRaises.stream()
                .filter(r -> r.from().isAfter(windowStart))
                .sorted(comparing(ColourOverride.Raise::from))
                .toList();

        ColourFacts facts = new ColourFacts(
                events.size(),
                count(events, e -> e.severity().isAtLeast(Severity.S2)),
                count(events, e -> e.severity() == Severity.S3),
                count(events, Event::childrenPresent),
                count(events, e -> e.severity() == Severity.S3 && e.childrenPresent()),
                inWindow.stream().anyMatch(ColourRecord::huisverbodImposed),
                inWindow.stream().anyMatch(ColourRecord::huisverbodBroken),
                inWindow.stream().anyMatch(ColourRecord::acuteOnveiligheid),
                !raises.isEmpty());
        List<ColourRule> fired = Arrays.stream(ColourRule.values())
                .filter(rule -> rule.matches(facts, version))
                .toList();
        List<String> counted = inWindow.stream()
                .filter(r -> version.countsAsIncident(r) || r.flagsSomething())
                .map(ColourRecord::id)
                .sorted()
                .toList();

        Colour computed = fired.get(0).colour();
        Optional<ColourOverride.Lower> lowering = overrides.stream()
                .filter(ColourOverride.Lower.class::isInstance)
                .map(ColourOverride.Lower.class::cast)
                .filter(lower -> lower.inForceOn(today))
                .filter(lower -> lower.reviewedRecordIds().containsAll(counted))
                .filter(lower -> raises.stream().noneMatch(raise -> raise.from().isAfter(lower.from())))
                .max(LEAST_LOWERING)
                .filter(lower -> computed.isAbove(lower.target()));
        Colour colour = lowering.map(ColourOverride.Lower::target).orElse(computed);
        return Optional.of(new ColourDecision(colour, version.id(), fired, counted, raises, lowering));
    }

    private static int count(List<Event> events, Predicate<Event> test) {
        return (int) events.stream().filter(test).count();
    }

    private static void requireUniqueIds(List<ColourRecord> records) {
        Set<String> seen = new HashSet<>();
        for (ColourRecord record : records) {
            if (!seen.add(record.id())) {
                throw new IllegalArgumentException("Record id " + record.id() + " occurs twice");
            }
        }
    }
}
