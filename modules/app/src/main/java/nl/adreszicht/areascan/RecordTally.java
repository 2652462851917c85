package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordStored;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds every stored record to the anonymous tallies of its area and month: {@code record_tally} (source, severity,
 * children) and {@code record_tally_violence_type} (one count per violence type it names), the same per buurt and
 * calendar year ({@code record_tally_year}, {@code record_tally_violence_type_year}: what a scan of whole years reads),
 * and the gemeente's own rows and its stripe of the national rows for national figures. It listens to {@link RecordStored} in the transaction that stores the record (ADR 0011), so a
 * record is counted exactly once, exactly when it exists: an increment is not idempotent, so a count after the commit
 * could be lost or, resubmitted, made twice. Nothing subtracts: a record deleted at the end of its retention, or
 * destroyed on request, stays counted, which keeps the area scan's history correct.
 */
@Component
class RecordTally {

    private final JdbcTemplate jdbc;
    private final KnownAddresses addresses;

    RecordTally(JdbcTemplate jdbc, KnownAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    @EventListener
    void on(RecordStored stored) {
        count(cell(
                stored.address(),
                new RecordChanged.Tallied(
                        stored.occurredOn(),
                        stored.severity(),
                        stored.childrenInvolved(),
                        List.copyOf(new TreeSet<>(stored.violenceTypes()))),
                stored.source().name()));
    }

    /**
     * A correction that changed what the tally counted of a record (its severity, children, violence types): the
     * record leaves its old cells and joins its new ones, in the correction's transaction. The record was counted
     * wrongly, so this is not the subtraction retention never does (the record still exists, and is counted once).
     */
    @EventListener
    void on(RecordChanged changed) {
        if (!changed.retallies()) {
            return;
        }
        Cell before = cell(changed.address(), changed.before(), changed.source().name());
        Cell after = cell(changed.address(), changed.after(), changed.source().name());
        // The cell that sorts first is touched first, whichever way the correction goes: two corrections moving
        // records between the same two cells in opposite directions (month, children, severity) then lock the rows in
        // the same order (no deadlock on the per-gemeente or national rows they share). Opposite corrections of only
        // the violence types in one month can still deadlock, as before; PostgreSQL aborts one.
        if (Cell.ORDER.compare(after, before) < 0) {
            count(after);
            uncount(before);
        } else {
            uncount(before);
            count(after);
        }
    }

    /**
     * The cells one record is counted in: its buurt's month and year (with source, severity, children), its gemeente's
     * month, and the national month in the stripe of its gemeente.
     */
    private record Cell(
            String gemeente,
            @Nullable String wijk,
            @Nullable String buurt,
            @Nullable Integer areaYear,
            LocalDate month,
            String source,
            @Nullable String severity,
            boolean children,
            String[] types) {

        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::month)
                .thenComparing(Cell::children)
                .thenComparing(Cell::severity, Comparator.nullsFirst(Comparator.naturalOrder()));

        int year() {
            return month.getYear();
        }

        // The parameters of the four statements that count or uncount a record, in the order both write them: the
        // month's row first, then the row kept beside it (the year's, or the national stripe's).

        Object[] areaCells() {
            return new Object[] {
                gemeente, wijk, buurt, areaYear, month, source, severity, children, gemeente, year(), wijk, buurt,
                areaYear, source, children
            };
        }

        Object[] gemeenteCells() {
            return new Object[] {gemeente, month, source, children, month, stripe(), source, children};
        }

        Object[] areaTypesCells() {
            return new Object[] {
                gemeente, wijk, buurt, areaYear, month, source, types, gemeente, year(), wijk, buurt, areaYear, types
            };
        }

        Object[] gemeenteTypesCells() {
            return new Object[] {gemeente, month, types, month, stripe(), types};
        }

        /** The national row of this gemeente: by its number, so a gemeente always counts in the same one. */
        int stripe() {
            return Integer.parseInt(gemeente.substring(2)) % NATIONAL_STRIPES;
        }
    }

    /** The national tallies keep 16 rows per month and cell (changelog areascan/009). */
    static final int NATIONAL_STRIPES = 16;

