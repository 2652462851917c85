package nl.adreszicht.colour;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;

/** Builds colour records for the tests: an S1 incident without children or flags, today, unless told otherwise. */
final class Records {

    /** The day the tests decide on, unless a test moves it. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    static final ColourPolicy V1 = new ColourPolicy(ColourRulesVersion.v1());

    private Records() {}

    static Builder police(String id) {
        return new Builder(id, RecordSource.POLITIE_INCIDENT);
    }

    static Builder melding(String id) {
        return new Builder(id, RecordSource.VT_MELDING);
    }

    static Builder advies(String id) {
        return new Builder(id, RecordSource.VT_ADVIES);
    }

    static Builder signaal(String id) {
        return new Builder(id, RecordSource.GEMEENTE_SIGNAAL);
    }

    static Builder huisverbod(String id) {
        return new Builder(id, RecordSource.HUISVERBOD);
    }

    /** The v1 decision on {@link #TODAY} without overrides; fails when there is none. */
    static ColourDecision decide(ColourRecord... records) {
        return decideOn(TODAY, records).orElseThrow();
    }

    static Optional<ColourDecision> decideOn(LocalDate today, ColourRecord... records) {
        return V1.decide(List.of(records), List.of(), today);
    }

    static Optional<ColourDecision> decide(List<ColourRecord> records, List<ColourOverride> overrides) {
        return V1.decide(records, overrides, TODAY);
    }

    static final class Builder {
        private final String id;
        private final RecordSource source;
        private LocalDate date = TODAY;
        private Severity severity = Severity.S1;
        private boolean children;
        private boolean imposed;
        private boolean broken;
        private boolean acute;
        private Set<String> persons = Set.of();

        private Builder(String id, RecordSource source) {
            this.id = id;
            this.source = source;
        }

        Builder on(LocalDate date) {
            this.date = date;
            return this;
        }

        Builder daysAgo(int days) {
            return on(TODAY.minusDays(days));
        }

        Builder s2() {
            severity = Severity.S2;
            return this;
        }

        Builder s3() {
            severity = Severity.S3;
            return this;
        }

        Builder children() {
            children = true;
            return this;
        }

        Builder huisverbodImposed() {
            imposed = true;
            return this;
        }

        Builder huisverbodBroken() {
            broken = true;
            return this;
        }

        Builder acute() {
            acute = true;
            return this;
        }

        Builder persons(String... keys) {
            persons = Set.of(keys);
            return this;
        }

        ColourRecord build() {
            return new ColourRecord(id, source, date, severity, children, imposed, broken, acute, persons, "politie-x");
        }
    }
}
