package nl.adreszicht.monitor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One count an address adds to the monitor in one month under one category, e.g. {@code (2026-03, bron.VT_MELDING)}.
 * What an address adds is a multiset of these; the monitor keeps, per address, what it has added, and applies only
 * the difference when the address's records change.
 */
record Fact(YearMonth month, String category) {

    static final String SOURCE = "bron.";
    static final String VIOLENCE = "geweld.";
    static final String ZORGMELDING = "keten.zorgmelding";
    static final String ASSESSMENT = "keten.beoordeling";
    static final String OUTCOME = "keten.uitkomst.";
    static final String ASSESSMENT_ON_TIME = "termijn.beoordeling.optijd";
    static final String ASSESSMENT_LATE = "termijn.beoordeling.telaat";
    static final String INVESTIGATION_ON_TIME = "termijn.onderzoek.optijd";
    static final String INVESTIGATION_LATE = "termijn.onderzoek.telaat";
    static final String RECIDIVE_INDEX = "recidive.index";
    static final String RECIDIVE_REPEAT = "recidive.herhaling";
    static final String RECIDIVE_REPEATED_SHORT = "recidive.herhaald6";
    static final String RECIDIVE_REPEATED_LONG = "recidive.herhaald12";
    static final String INTERVENTION = "interventie.";
    static final String BEFORE = ".voor";
    static final String AFTER_SHORT = ".na6";
    static final String AFTER_LONG = ".na12";
    static final String COLOUR = "kleur.";

    Fact {
        Objects.requireNonNull(month, "month");
        if (category.isBlank() || category.length() > 80) {
            throw new IllegalArgumentException("A category is a short key");
        }
    }

    /** What one record adds, whatever the rules version: its source, violence types and the steps taken on it. */
    static List<Fact> ofRecord(MonitoredRecord record) {
        List<Fact> facts = new ArrayList<>();
        YearMonth month = YearMonth.from(record.date());
        facts.add(new Fact(month, SOURCE + record.source().name()));
        record.violenceTypes().stream().sorted().forEach(type -> facts.add(new Fact(month, VIOLENCE + type)));
        for (ChainStep step : record.steps()) {
            YearMonth on = YearMonth.from(step.on());
            switch (step.kind()) {
                case ZORGMELDING -> facts.add(new Fact(on, ZORGMELDING));
                case VEILIGHEIDSBEOORDELING -> {
                    facts.add(new Fact(on, ASSESSMENT));
                    facts.add(new Fact(on, OUTCOME + step.outcome()));
                    facts.add(new Fact(
                            on, Boolean.TRUE.equals(step.withinDeadline()) ? ASSESSMENT_ON_TIME : ASSESSMENT_LATE));
                }
                case ONDERZOEK_AFGEROND ->
                    facts.add(new Fact(
                            on,
                            Boolean.TRUE.equals(step.withinDeadline()) ? INVESTIGATION_ON_TIME : INVESTIGATION_LATE));
            }
        }
        return facts;
    }

    /** Everything an address adds under {@code rules}: its records, its recidive and its interventions. */
    static List<Fact> ofAddress(Recidive recidive, List<MonitoredRecord> records, List<Intervention> interventions) {
        List<Fact> facts = new ArrayList<>();
        records.forEach(record -> facts.addAll(ofRecord(record)));
        facts.addAll(recidive.facts());
        facts.addAll(recidive.interventionFacts(interventions));
        return facts;
    }
}