    private Cell cell(nl.adreszicht.records.AddressId address, RecordChanged.Tallied counted, String source) {
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        return new Cell(
                area.gemeente().value(),
                area.wijk() == null ? null : area.wijk().value(),
                area.buurt() == null ? null : area.buurt().value(),
                area.year(),
                counted.occurredOn().withDayOfMonth(1),
                source,
                counted.severity() == null ? null : counted.severity().name(),
                counted.childrenInvolved(),
                // Sorted, so two transactions counting the same types lock their rows in the same order (no deadlock).
                new TreeSet<>(counted.violenceTypes()).toArray(String[]::new));
    }

    /**
     * Adds a record to its cells. Each statement writes the month's row and, in a data-modifying WITH, the row kept
     * beside it for whole years or for the whole country: the scan's faster reads cost no extra round trip.
     */
    private void count(Cell c) {
        jdbc.update(
                "WITH monthly AS (INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month,"
                        + " source, severity, children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + EXCLUDED.records)"
                        + " INSERT INTO record_tally_year (gemeente_code, tally_year, wijk_code, buurt_code, area_year,"
                        + " source, children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_year_cell"
                        + " DO UPDATE SET records = record_tally_year.records + EXCLUDED.records",
                c.areaCells());
        // The gemeente's own row and its national stripe, for national figures without scanning the areas
        // (docs/privacy/disclosure-control.md).
        jdbc.update(
                "WITH gemeente AS (INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, 1) ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + EXCLUDED.records)"
                        + " INSERT INTO national_tally (month, stripe, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, 1) ON CONFLICT (month, stripe, source, children_present)"
                        + " DO UPDATE SET records = national_tally.records + EXCLUDED.records",
                c.gemeenteCells());
        if (c.types().length == 0) {
            return;
        }
        // One statement per level for all the record's violence types (each type once, so no row is hit twice).
        jdbc.update(
                "WITH monthly AS (INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code,"
                        + " area_year, month, source, violence_type, records) SELECT ?, ?, ?, ?, ?, ?, type, 1"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
                        + " DO UPDATE SET records = record_tally_violence_type.records + EXCLUDED.records)"
                        + " INSERT INTO record_tally_violence_type_year (gemeente_code, tally_year, wijk_code,"
                        + " buurt_code, area_year, violence_type, records) SELECT ?, ?, ?, ?, ?, type, 1"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_year_cell"
                        + " DO UPDATE SET records = record_tally_violence_type_year.records + EXCLUDED.records",
                c.areaTypesCells());
        jdbc.update(
                "WITH gemeente AS (INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                        + " SELECT ?, ?, type, 1 FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (gemeente_code, month, violence_type)"
                        + " DO UPDATE SET records = gemeente_violence_tally.records + EXCLUDED.records)"
                        + " INSERT INTO national_violence_tally (month, stripe, violence_type, records)"
                        + " SELECT ?, ?, type, 1 FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (month, stripe, violence_type)"
                        + " DO UPDATE SET records = national_violence_tally.records + EXCLUDED.records",
                c.gemeenteTypesCells());
    }

    /** Takes a record out of the cells it was counted in (an update: an insert of -1 would break the checks). */
    private void uncount(Cell c) {
        jdbc.update(
                "WITH monthly AS (UPDATE record_tally SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND month = ? AND source = ?"
                        + " AND severity IS NOT DISTINCT FROM ? AND children_present = ?)"
                        + " UPDATE record_tally_year SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND tally_year = ? AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND source = ? AND children_present = ?",
                c.areaCells());
        jdbc.update(
                "WITH gemeente AS (UPDATE gemeente_tally SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND month = ? AND source = ? AND children_present = ?)"
                        + " UPDATE national_tally SET records = records - 1 WHERE month = ? AND stripe = ?"
                        + " AND source = ? AND children_present = ?",
                c.gemeenteCells());
        if (c.types().length == 0) {
            return;
        }
        jdbc.update(
                "WITH monthly AS (UPDATE record_tally_violence_type SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND month = ? AND source = ?"
                        + " AND violence_type = ANY (?::text[]))"
                        + " UPDATE record_tally_violence_type_year SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND tally_year = ? AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND violence_type = ANY (?::text[])",
                c.areaTypesCells());
        jdbc.update(
                "WITH gemeente AS (UPDATE gemeente_violence_tally SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND month = ? AND violence_type = ANY (?::text[]))"
                        + " UPDATE national_violence_tally SET records = records - 1 WHERE month = ? AND stripe = ?"
                        + " AND violence_type = ANY (?::text[])",
                c.gemeenteTypesCells());
    }
}
