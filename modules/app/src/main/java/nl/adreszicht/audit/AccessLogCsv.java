package nl.adreszicht.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;

/**
 * The privacy officer's export of a search of the log: one row per entry, times as people read them
 * ({@code dd-mm-jjjj HH:mm}, Dutch time), the professional's name and username beside the subject, the organisation's
 * name; semicolon-separated as Dutch spreadsheets expect.
 */
final class AccessLogCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private static final List<String> HEADER = List.of(
            "tijdstip",
            "soort",
            "actie",
            "naam",
            "gebruikersnaam",
            "gebruiker_kenmerk",
            "organisatie",
            "rollen",
            "objecttype",
            "object",
            "doel",
            "grondslag",
            "noodtoegang",
            "herkomst_ip",
            "client");

    private AccessLogCsv() {}

    static String write(
            List<LoggedAccess> entries, Map<String, ProfessionalNames.Name> names, Map<String, String> organisations) {
        StringBuilder csv = new StringBuilder(String.join(";", HEADER)).append("\r\n");
        for (LoggedAccess entry : entries) {
            ProfessionalNames.Name name = names.get(entry.gebruiker());
            csv.append(Stream.of(
                                    DutchTime.display(entry.tijdstip()),
                                    entry.soort(),
                                    entry.actie(),
                                    name == null ? "" : name.displayName(),
                                    name == null ? "" : name.username(),
                                    entry.gebruiker(),
                                    entry.organisatie() == null
                                            ? ""
                                            : organisations.getOrDefault(entry.organisatie(), entry.organisatie()),
                                    entry.rollen(),
                                    entry.objectType(),
                                    entry.objectId(),
                                    entry.doel(),
                                    entry.grondslag(),
                                    entry.breakTheGlass() ? "ja" : "nee",
                                    entry.herkomstIp(),
                                    entry.client())
                            .map(AccessLogCsv::field)
                            .collect(Collectors.joining(";")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String fileName(DutchTime time) {
        return "toegangslog-" + DutchTime.display(time.now()).replace(' ', '-').replace(":", "") + ".csv";
    }

    /**
     * A field quoted when it must be; a text that a spreadsheet would run as a formula is prefixed with a quote mark
     * (CSV injection): names and free text come from outside.
     */
    private static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
