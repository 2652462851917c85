package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adreszicht.colour.SameEvents;
import org.jspecify.annotations.Nullable;

/**
 * The recidive rules ({@link RecidiveRules}) applied to the records at one address: a pure function of the records,
 * tested without Spring ({@code RecidiveTest}, {@code RecidivePropertiesTest}).
 *
 * <p>Records of the counted sources are grouped into events by the colour code's same-event rule. Each event covers
 * the days from its first record to the window after its last one; sorted by their first day, an event that starts
 * inside the cover of an earlier one is a <b>repeat</b>, any other is an <b>index event</b>. Taking an event's cover
 * from its last record (not its first) keeps a promise the figures make: one more record never lowers a repeat count,
 * not even when it joins a record that was an event of its own (the joined event can only cover more).
 */
final class Recidive {

    /**
     * One event.
     *
     * @param recordIds the records it consists of (two when a police incident and a VT melding are one event)
     * @param first the day of its first record
     * @param last the day of its last record
     * @param repeat whether it is a repeat (otherwise an index event)
     */
    record Event(List<String> recordIds, LocalDate first, LocalDate last, boolean repeat) {}

    private final RecidiveRules rules;
    private final List<Event> events;

    private Recidive(RecidiveRules rules, List<Event> events) {
        this.rules = rules;
        this.events = List.copyOf(events);
    }

    static Recidive of(RecidiveRules rules, List<MonitoredRecord> records) {
        Map<String, MonitoredRecord> byId = records.stream()
                .filter(r -> rules.counts(r.source()))
                .collect(Collectors.toMap(MonitoredRecord::id, Function.identity(), (a, b) -> a));
        List<SameEvents.Reported> reported = byId.values().stream()
                .map(r -> new SameEvents.Reported(r.id(), r.source(), r.date(), r.personKeys()))
                .toList();
        record Grouped(List<String> ids, LocalDate first, LocalDate last, String key) {}
        List<Grouped> grouped = new ArrayList<>();
        for (List<String> ids : SameEvents.group(reported, rules.sameEventDays())) {
            List<String> sorted = ids.stream().sorted().toList();
            LocalDate first = ids.stream()
                    .map(id -> byId.get(id).date())
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate last = ids.stream()
                    .map(id -> byId.get(id).date())
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            grouped.add(new Grouped(sorted, first, last, sorted.get(0)));
        }
        // Of two events on one day the one that ends first is the index event: the other, the one a joined record
        // lengthened, stays the repeat, so that joining never moves a repeat out of the window.
        grouped.sort(Comparator.comparing(Grouped::first)
                .thenComparing(Grouped::last)
                .thenComparing(Grouped::key));
        List<Event> events = new ArrayList<>();
        LocalDate coveredUntil = null; // exclusive
        for (Grouped g : grouped) {
            boolean repeat = coveredUntil != null && g.first().isBefore(coveredUntil);
            events.add(new Event(g.ids(), g.first(), g.last(), repeat));
            LocalDate cover = g.last().plus(rules.window());
            if (coveredUntil == null || cover.isAfter(coveredUntil)) {
                coveredUntil = cover;
            }
        }
        return new Recidive(rules, events);
    }

    List<Event> events() {
        return events;
    }

    RecidiveRules rules() {
        return rules;
    }

    /** The repeats whose last record lies within the window up to {@code today}: what the repeat marker shows. */
    int repeatsInWindow(LocalDate today) {
        LocalDate from = today.minus(rules.window());
        return (int) events.stream()
                .filter(Event::repeat)
                .filter(e -> e.last().isAfter(from))
                .count();
    }

    /** The first day after {@code today} on which {@link #repeatsInWindow} drops as time passes, if any. */
    Optional<LocalDate> nextChange(LocalDate today) {
        LocalDate from = today.minus(rules.window());
        return events.stream()
                .filter(Event::repeat)
                .filter(e -> e.last().isAfter(from))
                .map(e -> e.last().plus(rules.window()))
                .filter(day -> day.isAfter(today))
                .min(Comparator.naturalOrder());
    }

    /** The day of the last record that counts, if any. */
    Optional<LocalDate> lastEvent() {
        return events.stream().map(Event::last).max(Comparator.naturalOrder());
    }

    /**
     * The counts this address adds to the monitor's recidive figures, each in the month of its event: every index
     * event ({@code recidive.index}) and repeat ({@code recidive.herhaling}), and per index event whether a repeat
     * followed within the short and the long follow-up ({@code recidive.herhaald6}, {@code recidive.herhaald12}).
     */
    List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            YearMonth month = YearMonth.from(event.first());
            if (event.repeat()) {
                facts.add(new Fact(month, Fact.RECIDIVE_REPEAT));
                continue;
            }
            facts.add(new Fact(month, Fact.RECIDIVE_INDEX));
            @Nullable Event next = i + 1 < events.size() ? events.get(i + 1) : null;
            if (next != null && next.repeat()) {
                if (next.first().isBefore(event.first().plus(rules.shortFollowUp()))) {
                    facts.add(new Fact(month, Fact.RECIDIVE_REPEATED_SHORT));
                }
                if (next.first().isBefore(event.first().plus(rules.longFollowUp()))) {
                    facts.add(new Fact(month, Fact.RECIDIVE_REPEATED_LONG));
                }
            }
        }
        return facts;
    }

    /**
     * The follow-up of the interventions at this address: per kind and quarter the first intervention counts once
     * ({@code interventie.<kind>}), with whether the address had an event in the window before it ({@code .voor}) and
     * a new one within the short and the long follow-up after it ({@code .na6}, {@code .na12}). An event on the day
     * of the intervention is neither before nor after it (a huisverbod's own record, the melding an onderzoek is
     * about).
     */
    List<Fact> interventionFacts(List<Intervention> interventions) {
        Map<String, Intervention> firstPerKindAndQuarter = interventions.stream()
                .sorted(Comparator.comparing(Intervention::date).thenComparing(Intervention::id))
                .collect(Collectors.toMap(
                        i -> i.kind().code() + "@" + i.date().getYear() + "Q"
                                + ((i.date().getMonthValue() - 1) / 3),
                        Function.identity(),
                        (a, b) -> a));
        List<Fact> facts = new ArrayList<>();
        firstPerKindAndQuarter.values().stream()
                .sorted(Comparator.comparing(Intervention::date).thenComparing(Intervention::id))
                .forEach(intervention -> {
                    LocalDate day = intervention.date();
                    YearMonth month = YearMonth.from(day);
                    String kind = Fact.INTERVENTION + intervention.kind().code();
                    facts.add(new Fact(month, kind));
                    LocalDate before = day.minus(rules.window());
                    if (events.stream()
                            .anyMatch(e ->
                                    !e.first().isBefore(before) && e.first().isBefore(day))) {
                        facts.add(new Fact(month, kind + Fact.BEFORE));
                    }
                    if (events.stream()
                            .anyMatch(e ->
                                    e.first().isAfter(day) && e.first().isBefore(day.plus(rules.shortFollowUp())))) {
                        facts.add(new Fact(month, kind + Fact.AFTER_SHORT));
                    }
                    if (events.stream()
                            .anyMatch(e ->
                                    e.first().isAfter(day) && e.first().isBefore(day.plus(rules.longFollowUp())))) {
                        facts.add(new Fact(month, kind + Fact.AFTER_LONG));
                    }
                });
        return facts;
    }
}
