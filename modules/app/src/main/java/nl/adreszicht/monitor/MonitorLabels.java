package nl.adreszicht.monitor;

import java.util.List;
import java.util.Map;

/** The Dutch names of the monitor's measures, for the report and the page (violence types by their code list). */
final class MonitorLabels {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(MonitorFamilies.SOURCE_TOTAL, "Alle registraties"),
            Map.entry("bron.POLITIE_INCIDENT", "Politie-incidenten"),
            Map.entry("bron.VT_MELDING", "Meldingen Veilig Thuis"),
            Map.entry("bron.VT_ADVIES", "Adviezen Veilig Thuis"),
            Map.entry("bron.GEMEENTE_SIGNAAL", "Signalen gemeente"),
            Map.entry("bron.HUISVERBOD", "Tijdelijke huisverboden"),
            Map.entry("kleur.GREEN", "Adressen groen"),
            Map.entry("kleur.YELLOW", "Adressen geel"),
            Map.entry("kleur.ORANGE", "Adressen oranje"),
            Map.entry("kleur.RED", "Adressen rood"),
            Map.entry(Fact.ZORGMELDING, "Zorgmeldingen politie"),
            Map.entry(Fact.ASSESSMENT, "Veiligheidsbeoordelingen"),
            Map.entry(Fact.ASSESSMENT_ON_TIME, "Beoordeling binnen 5 werkdagen"),
            Map.entry(Fact.INVESTIGATION_ON_TIME, "Onderzoek binnen 10 weken"),
            Map.entry(MonitorFamilies.INVESTIGATIONS, "Afgeronde onderzoeken"),
            Map.entry(Fact.RECIDIVE_INDEX, "Adressen met een eerste registratie"),
            Map.entry(Fact.RECIDIVE_REPEATED_SHORT, "Herhaling binnen 6 maanden"),
            Map.entry(Fact.RECIDIVE_REPEATED_LONG, "Herhaling binnen 12 maanden"));

    private static final Map<String, String> INTERVENTIONS = Map.of(
            "huisverbod", "Tijdelijk huisverbod",
            "vt-onderzoek", "Onderzoek Veilig Thuis",
            "overdracht", "Overdracht",
            "casusoverleg-plan", "Plan van aanpak casusoverleg");

    private MonitorLabels() {}

    static String dutch(String measure) {
        return dutch(measure, Map.of());
    }

    static String dutch(String measure, Map<String, String> violenceTypes) {
        String name = NAMES.get(measure);
        if (name != null) {
            return name;
        }
        if (measure.startsWith(Fact.OUTCOME)) {
            return "Uitkomst " + measure.substring(Fact.OUTCOME.length());
        }
        if (measure.startsWith(Fact.VIOLENCE)) {
            String code = measure.substring(Fact.VIOLENCE.length());
            return violenceTypes.getOrDefault(code, code.replace('-', ' '));
        }
        if (measure.startsWith(Fact.INTERVENTION)) {
            String rest = measure.substring(Fact.INTERVENTION.length());
            for (Map.Entry<String, String> kind : INTERVENTIONS.entrySet()) {
                if (rest.equals(kind.getKey())) {
                    return kind.getValue();
                }
                for (List<String> part : List.of(
                        List.of(Fact.BEFORE, "registratie in 12 maanden ervoor"),
                        List.of(Fact.AFTER_SHORT, "nieuwe registratie binnen 6 maanden"),
                        List.of(Fact.AFTER_LONG, "nieuwe registratie binnen 12 maanden"))) {
                    if (rest.equals(kind.getKey() + part.get(0))) {
                        return kind.getValue() + ": " + part.get(1);
                    }
                }
            }
        }
        return measure;
    }

    /** The levels widest last, as the report and the page list them: own gemeente first. */
    static <T> List<T> ownFirst(List<T> widestFirst) {
        List<T> copy = new java.util.ArrayList<>(widestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
