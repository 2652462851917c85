package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a stored record to the anonymous tallies of its area and month: {@code record_tally} (source, severity,
 * children) and {@code record_tally_violence_type} (one count per violence type it names). Called by every recording
 * module when it stores a record (police incidents and municipal records now; Veilig Thuis meldingen when they
 * arrive), in the
 * same transaction, so a record is counted exactly when it exists. Nothing subtracts: a record deleted at the end
 * of its retention, or destroyed on request, stays counted, which keeps the area scan's history correct.
 */
@Service
public class RecordTally {

    private final JdbcTemplate jdbc;
    private final KnownAddresses addresses;

    RecordTally(JdbcTemplate jdbc, KnownAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    /** Counts one record without violence types; see {@link #count(RecordSource, AddressId, LocalDate, Severity,
     * boolean, Collection)}. */
    @Transactional
    public void count(
            RecordSource source,
            AddressId address,
            LocalDate date,
            @Nullable Severity severity,
            boolean childrenPresent) {
        count(source, address, date, severity, childrenPresent, Set.of());
    }

    /**
     * Counts one record.
     *
     * @param source where the record comes from
     * @param address the address it was recorded at; only its areas are kept
     * @param date the day it happened, in Europe/Amsterdam; only its month is kept
     * @param severity its severity, for sources that grade one
     * @param childrenPresent whether children were present or involved
     * @param violenceTypes the codes of the violence types it names
     */
    @Transactional
    public void count(
            RecordSource source,
            AddressId address,
            LocalDate date,
            @Nullable Severity severity,
            boolean childrenPresent,
            Collection<String> violenceTypes) {
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        String wijk = area.wijk() == null ? null : area.wijk().value();
        String buurt = area.buurt() == null ? null : area.buurt().value();
        LocalDate month = date.withDayOfMonth(1);
        jdbc.update(
                "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity,"
                        + " children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + 1",
                area.gemeente().value(),
                wijk,
                buurt,
                area.year(),
                month,
                source.name(),
                severity == null ? null : severity.name(),
                childrenPresent);
        // Sorted, so two transactions counting the same types lock their rows in the same order (no deadlock).
        java.util.SortedSet<String> types = new java.util.TreeSet<>(violenceTypes);
        for (String type : types) {
            jdbc.update(
                    "INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code, area_year, month,"
                            + " source, violence_type, records) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"
                            + " ON CONFLICT ON CONSTRAINT record_tally_violence_type_cell"
                            + " DO UPDATE SET records = record_tally_violence_type.records + 1",
                    area.gemeente().value(),
                    wijk,
                    buurt,
                    area.year(),
                    month,
                    source.name(),
                    type);
        }
        // The gemeente's own rows, for national figures without scanning the areas
        // (docs/privacy/disclosure-control.md).
        jdbc.update(
                "INSERT INTO gemeente_tally (gemeente_code, month, source, children_present, records)"
                        + " VALUES (?, ?, ?, ?, 1) ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + 1",
                area.gemeente().value(),
                month,
                source.name(),
                childrenPresent);
        for (String type : types) {
            jdbc.update(
                    "INSERT INTO gemeente_violence_tally (gemeente_code, month, violence_type, records)"
                            + " VALUES (?, ?, ?, 1) ON CONFLICT (gemeente_code, month, violence_type)"
                            + " DO UPDATE SET records = gemeente_violence_tally.records + 1",
                    area.gemeente().value(),
                    month,
                    type);
        }
    }
}
