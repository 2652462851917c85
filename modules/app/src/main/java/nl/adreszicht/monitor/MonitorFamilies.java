package nl.adreszicht.monitor;

import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.monitor.MonitorComposer.Family;
import nl.adreszicht.records.RecordSource;

/**
 * The families of the monitor's figures, each protected as one table, with the sum relations a reader knows. Derived
 * categories (a total, the complement of a share) are cells too: a reader who sees "45 of 50 on time" also knows the
 * late ones, so those must be protected like any count.
 */
final class MonitorFamilies {

    static final String SOURCES = "bronnen";
    static final String VIOLENCE = "geweldsvormen";
    static final String COLOURS = "kleuren";
    static final String CHAIN = "keten";
    static final String RECIDIVE = "recidive";
    static final String INTERVENTIONS = "interventies";

    static final String SOURCE_TOTAL = "bron.totaal";
    static final String INVESTIGATIONS = "termijn.onderzoek";
    static final String NOT_REPEATED_SHORT = "recidive.niet6";
    static final String NOT_REPEATED_LONG = "recidive.niet12";
    static final String NOT = ".niet";

    /** The status codes a veiligheidsbeoordeling ends in (domain.md section 3). */
    static final List<String> OUTCOMES = List.of("VT-00", "VT-01-01", "VT-01-02", "VT-01-03", "VT-01-04", "VT-99");

    static final List<String> COLOUR_BANDS = List.of("GREEN", "YELLOW", "ORANGE", "RED");

    private MonitorFamilies() {}

    static List<Family> all(List<String> violenceTypes) {
        return List.of(sources(), violence(violenceTypes), colours(), chain(), recidive(), interventions());
    }

    static Family sources() {
        List<String> categories = new ArrayList<>();
        categories.add(SOURCE_TOTAL);
        int[] total = new int[RecordSource.values().length + 1];
        for (RecordSource source : RecordSource.values()) {
            total[categories.size()] = categories.size();
            categories.add(Fact.SOURCE + source.name());
        }
        return new Family(SOURCES, categories, List.<int[]>of(total), false, false);
    }

    static Family violence(List<String> codes) {
        return new Family(
                VIOLENCE, codes.stream().map(code -> Fact.VIOLENCE + code).toList(), List.of(), false, false);
    }

    static Family colours() {
        return new Family(
                COLOURS, COLOUR_BANDS.stream().map(c -> Fact.COLOUR + c).toList(), List.of(), true, false);
    }

    static Family chain() {
        List<String> categories = new ArrayList<>(List.of(Fact.ZORGMELDING, Fact.ASSESSMENT));
        int[] outcomes = new int[OUTCOMES.size() + 1];
        outcomes[0] = 1;
        for (int i = 0; i < OUTCOMES.size(); i++) {
            outcomes[i + 1] = categories.size();
            categories.add(Fact.OUTCOME + OUTCOMES.get(i));
        }
        int onTime = categories.size();
        categories.add(Fact.ASSESSMENT_ON_TIME);
        categories.add(Fact.ASSESSMENT_LATE);
        int investigations = categories.size();
        categories.add(INVESTIGATIONS);
        categories.add(Fact.INVESTIGATION_ON_TIME);
        categories.add(Fact.INVESTIGATION_LATE);
        return new Family(
                CHAIN,
                categories,
                List.of(outcomes, new int[] {1, onTime, onTime + 1}, new int[] {
                    investigations, investigations + 1, investigations + 2
                }),
                false,
                false);
    }

    static Family recidive() {
        return new Family(
                RECIDIVE,
                List.of(
                        Fact.RECIDIVE_INDEX,
                        Fact.RECIDIVE_REPEATED_SHORT,
                        NOT_REPEATED_SHORT,
                        Fact.RECIDIVE_REPEATED_LONG,
                        NOT_REPEATED_LONG),
                List.of(new int[] {0, 1, 2}, new int[] {0, 3, 4}),
                false,
                true);
    }

    static Family interventions() {
        List<String> categories = new ArrayList<>();
        List<int[]> relations = new ArrayList<>();
        for (Intervention.Kind kind : Intervention.Kind.values()) {
            String key = Fact.INTERVENTION + kind.code();
            int n = categories.size();
            categories.add(key);
            for (String part : List.of(Fact.BEFORE, Fact.AFTER_SHORT, Fact.AFTER_LONG)) {
                int with = categories.size();
                categories.add(key + part);
                categories.add(key + NOT + part.substring(1));
                relations.add(new int[] {n, with, with + 1});
            }
        }
        return new Family(INTERVENTIONS, categories, relations, false, true);
    }

    /**
     * The true value of a category from the raw counts: a derived category (total, complement) from its parts, any
     * other as counted.
     */
    static long derived(String category, java.util.function.ToLongFunction<String> raw) {
        if (category.equals(SOURCE_TOTAL)) {
            long total = 0;
            for (RecordSource source : RecordSource.values()) {
                total += raw.applyAsLong(Fact.SOURCE + source.name());
            }
            return total;
        }
        if (category.equals(INVESTIGATIONS)) {
            return raw.applyAsLong(Fact.INVESTIGATION_ON_TIME) + raw.applyAsLong(Fact.INVESTIGATION_LATE);
        }
        if (category.equals(NOT_REPEATED_SHORT)) {
            return Math.max(0, raw.applyAsLong(Fact.RECIDIVE_INDEX) - raw.applyAsLong(Fact.RECIDIVE_REPEATED_SHORT));
        }
        if (category.equals(NOT_REPEATED_LONG)) {
            return Math.max(0, raw.applyAsLong(Fact.RECIDIVE_INDEX) - raw.applyAsLong(Fact.RECIDIVE_REPEATED_LONG));
        }
        int not = category.indexOf(NOT);
        if (category.startsWith(Fact.INTERVENTION) && not > 0) {
            String kind = category.substring(0, not);
            String part = "." + category.substring(not + NOT.length());
            return Math.max(0, raw.applyAsLong(kind) - raw.applyAsLong(kind + part));
        }
        return raw.applyAsLong(category);
    }

    /** Whether a category is shown (derived complements only protect), and over which denominator a share is shown. */
    static boolean shown(String category) {
        return !category.contains(NOT)
                && !category.equals(NOT_REPEATED_SHORT)
                && !category.equals(NOT_REPEATED_LONG)
                && !category.equals(Fact.ASSESSMENT_LATE)
                && !category.equals(Fact.INVESTIGATION_LATE);
    }

    /** The category a share of {@code category} is taken over, or null when none is shown. */
    static @org.jspecify.annotations.Nullable String denominator(String category) {
        if (category.equals(Fact.ASSESSMENT_ON_TIME)) {
            return Fact.ASSESSMENT;
        }
        if (category.equals(Fact.INVESTIGATION_ON_TIME)) {
            return INVESTIGATIONS;
        }
        if (category.equals(Fact.RECIDIVE_REPEATED_SHORT) || category.equals(Fact.RECIDIVE_REPEATED_LONG)) {
            return Fact.RECIDIVE_INDEX;
        }
        if (category.startsWith(Fact.INTERVENTION)) {
            for (String part : List.of(Fact.BEFORE, Fact.AFTER_SHORT, Fact.AFTER_LONG)) {
                if (category.endsWith(part)) {
                    return category.substring(0, category.length() - part.length());
                }
            }
        }
        return null;
    }

    /** Whether a rate per 1,000 addresses is shown for the category. */
    static boolean perAddress(String category) {
        return category.startsWith(Fact.SOURCE)
                || category.startsWith(Fact.VIOLENCE)
                || category.startsWith(Fact.COLOUR);
    }
}
