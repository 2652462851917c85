package nl.adreszicht.registers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.areascan.AreaSuccession.CodeChange;
import org.jspecify.annotations.Nullable;

/**
 * CBS's overview of the changes in the gemeentelijke indeling of a year, as published with "Gemeentelijke indelingen
 * per jaar" (the worksheet of opgeheven and nieuwgevormde gemeenten in CBS's Excel workbook, or that sheet saved as CSV
 * with commas or semicolons): a row
 * {@code "Opgeheven gemeenten","","Nieuwgevormde gemeenten",...}, a row
 * {@code "Code","Gemeentenaam","Code","Gemeentenaam","Provincie"}, one row per opgeheven gemeente and gemeente its land
 * went to, and footnotes ({@code "1) ..."}) that names refer to with {@code "Haaren 1)"}.
 *
 * <p>The changes hold from 1 January of the overview's year. An old gemeente that went to several gemeenten gives a
 * line per gemeente (the area scan moves it whole to one: rule {@code indeling-v1}). A line whose footnote calls it a
 * grenscorrectie moved a piece of land, not the gemeente: it is passed over. Excel drops leading zeros of codes that
 * it took for numbers, so a code of one to four digits is read as the four-digit gemeentecode.
 */
final class CbsGemeenteChanges {

    private static final Pattern CODE = Pattern.compile("(?:GM)?([0-9]{1,4})");
    private static final Pattern FOOTNOTE = Pattern.compile("([0-9]+)\\)\\s*(.*)");
    private static final Pattern MARKED = Pattern.compile(".*\\s([0-9]+)\\)");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

    private CbsGemeenteChanges() {}

    /** Whether these rows are CBS's overview: its first row names the opgeheven and the nieuwgevormde gemeenten. */
    static boolean matches(List<List<String>> rows) {
        return rows.stream()
                .filter(row -> row.stream().anyMatch(field -> !field.isBlank()))
                .findFirst()
                .map(row -> String.join(" ", row).toLowerCase(Locale.ROOT))
                .filter(text -> text.contains("opgeheven gemeenten") && text.contains("nieuwgevormde gemeenten"))
                .isPresent();
    }

    /** The rows of the overview saved as CSV. */
    static List<List<String>> csv(List<String> lines) {
        char separator = separator(lines.isEmpty() ? "" : lines.get(0));
        return lines.stream().map(line -> fields(line, separator)).toList();
    }

    /**
     * The year the changes hold from: the option, else the one year the file name holds; an option that contradicts the
     * year in the name refuses the file (an overview of another year would put every merger in the wrong year).
     */
    static int year(@Nullable Integer option, Path file) {
        Integer named = null;
        Matcher matcher = YEAR_IN_NAME.matcher(file.getFileName().toString());
        if (matcher.find()) {
            int year = Integer.parseInt(matcher.group(1));
            named = matcher.find() ? null : year;
        }
        if (option != null) {
            if (named != null && !named.equals(option)) {
                throw new IllegalArgumentException(file.getFileName() + " is het overzicht van " + named + ", niet van "
                        + option + ": kies het bestand van het gevraagde jaar. Er is niets geladen.");
            }
            return option;
        }
        if (named != null) {
            return named;
        }
        throw new IllegalArgumentException("Het overzicht van CBS noemt zijn jaar niet: geef het jaar van de"
                + " indeling waarin de wijzigingen gelden met --adreszicht.registers.jaar=<jjjj> (of een bestandsnaam"
                + " met dat jaar). Er is niets geladen.");
    }

    /** The changes of the overview's rows (of a CSV or a worksheet); a bad row is rejected with its row number. */
    static List<CodeChange> read(List<List<String>> rows, int year, Path name, ImportRun run) {
        Map<String, String> footnotes = new HashMap<>();
        for (List<String> fields : rows) {
            Matcher footnote = FOOTNOTE.matcher(fields.isEmpty() ? "" : fields.get(0));
            if (footnote.matches() && fields.stream().skip(1).allMatch(String::isBlank)) {
                footnotes.put(footnote.group(1), footnote.group(2));
            }
        }
        List<CodeChange> changes = new ArrayList<>();
        boolean data = false;
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = rows.get(i);
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            String first = fields.get(0);
            if (!data) {
                data = first.equalsIgnoreCase("Code");
                continue;
            }
            if (FOOTNOTE.matcher(first).matches()) {
                continue;
            }
            run.read.incrementAndGet();
            String where = "regel " + (i + 1);
            if (fields.size() < 4) {
                run.reject(name.toString(), where, "verwacht code en naam van de opgeheven en de nieuwe gemeente");
                continue;
            }
            String note = note(fields.get(1), fields.get(3), footnotes);
            if (note != null && note.toLowerCase(Locale.ROOT).contains("grenscorrectie")) {
                run.skipped.incrementAndGet();
                continue;
            }
            Matcher old = CODE.matcher(fields.get(0));
            Matcher neu = CODE.matcher(fields.get(2));
            if (!old.matches() || !neu.matches()) {
                run.reject(name.toString(), where, "gemeentecode is vier cijfers (bijvoorbeeld 0118)");
                continue;
            }
            String from = "GM" + pad(old.group(1));
            String to = "GM" + pad(neu.group(1));
            if (from.equals(to)) {
                run.reject(name.toString(), where, "de opgeheven en de nieuwe gemeente hebben dezelfde code " + from);
                continue;
            }
            changes.add(new CodeChange(year, from, to, null));
        }
        if (!data) {
            run.reject(name.toString(), "kopregel", "de regel \"Code\",\"Gemeentenaam\",\"Code\",... ontbreekt");
        }
        return changes;
    }

    /** The footnote a line refers to (by a marker after the old or the new gemeente's name), or null. */
    private static @Nullable String note(String oldName, String newName, Map<String, String> footnotes) {
        for (String name : List.of(oldName, newName)) {
            Matcher marked = MARKED.matcher(name.trim());
            if (marked.matches() && footnotes.containsKey(marked.group(1))) {
                return footnotes.get(marked.group(1));
            }
        }
        return null;
    }

    private static String pad(String digits) {
        return "0".repeat(4 - digits.length()) + digits;
    }

    /** A comma (as CBS's CSV) or a semicolon (as Dutch Excel saves it): whichever the header uses outside quotes. */
    private static char separator(String header) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The fields of one CSV line: quotes around a field are taken off, a doubled quote inside is one quote. */
    static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String text = line.replace("\uFEFF", "");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
