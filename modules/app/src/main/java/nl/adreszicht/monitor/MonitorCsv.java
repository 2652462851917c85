package nl.adreszicht.monitor;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adreszicht.time.DutchTime;

/**
 * The CSV export of a {@link Monitor}: one row per point of every series, exactly the protected numbers the API and the
 * page show ({@code <10} and {@code x} for suppressed ones), semicolon-separated as Dutch spreadsheets expect, days
 * as people read them, and the rules versions in every row so a copied row still says how it was made.
 */
final class MonitorCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private MonitorCsv() {}

    static String write(Monitor monitor) {
        Map<String, String> names = monitor.niveaus().stream()
                .collect(Collectors.toMap(Monitor.Niveau::niveau, Monitor.Niveau::omschrijving));
        StringBuilder csv = new StringBuilder(String.join(
                        ";",
                        List.of(
                                "gemeente",
                                "niveau",
                                "omschrijving",
                                "familie",
                                "meting",
                                "periode",
                                "van",
                                "tot",
                                "aantal",
                                "per_1000_adressen",
                                "aandeel_pct",
                                "onthullingscontrole",
                                "recidiveregels")))
                .append("\r\n");
        for (Monitor.Reeks reeks : monitor.reeksen()) {
            for (Monitor.Punt punt : reeks.punten()) {
                csv.append(String.join(
                                ";",
                                List.of(
                                        monitor.gemeente(),
                                        reeks.niveau(),
                                        names.getOrDefault(reeks.niveau(), ""),
                                        reeks.familie(),
                                        reeks.meting(),
                                        punt.periode(),
                                        DutchTime.displayDate(punt.van()),
                                        DutchTime.displayDate(punt.tot()),
                                        punt.aantal().weergave(),
                                        punt.per1000() == null
                                                ? ""
                                                : punt.per1000().toString().replace('.', ','),
                                        punt.aandeel() == null
                                                ? ""
                                                : punt.aandeel().toString(),
                                        monitor.regels().onthullingscontrole(),
                                        monitor.regels().recidiveregels())))
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    static String fileName(Monitor monitor) {
        return "monitor-" + monitor.gemeente() + "-" + monitor.periode().van() + "-"
                + monitor.periode().tot() + "-" + monitor.interval() + ".csv";
    }
}
