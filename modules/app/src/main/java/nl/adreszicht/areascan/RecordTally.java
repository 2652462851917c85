package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.CounterWrites;
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
 * and the gemeente's own rows and its stripe of the national rows for national figures. It listens to {@link
 * RecordStored} and counts in the transaction that stores the record (ADR 0011), so a record is counted exactly once,
 * exactly when it exists: an increment is not idempotent, so a count after the commit could be lost or, resubmitted,
 * made twice. The count is written last in that transaction, just before its commit ({@link CounterWrites}): every
 * registration in a gemeente and month adds to the same gemeente and national rows, and a row lock taken early would
 * make them all wait for the rest of this registration. Nothing subtracts: a record deleted at the end of
 * its retention, or destroyed on request, stays counted, which keeps the area scan's history correct.
 */
@Component
class RecordTally implements CounterWrites.Counter<RecordTally.Cell> {

    private final JdbcTemplate jdbc;
    private final KnownAddresses addresses;

    RecordTally(JdbcTemplate jdbc, KnownAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    @EventListener
    void on(RecordStored stored) {
        add(
                cell(
                        stored.address(),
                        new RecordChanged.Tallied(
                                stored.occurredOn(),
                                stored.severity(),
                                stored.childrenInvolved(),
                                List.copyOf(new TreeSet<>(stored.violenceTypes()))),
                        stored.source().name()),
                1);
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
        // Both written at the end of the transaction in the cells' order, whichever way the correction goes: two
        // corrections moving records between the same two cells in opposite directions (month, children, severity)
        // then lock the rows in the same order (no deadlock on the per-gemeente or national rows they share). Opposite
        // corrections of only the violence types in one month can still deadlock, as before; PostgreSQL aborts one.
        add(cell(changed.address(), changed.before(), changed.source().name()), -1);
        add(cell(changed.address(), changed.after(), changed.source().name()), 1);
    }

    private void add(Cell cell, long delta) {
        CounterWrites.add(this, cell, delta);
    }

    @Override
    public int rank() {
        return CounterWrites.RANK_AREA_SCAN_TALLIES;
    }

    @Override
    public Comparator<? super Cell> order() {
        return Cell.ORDER;
    }

    /** Writes one transaction's counts, cell by cell in {@link Cell#ORDER}, each with what it adds up to. */
    @Override
    public void write(SortedMap<Cell, Long> increments) {
        increments.forEach((cell, delta) -> {
            if (delta > 0) {
                count(cell, Math.toIntExact(delta));
            } else {
                uncount(cell, Math.toIntExact(-delta));
            }
        });
    }

    /**
     * The cells one record is counted in: its buurt's month and year (with source, severity, children), its gemeente's
     * month, and the national month in the stripe of its gemeente.
     */
    record Cell(
            String gemeente,
            @Nullable String wijk,
            @Nullable String buurt,
            @Nullable Integer areaYear,
            LocalDate month,
            String source,
            @Nullable String severity,
            boolean children,
            List<String> types) {

        /**
         * The order cells are written in: by month, children and severity first (as before the writes were deferred),
         * then by everything else, so that two cells compare equal only when they are one cell (their counts are then
         * added up and written once).
         */
        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::month)
                .thenComparing(Cell::children)
                .thenComparing(Cell::severity, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Cell::gemeente)
                .thenComparing(Cell::source)
                .thenComparing(Cell::wijk, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Cell::buurt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Cell::areaYear, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(cell -> String.join(",", cell.types()));

        int year() {
            return month.getYear();
        }

        String[] typeArray() {
            return types.toArray(String[]::new);
        }

        // The parameters of the four statements that count (n records) or uncount (n taken away) a record, in the
        // order both write them: the month's row first, then the row kept beside it (the year's, or the national
        // stripe's).

        Object[] countAreaCells(int n) {
            return new Object[] {
                gemeente, wijk, buurt, areaYear, month, source, severity, children, n, gemeente, year(), wijk, buurt,
                areaYear, source, children, n
            };
        }

        Object[] uncountAreaCells(int n) {
            return new Object[] {
                n, gemeente, wijk, buurt, areaYear, month, source, severity, children, n, gemeente, year(), wijk, buurt,
                areaYear, source, children
            };
        }

        Object[] countGemeenteCells(int n) {
            return new Object[] {gemeente, month, source, children, n, month, stripe(), source, children, n};
        }

        Object[] uncountGemeenteCells(int n) {
            return new Object[] {n, gemeente, month, source, children, n, month, stripe(), source, children};
        }

        Object[] countAreaTypesCells(int n) {
            return new Object[] {
                gemeente,
                wijk,
                buurt,
                areaYear,
                month,
                source,
                n,
                typeArray(),
                gemeente,
                year(),
                wijk,
                buurt,
                areaYear,
                n,
                typeArray()
            };
        }

        Object[] uncountAreaTypesCells(int n) {
            return new Object[] {
                n,
                gemeente,
                wijk,
                buurt,
                areaYear,
                month,
                source,
                typeArray(),
                n,
                gemeente,
                year(),
                wijk,
                buurt,
                areaYear,
                typeArray()
            };
        }

        Object[] countGemeenteTypesCells(int n) {
            return new Object[] {gemeente, month, n, typeArray(), month, stripe(), n, typeArray()};
        }

        Object[] uncountGemeenteTypesCells(int n) {
            return new Object[] {n, gemeente, month, typeArray(), n, month, stripe(), typeArray()};
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
                List.copyOf(new TreeSet<>(counted.violenceTypes())));
    }

    /**
     * Adds {@code n} records to their cells. Each statement writes the month's row and, in a data-modifying WITH, the
     * row kept beside it for whole years or for the whole country: the scan's faster reads cost no extra round trip.
     */
    private void count(Cell c, int n) {
        jdbc.update(
                "WITH monthly AS (INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month,"
                        + " source, severity, children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + EXCLUDED.records)"
                        + " INSERT INTO record_tally_year (gemeente_code, tally_year, wijk_code, buurt_code, area_year,"
                        + " source, children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_year_cell"
                        + " DO UPDATE SET records = record_tally_year.records + EXCLUDED.records",
                c.countAreaCells(n));
        // The gemeente's own row and its national stripe, for national figures without scanning the areas
        // (docs/privacy/disclosure-control.md).
        jdbc.update(
                "WITH gemeente AS (INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + EXCLUDED.records)"
                        + " INSERT INTO national_tally (month, stripe, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (month, stripe, source, children_present)"
                        + " DO UPDATE SET records = national_tally.records + EXCLUDED.records",
                c.countGemeenteCells(n));
        if (c.types().isEmpty()) {
            return;
        }
        // One statement per level for all the record's violence types (each type once, so no row is hit twice).
        jdbc.update(
                "WITH monthly AS (INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code,"
                        + " area_year, month, source, violence_type, records) SELECT ?, ?, ?, ?, ?, ?, type, ?"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
                        + " DO UPDATE SET records = record_tally_violence_type.records + EXCLUDED.records)"
                        + " INSERT INTO record_tally_violence_type_year (gemeente_code, tally_year, wijk_code,"
                        + " buurt_code, area_year, violence_type, records) SELECT ?, ?, ?, ?, ?, type, ?"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_year_cell"
                        + " DO UPDATE SET records = record_tally_violence_type_year.records + EXCLUDED.records",
                c.countAreaTypesCells(n));
        jdbc.update(
                "WITH gemeente AS (INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                        + " SELECT ?, ?, type, ? FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (gemeente_code, month, violence_type)"
                        + " DO UPDATE SET records = gemeente_violence_tally.records + EXCLUDED.records)"
                        + " INSERT INTO national_violence_tally (month, stripe, violence_type, records)"
                        + " SELECT ?, ?, type, ? FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (month, stripe, violence_type)"
                        + " DO UPDATE SET records = national_violence_tally.records + EXCLUDED.records",
                c.countGemeenteTypesCells(n));
    }

    /**
     * Takes {@code n} records out of the cells they were counted in (an update: an insert of -1 would break the
     * checks).
     */
    private void uncount(Cell c, int n) {
        jdbc.update(
                "WITH monthly AS (UPDATE record_tally SET records = records - ? WHERE gemeente_code = ? AND wijk_code"
                        + " IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ? AND area_year IS NOT DISTINCT"
                        + " FROM ? AND month = ? AND source = ? AND severity IS NOT DISTINCT FROM ? AND children_present ="
                        + " ?) UPDATE record_tally_year SET records = records - ? WHERE gemeente_code = ? AND tally_year ="
                        + " ? AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ? AND area_year IS"
                        + " NOT DISTINCT FROM ? AND source = ? AND children_present = ?",
                c.uncountAreaCells(n));
        jdbc.update(
                "WITH gemeente AS (UPDATE gemeente_tally SET records = records - ? WHERE gemeente_code = ?"
                        + " AND month = ? AND source = ? AND children_present = ?)"
                        + " UPDATE national_tally SET records = records - ? WHERE month = ? AND stripe = ?"
                        + " AND source = ? AND children_present = ?",
                c.uncountGemeenteCells(n));
        if (c.types().isEmpty()) {
            return;
        }
        jdbc.update(
                "WITH monthly AS (UPDATE record_tally_violence_type SET records = records - ? WHERE gemeente_code = ?"
                        + " AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ? AND area_year IS"
                        + " NOT DISTINCT FROM ? AND month = ? AND source = ? AND violence_type = ANY (?::text[])) UPDATE"
                        + " record_tally_violence_type_year SET records = records - ? WHERE gemeente_code = ? AND"
                        + " tally_year = ? AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ? AND"
                        + " area_year IS NOT DISTINCT FROM ? AND violence_type = ANY (?::text[])",
                c.uncountAreaTypesCells(n));
        jdbc.update(
                "WITH gemeente AS (UPDATE gemeente_violence_tally SET records = records - ? WHERE gemeente_code = ?"
                        + " AND month = ? AND violence_type = ANY (?::text[]))"
                        + " UPDATE national_violence_tally SET records = records - ? WHERE month = ? AND stripe = ?"
                        + " AND violence_type = ANY (?::text[])",
                c.uncountGemeenteTypesCells(n));
    }
}
