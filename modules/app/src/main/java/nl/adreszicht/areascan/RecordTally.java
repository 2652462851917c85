package nl.adreszicht.areascan;

import java.time.LocalDate;
import nl.adreszicht.addresses.AddressArea;
import nl.adreszicht.addresses.AddressId;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.addresses.RecordSource;
import nl.adreszicht.addresses.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a stored record to the anonymous tally of its area and month. Called by every recording module when it
 * stores a record (police incidents now; Veilig Thuis meldingen and municipal signals when they arrive), in the
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

    /**
     * Counts one record.
     *
     * @param source where the record comes from
     * @param address the address it was recorded at; only its areas are kept
     * @param date the day it happened, in Europe/Amsterdam; only its month is kept
     * @param severity its severity, for sources that grade one
     * @param childrenPresent whether children were present or involved
     */
    @Transactional
    public void count(
            RecordSource source,
            AddressId address,
            LocalDate date,
            @Nullable Severity severity,
            boolean childrenPresent) {
        AddressArea area = addresses
                .areaOf(address)
                .orElseThrow(() -> new IllegalArgumentException("A record is counted at an address in the register"));
        jdbc.update(
                "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity,"
                        + " children_present, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
                        + " ON CONFLICT ON CONSTRAINT record_tally_cell"
                        + " DO UPDATE SET records = record_tally.records + 1",
                area.gemeente().value(),
                area.wijk() == null ? null : area.wijk().value(),
                area.buurt() == null ? null : area.buurt().value(),
                area.year(),
                date.withDayOfMonth(1),
                source.name(),
                severity == null ? null : severity.name(),
                childrenPresent);
    }
}
