package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordStored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds every stored record to the anonymous tallies of its area and month: {@code record_tally} (source, severity,
 * children) and {@code record_tally_violence_type} (one count per violence type it names), and the gemeente's own rows
 * for national figures. It listens to {@link RecordStored} in the transaction that stores the record (ADR 0011), so a
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
        count(
                stored.address(),
                new RecordChanged.Tallied(
                        stored.occurredOn(),
                        stored.severity(),
                        stored.childrenInvolved(),
                        List.copyOf(new TreeSet<>(stored.violenceTypes()))),
                stored.source().name(),
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
        uncount(changed.address(), changed.before(), changed.source().name());
        count(changed.address(), changed.after(), changed.source().name(), 1);
    }

    private void count(
            nl.adreszicht.records.AddressId address, RecordChanged.Tallied counted, String source, int delta) {
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        String gemeente = area.gemeente().value();
        String wijk = area.wijk() == null ? null : area.wijk().value();
        String buurt = area.buurt() == null ? null : area.buurt().value();
        LocalDate month = counted.occurredOn().withDayOfMonth(1);
        // Sorted, so two transactions counting the same types lock their rows in the same order (no deadlock).
        String[] types = new TreeSet<>(counted.violenceTypes()).toArray(String[]::new);
        jdbc.update(
                "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity,"
                        + " children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + EXCLUDED.records",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                counted.severity() == null ? null : counted.severity().name(),
                counted.childrenInvolved(),
                delta);
        // The gemeente's own row, for national figures without scanning the areas
        // (docs/privacy/disclosure-control.md).
        jdbc.update(
                "INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + EXCLUDED.records",
                gemeente,
                month,
                source,
                counted.childrenInvolved(),
                delta);
        if (types.length == 0) {
            return;
        }
        // One statement per table for all the record's violence types (each type once, so no row is hit twice).
        jdbc.update(
                "INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code, area_year, month,"
                        + " source, violence_type, records) SELECT ?, ?, ?, ?, ?, ?, type, ?"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
                        + " DO UPDATE SET records = record_tally_violence_type.records + EXCLUDED.records",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                delta,
                types);
        jdbc.update(
                "INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                        + " SELECT ?, ?, type, ? FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (gemeente_code, month, violence_type)"
                        + " DO UPDATE SET records = gemeente_violence_tally.records + EXCLUDED.records",
                gemeente,
                month,
                delta,
                types);
    }

    /** Takes a record out of the cells it was counted in (an update: an insert of -1 would break the checks). */
    private void uncount(nl.adreszicht.records.AddressId address, RecordChanged.Tallied counted, String source) {
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        String gemeente = area.gemeente().value();
        String wijk = area.wijk() == null ? null : area.wijk().value();
        String buurt = area.buurt() == null ? null : area.buurt().value();
        LocalDate month = counted.occurredOn().withDayOfMonth(1);
        String[] types = new TreeSet<>(counted.violenceTypes()).toArray(String[]::new);
        jdbc.update(
                "UPDATE record_tally SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND month = ? AND source = ?"
                        + " AND severity IS NOT DISTINCT FROM ? AND children_present = ?",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                counted.severity() == null ? null : counted.severity().name(),
                counted.childrenInvolved());
        jdbc.update(
                "UPDATE gemeente_tally SET records = records - 1 WHERE gemeente_code = ? AND month = ? AND source = ?"
                        + " AND children_present = ?",
                gemeente,
                month,
                source,
                counted.childrenInvolved());
        if (types.length == 0) {
            return;
        }
        jdbc.update(
                "UPDATE record_tally_violence_type SET records = records - 1 WHERE gemeente_code = ?"
                        + " AND wijk_code IS NOT DISTINCT FROM ? AND buurt_code IS NOT DISTINCT FROM ?"
                        + " AND area_year IS NOT DISTINCT FROM ? AND month = ? AND source = ?"
                        + " AND violence_type = ANY (?::text[])",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                types);
        jdbc.update(
                "UPDATE gemeente_violence_tally SET records = records - 1 WHERE gemeente_code = ? AND month = ?"
                        + " AND violence_type = ANY (?::text[])",
                gemeente,
                month,
                types);
    }
}
