package nl.adreszicht.colour;

import static java.util.Comparator.comparing;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;

/**
 * One incident as the colour rules count it: a record, or a police incident together with the VT melding about the
 * same event (domain.md: "count an event once"). It has the worst of its contributors: the highest severity, and
 * children present if either saw them.
 */
record Event(List<ColourRecord> contributors, Severity severity, boolean childrenPresent) {

    private static final Comparator<ColourRecord> BY_DATE_THEN_ID =
            comparing(ColourRecord::date).thenComparing(ColourRecord::id);

    Event {
        contributors = List.copyOf(contributors);
    }

    /**
     * Groups incident records into events. A police incident and a VT melding are one event when they are about the
     * same persons (equal, non-empty sets of person keys), at most {@code sameEventDays} apart, and each is the
     * other's only such match. Two police incidents are never one event (each has its own registration number),
     * nor are two meldingen.
     *
     * <p>When a melding could belong to two incidents, or two meldingen to one incident, nothing says which belong
     * together, and they are counted apart. Counting one too many errs on the side of attention, and it keeps a
     * promise the colour makes: one more record never gives a lower colour. Pairing the nearest instead would let a
     * new incident join two meldingen that were counted apart, and so lower the count.
     *
     * <p>The result depends only on the records, never on their order.
     */
    static List<Event> countOnce(List<ColourRecord> incidents, int sameEventDays) {
        List<ColourRecord> sorted = incidents.stream().sorted(BY_DATE_THEN_ID).toList();
        List<ColourRecord> police = sorted.stream()
                .filter(r -> r.source() == RecordSource.POLITIE_INCIDENT)
                .toList();
        List<ColourRecord> meldingen = sorted.stream()
                .filter(r -> r.source() == RecordSource.VT_MELDING)
                .toList();

        List<Event> events = new ArrayList<>();
        Set<ColourRecord> paired = new HashSet<>();
        for (ColourRecord incident : police) {
            List<ColourRecord> itsMeldingen = matches(incident, meldingen, sameEventDays);
            if (itsMeldingen.size() == 1) {
                ColourRecord melding = itsMeldingen.get(0);
                if (matches(melding, police, sameEventDays).size() == 1) {
                    events.add(of(List.of(incident, melding)));
                    paired.add(incident);
                    paired.add(melding);
                }
            }
        }
        sorted.stream().filter(r -> !paired.contains(r)).forEach(r -> events.add(of(List.of(r))));
        return List.copyOf(events);
    }

    private static List<ColourRecord> matches(ColourRecord record, List<ColourRecord> others, int days) {
        return others.stream().filter(other -> sameEvent(record, other, days)).toList();
    }

    private static boolean sameEvent(ColourRecord a, ColourRecord b, int days) {
        return !a.personKeys().isEmpty()
                && a.personKeys().equals(b.personKeys())
                && Math.abs(ChronoUnit.DAYS.between(a.date(), b.date())) <= days;
    }

    private static Event of(List<ColourRecord> contributors) {
        Severity worst = contributors.stream()
                .map(ColourRecord::severity)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        boolean children = contributors.stream().anyMatch(ColourRecord::childrenPresent);
        return new Event(contributors, worst, children);
    }
}
