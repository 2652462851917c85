package nl.adreszicht.addresses;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads addresses with their wijk and buurt from a BAG-extract-like CSV (format: docs/reference-data.md).
 * Every row is validated with the register's value types; a rejected row is reported with its line number and
 * reason while the good rows load. An address is found again by its BAG id (or its designation) and keeps its random
 * id, and an unchanged row is not rewritten, so importing the same file again changes nothing.
 */
@Component
class AddressImport {

    static final String HEADER = "nummeraanduiding_id;postcode;huisnummer;huisletter;huisnummertoevoeging;"
            + "openbare_ruimte;woonplaats;gemeente_code;wijk_code;buurt_code;indelingsjaar";

    private static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /**
     * An address is found again by its BAG id, or without one by its designation; a new one gets a random id, a known
     * one keeps its id and is only rewritten when something changed. A row without BAG id never overwrites an address
     * that has one.
     */
    private static final String UPSERT_BY_BAG_ID = upsert("(nummeraanduiding_id)", "");

    private static final String UPSERT_BY_DESIGNATION = upsert(
            // The designation is unique among the addresses that have not ended (a partial index).
            "(postcode, huisnummer, (coalesce(huisletter, '')), (coalesce(toevoeging, ''))) WHERE ended_on IS NULL",
            "address.nummeraanduiding_id IS NULL AND ");

