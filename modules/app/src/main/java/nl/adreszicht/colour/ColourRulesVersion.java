package nl.adreszicht.colour;

import java.time.Period;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import nl.adreszicht.records.RecordSource;

/**
 * One version of the colour rules as data: the window, which records count as incidents, when two records are one
 * event, and every threshold of the table in domain.md section 4. The rules themselves ({@link ColourRule}) hold
 * no numbers, so a new version is a new row of configuration, not a code change; every decision names the version
 * it was made with.
 *
 * <p>All thresholds are "at least this many incidents", counted after an event reported twice has been counted
 * once. The constructor refuses versions whose thresholds do not rise with the colour, so a higher rule can never
 * be easier to meet than the lower rule it sharpens.
 *
 * @param id the version's name, e.g. {@code v1}; stored with every decision
 * @param window how far back records count; a record counts while its date is after {@code today - window}
 * @param sameEventDays how many days apart a police incident and a VT melding about the same persons may be and
 *     still be one event
 * @param incidentSources the sources whose records count as incidents; records from other sources add only what
 *     they flag (huisverbod, acute onveiligheid)
 * @param yellowIncidents incidents that make an address yellow (v1: 2)
 * @param yellowIncidentsAtS2 incidents at S2 or worse that make it yellow (v1: 1)
 * @param yellowIncidentsWithChildren incidents with children present that make it yellow (v1: 1)
 * @param orangeIncidents incidents that make it orange (v1: 3)
 * @param orangeIncidentsWithChildren incidents with children present that make it orange (v1: 2)
 * @param orangeIncidentsAtS3 incidents at S3 that make it orange (v1: 1, "any S3")
 * @param redIncidents incidents that make it red (v1: 5)
 * @param redS3IncidentsWithChildren incidents at S3 with children present that make it red (v1: 1)
 * @param redIncidentsWithAnS3 incidents, at least one of them at S3, that make it red (v1: 2)
 */
record ColourRulesVersion(
        String id,
        Period window,
        int sameEventDays,
        Set<RecordSource> incidentSources,
        int yellowIncidents,
        int yellowIncidentsAtS2,
        int yellowIncidentsWithChildren,
        int orangeIncidents,
        int orangeIncidentsWithChildren,
        int orangeIncidentsAtS3,
        int redIncidents,
        int redS3IncidentsWithChildren,
        int redIncidentsWithAnS3) {

    public ColourRulesVersion {
        if (id.isBlank()) {
            throw new IllegalArgumentException("A rules version needs an id");
        }
        // Each component must be non-negative: P1M-40D would make the window's start depend on the month.
        if (window.isZero() || window.getYears() < 0 || window.getMonths() < 0 || window.getDays() < 0) {
            throw new IllegalArgumentException("The window must be positive, was " + window);
        }
        if (sameEventDays < 0) {
            throw new IllegalArgumentException("sameEventDays must not be negative");
        }
        if (incidentSources.isEmpty()) {
            throw new IllegalArgumentException("At least one source must count as incidents");
        }
        incidentSources = Collections.unmodifiableSet(EnumSet.copyOf(incidentSources));
        atLeast(1, yellowIncidentsAtS2, "yellowIncidentsAtS2");
        atLeast(1, yellowIncidentsWithChildren, "yellowIncidentsWithChildren");
        atLeast(1, orangeIncidentsAtS3, "orangeIncidentsAtS3");
        atLeast(1, redS3IncidentsWithChildren, "redS3IncidentsWithChildren");
        // One incident is green; a count rule at one incident would make green unreachable.
        atLeast(2, yellowIncidents, "yellowIncidents");
        atLeast(yellowIncidents + 1, orangeIncidents, "orangeIncidents");
        atLeast(orangeIncidents + 1, redIncidents, "redIncidents");
        atLeast(yellowIncidentsWithChildren + 1, orangeIncidentsWithChildren, "orangeIncidentsWithChildren");
        // Otherwise every S3 that makes an address orange would already make it red.
        atLeast(orangeIncidentsAtS3 + 1, redIncidentsWithAnS3, "redIncidentsWithAnS3");
    }

    /** Version 1: the defaults of domain.md section 4. */
    public static ColourRulesVersion v1() {
        return new ColourRulesVersion(
                "v1",
                Period.ofMonths(12),
                1,
                // A huisverbod follows an incident that is registered in its own right: counting it as another
                // incident would count one event twice. It still counts through what it flags.
                EnumSet.of(
                        RecordSource.POLITIE_INCIDENT,
                        RecordSource.VT_MELDING,
                        RecordSource.VT_ADVIES,
                        RecordSource.GEMEENTE_SIGNAAL),
                2,
                1,
                1,
                3,
                2,
                1,
                5,
                1,
                2);
    }

    boolean countsAsIncident(ColourRecord record) {
        return incidentSources.contains(record.source());
    }

    private static void atLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
        }
    }
}
