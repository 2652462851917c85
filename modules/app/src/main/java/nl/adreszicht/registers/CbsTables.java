package nl.adreszicht.registers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.adreszicht.addresses.Postcode;
import nl.adreszicht.areascan.AreaSuccession;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CBS's tables as published: the buurt, wijk and gemeente per postcode and huisnummer of a year (CSV
 * {@code pc6hnr20230801_gwb.csv}, header {@code PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023}), and the code changes
 * between divisions (docs/reference-data.md: {@code jaar;oude_code;nieuwe_code;aandeel}). A header in another order, of
 * another year than the option, or with other columns refuses the whole file before anything is written.
 */
@Component
class CbsTables {

    private static final int CHUNK = 50_000;
    private static final Pattern PC_HEADER = Pattern.compile(
            "PC6[;,]Huisnummer[;,]Buurt(20[0-9]{2})[;,]Wijk(20[0-9]{2})[;,]Gemeente(20[0-9]{2})",
            Pattern.CASE_INSENSITIVE);
    static final String CHANGES_HEADER = "jaar;oude_code;nieuwe_code;aandeel";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AreaSuccession succession;

    CbsTables(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transaction, AreaSuccession succession) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.succession = succession;
    }

    /** Loads CBS's buurt per postcode and huisnummer of {@code year}; chunks are upserts, so a re-run is harmless. */
    void postcodes(Path file, int year, ImportRun run) throws IOException {
        run.phase("postcodetabel lezen", Files.size(file));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            header = header == null
                    ? ""
                    : header.replace("\uFEFF", "").replace("\"", "").trim();
            Matcher matched = PC_HEADER.matcher(header);
            if (!matched.matches()) {
                throw new IllegalArgumentException("De kopregel is '" + header + "'; verwacht (in deze volgorde)"
                        + " PC6;Huisnummer;Buurt<jaar>;Wijk<jaar>;Gemeente<jaar> zoals CBS het bestand publiceert."
                        + " Er is niets geladen.");
            }
            int declared = Integer.parseInt(matched.group(1));
            if (declared != year
                    || !matched.group(2).equals(matched.group(1))
                    || !matched.group(3).equals(matched.group(1))) {
                throw new IllegalArgumentException("Het bestand bevat de indeling van " + declared + " (kopregel '"
                        + header + "'), niet van " + year + " zoals opgegeven. Er is niets geladen.");
            }
            char separator = header.charAt(3);
            StringBuilder chunk = new StringBuilder();
            int rows = 0;
            long line = 1;
            long bytes = header.length() + 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                bytes += text.length() + 1;
                if (text.isBlank()) {
                    continue;
                }
                run.read.incrementAndGet();
                String[] fields = text.replace("\"", "").split(String.valueOf(separator), -1);
                try {
                    if (fields.length != 5) {
                        throw new IllegalArgumentException("verwacht 5 velden, gevonden " + fields.length);
                    }
                    String postcode = Postcode.parse(fields[0]).value();
                    int huisnummer = Integer.parseInt(fields[1].trim());
                    String buurt = code("BU", fields[2], 8);
                    String wijk = code("WK", fields[3], 6);
                    String gemeente = code("GM", fields[4], 4);
                    if (!buurt.startsWith(wijk.substring(2), 2) || !wijk.startsWith(gemeente.substring(2), 2)) {
                        throw new IllegalArgumentException(
                                "buurt " + buurt + " ligt niet in wijk " + wijk + " of gemeente " + gemeente);
                    }
                    chunk.append(year)
                            .append('\t')
                            .append(postcode)
                            .append('\t')
                            .append(huisnummer)
                            .append('\t')
                            .append(buurt)
                            .append('\n');
                    rows++;
                } catch (InvalidValueException invalid) {
                    run.reject(file.getFileName().toString(), "regel " + line, invalid.field() + " ongeldig");
                } catch (IllegalArgumentException invalid) {
                    run.reject(file.getFileName().toString(), "regel " + line, invalid.getMessage());
                }
                if (rows == CHUNK) {
                    writePostcodes(chunk.toString(), run);
                    chunk.setLength(0);
                    rows = 0;
                }
                run.progress(bytes);
            }
            writePostcodes(chunk.toString(), run);
        }
    }

    private static String code(String prefix, String value, int digits) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        if (text.startsWith(prefix)) {
            text = text.substring(2);
        }
        if (!text.matches("[0-9]{1," + digits + "}")) {
            throw new IllegalArgumentException(
                    prefix + "-code '" + value.trim() + "' is geen getal van hoogstens " + digits + " cijfers");
        }
        return prefix + "0".repeat(digits - text.length()) + text;
    }

    private void writePostcodes(String rows, ImportRun run) {
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS cbs_postcode_stage (LIKE cbs_postcode_area)"
                    + " ON COMMIT DELETE ROWS");
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY cbs_postcode_stage FROM STDIN", new StringReader(rows));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            run.written.addAndGet(jdbc.update("INSERT INTO cbs_postcode_area AS t SELECT DISTINCT ON (area_year,"
                    + " postcode, huisnummer) * FROM cbs_postcode_stage ORDER BY area_year, postcode, huisnummer"
                    + " ON CONFLICT (area_year, postcode, huisnummer) DO UPDATE SET buurt_code = excluded.buurt_code"
                    + " WHERE t.buurt_code <> excluded.buurt_code"));
        });
    }

    /**
     * Loads code changes (one transaction): every row is checked first, and a bad row refuses the file. Two layouts:
     * CBS's overview of the changes in the gemeentelijke indeling of a year ({@link CbsGemeenteChanges}; the year from
     * {@code yearOption} or the file name) and our own {@code jaar;oude_code;nieuwe_code;aandeel} for wijken and buurten.
     */
    void codeChanges(Path file, @Nullable Integer yearOption, ImportRun run) throws IOException {
        byte[] start;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        }
        List<List<String>> overview;
        List<String> lines = List.of();
        if (XlsxSheets.isWorkbook(start)) {
            overview = XlsxSheets.read(file).stream()
                    .filter(CbsGemeenteChanges::matches)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.getFileName() + " heeft geen werkblad met het"
                            + " overzicht van opgeheven en nieuwgevormde gemeenten van CBS. Er is niets geladen."));
        } else {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            overview = CbsGemeenteChanges.csv(lines);
        }
        String header =
                lines.isEmpty() ? "" : lines.get(0).replace("\uFEFF", "").trim();
        if (CbsGemeenteChanges.matches(overview)) {
            run.phase("gemeentelijke herindelingen lezen (CBS)", overview.size());
            List<AreaSuccession.CodeChange> changes = CbsGemeenteChanges.read(
                    overview, CbsGemeenteChanges.year(yearOption, file), file.getFileName(), run);
            if (run.rejected.get() > 0) {
                throw new IllegalArgumentException(run.rejected.get() + " regels zijn ongeldig (zie " + run.report()
                        + "); omdat de wijzigingen samen één keten vormen is niets geladen.");
            }
            run.written.addAndGet(succession.add(changes));
            return;
        }
        if (!header.equalsIgnoreCase(CHANGES_HEADER)) {
            throw new IllegalArgumentException("De kopregel is '" + header + "'; verwacht " + CHANGES_HEADER
                    + " of het overzicht van CBS (\"Opgeheven gemeenten\", \"Nieuwgevormde gemeenten\")."
                    + " Er is niets geladen.");
        }
        run.phase("codewijzigingen lezen", lines.size());
        List<AreaSuccession.CodeChange> changes = new ArrayList<>();
        Pattern code = Pattern.compile("GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}");
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            run.read.incrementAndGet();
            String[] fields = text.split(";", -1);
            try {
                if (fields.length != 4) {
                    throw new IllegalArgumentException("verwacht 4 velden, gevonden " + fields.length);
                }
                int year = Integer.parseInt(fields[0].trim());
                String old = fields[1].trim().toUpperCase(Locale.ROOT);
                String neu = fields[2].trim().toUpperCase(Locale.ROOT);
                if (year < 2000
                        || year > 2100
                        || !code.matcher(old).matches()
                        || !code.matcher(neu).matches()) {
                    throw new IllegalArgumentException("jaar 2000-2100 en codes GM+4, WK+6 of BU+8 cijfers verwacht");
                }
                Double share = fields[3].isBlank()
                        ? null
                        : Double.parseDouble(fields[3].trim().replace(',', '.'));
                changes.add(new AreaSuccession.CodeChange(year, old, neu, share));
            } catch (IllegalArgumentException invalid) {
                run.reject(file.getFileName().toString(), "regel " + (i + 1), invalid.getMessage());
            }
        }
        if (run.rejected.get() > 0) {
            throw new IllegalArgumentException(run.rejected.get() + " regels zijn ongeldig (zie " + run.report()
                    + "); omdat de wijzigingen samen één keten vormen is niets geladen.");
        }
        run.written.addAndGet(succession.add(changes));
    }
}
