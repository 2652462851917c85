package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.TreeSet;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
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
        AddressArea area = addresses
                .areaOf(stored.address())
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        String gemeente = area.gemeente().value();
        String wijk = area.wijk() == null ? null : area.wijk().value();
        String buurt = area.buurt() == null ? null : area.buurt().value();
        LocalDate month = stored.occurredOn().withDayOfMonth(1);
        String source = stored.source().name();
        // Sorted, so two transactions counting the same types lock their rows in the same order (no deadlock).
        String[] types = new TreeSet<>(stored.violenceTypes()).toArray(String[]::new);
        jdbc.update(
                "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity,"
                        + " children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + 1",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                stored.severity() == null ? null : stored.severity().name(),
                stored.childrenInvolved());
        // The gemeente's own row, for national figures without scanning the areas
        // (docs/privacy/disclosure-control.md).
        jdbc.update(
                "INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, 1) ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + 1",
                gemeente,
                month,
                source,
                stored.childrenInvolved());
        if (types.length == 0) {
            return;
        }
        // One statement per table for all the record's violence types (each type once, so no row is hit twice).
        jdbc.update(
                "INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code, area_year, month,"
                        + " source, violence_type, records) SELECT ?, ?, ?, ?, ?, ?, type, 1"
                        + " FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
                        + " DO UPDATE SET records = record_tally_violence_type.records + 1",
                gemeente,
                wijk,
                buurt,
                area.year(),
                month,
                source,
                types);
        jdbc.update(
                "INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                        + " SELECT ?, ?, type, 1 FROM unnest(?::text[]) AS type ORDER BY type"
                        + " ON CONFLICT (gemeente_code, month, violence_type)"
                        + " DO UPDATE SET records = gemeente_violence_tally.records + 1",
                gemeente,
                month,
                types);
    }
}