    private static String upsert(String conflictTarget, String onlyWhen) {
        return """
            INSERT INTO address (id, nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging, straat,
                                 woonplaats, gemeente_code, wijk_code, buurt_code, area_year, synthetic)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)
            ON CONFLICT %s DO UPDATE SET
              nummeraanduiding_id = excluded.nummeraanduiding_id, postcode = excluded.postcode,
              huisnummer = excluded.huisnummer, huisletter = excluded.huisletter, toevoeging = excluded.toevoeging,
              straat = excluded.straat, woonplaats = excluded.woonplaats, gemeente_code = excluded.gemeente_code,
              wijk_code = excluded.wijk_code, buurt_code = excluded.buurt_code, area_year = excluded.area_year
            WHERE %s(address.nummeraanduiding_id, address.postcode, address.huisnummer, address.huisletter,
                   address.toevoeging, address.straat, address.woonplaats, address.gemeente_code, address.wijk_code,
                   address.buurt_code, address.area_year)
              IS DISTINCT FROM
                  (excluded.nummeraanduiding_id, excluded.postcode, excluded.huisnummer, excluded.huisletter,
                   excluded.toevoeging, excluded.straat, excluded.woonplaats, excluded.gemeente_code,
                   excluded.wijk_code, excluded.buurt_code, excluded.area_year)
            """.formatted(conflictTarget, onlyWhen);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MessageSource messages;

    private final org.springframework.context.ApplicationEventPublisher events;

    AddressImport(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            MessageSource messages,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.messages = messages;
    }

    /** A row that was not loaded: its line number in the file and why, in Dutch. */
    record Rejection(long line, String reason) {}

    /** What an import did. */
    record Report(long rows, long written, long unchanged, List<Rejection> rejections) {}

    private record Row(long line, Object[] values) {

        String statement() {
            return values[1] == null ? UPSERT_BY_DESIGNATION : UPSERT_BY_BAG_ID;
        }
    }

    Report importFrom(Path file, Consumer<String> progress) throws IOException {
        List<Rejection> rejections = new ArrayList<>();
        long rows = 0;
        long[] written = {0};
        List<Row> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !HEADER.equals(stripBom(header).trim())) {
                throw new IllegalArgumentException("Regel 1 moet de kopregel zijn: " + HEADER);
            }
            long line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                rows++;
                try {
                    batch.add(new Row(line, parse(text)));
                } catch (InvalidValueException invalid) {
                    rejections.add(new Rejection(
                            line, invalid.field() + ": " + messages.getMessage(invalid.messageKey(), null, DUTCH)));
                } catch (IllegalArgumentException invalid) {
                    rejections.add(new Rejection(line, invalid.getMessage()));
                }
                if (batch.size() == BATCH) {
                    written[0] += write(batch, rejections);
                    batch.clear();
                }
                if (rows % PROGRESS_EVERY == 0) {
                    progress.accept(rows + " regels gelezen, " + rejections.size() + " afgewezen");
                }
            }
        }
        written[0] += write(batch, rejections);
        long good = rows - rejections.size();
        if (written[0] > 0) {
            events.publishEvent(new AddressesImported(written[0]));
        }
        return new Report(rows, written[0], good - written[0], List.copyOf(rejections));
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /** Validates one line into the column values of the upsert. */
    static Object[] parse(String text) {
        String[] fields = text.split(";", -1);
        if (fields.length != 11) {
            throw new IllegalArgumentException("verwacht 11 velden gescheiden door ';', gevonden " + fields.length);
        }
        NummeraanduidingId bagId = blank(fields[0]) ? null : NummeraanduidingId.parse(fields[0]);
        Postcode postcode = Postcode.parse(fields[1]);
        HouseNumber number = HouseNumber.of(huisnummer(fields[2]), fields[3], fields[4]);
        String straat = required(fields[5], "openbare_ruimte", 80);
        String woonplaats = required(fields[6], "woonplaats", 80);
        GemeenteCode gemeente = GemeenteCode.parse(fields[7]);
        AreaCodes areas = null;
        if (!blank(fields[8]) || !blank(fields[9]) || !blank(fields[10])) {
            areas = new AreaCodes(gemeente, WijkCode.parse(fields[8]), BuurtCode.parse(fields[9]), year(fields[10]));
        }
        return new Object[] {
            UUID.randomUUID(),
            bagId == null ? null : bagId.value(),
            postcode.value(),
            number.number(),
            number.letter(),
            number.addition(),
            straat,
            woonplaats,
            gemeente.value(),
            areas == null ? null : areas.wijk().value(),
            areas == null ? null : areas.buurt().value(),
            areas == null ? null : (short) areas.year()
        };
    }

    /** Writes a batch in one transaction; if one row breaks a constraint, row by row so only that row is lost. */
    private long write(List<Row> batch, List<Rejection> rejections) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            Long written = transaction.execute(status -> {
                long count = 0;
                for (String statement : List.of(UPSERT_BY_BAG_ID, UPSERT_BY_DESIGNATION)) {
                    List<Object[]> rows = batch.stream()
                            .filter(row -> row.statement().equals(statement))
                            .map(Row::values)
                            .toList();
                    if (rows.isEmpty()) {
                        continue;
                    }
                    int[][] counts = jdbc.batchUpdate(statement, rows, rows.size(), (ps, values) -> {
                        for (int i = 0; i < values.length; i++) {
                            ps.setObject(i + 1, values[i]);
                        }
                    });
                    for (int[] chunk : counts) {
                        for (int updated : chunk) {
                            count += updated > 0 ? 1 : 0;
                        }
                    }
                }
                return count;
            });
            return written == null ? 0 : written;
        } catch (DataIntegrityViolationException conflict) {
            long written = 0;
            for (Row row : batch) {
                try {
                    written += transaction.execute(status -> jdbc.update(row.statement(), row.values()));
                } catch (DataIntegrityViolationException rowConflict) {
                    rejections.add(
                            new Rejection(
                                    row.line(),
                                    "dit adres (postcode, huisnummer) of BAG-id staat al onder een ander adres in het register"));
                }
            }
            return written;
        }
    }

    private static int huisnummer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("huisnummer", "validation.huisnummer.format");
        }
    }

    private static int year(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("indelingsjaar", "validation.indelingsjaar.range");
        }
    }

    private static String required(String text, String field, int max) {
        String value = text.trim();
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(field + ": verplicht, hoogstens " + max + " tekens");
        }
        return value;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
