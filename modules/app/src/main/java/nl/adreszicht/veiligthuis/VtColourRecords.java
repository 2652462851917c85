package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Veilig Thuis's meldingen and adviezen at an address, reduced to what the colour rules read. A beoordeling that
 * found acute onveiligheid flags the record, which makes the address red under the colour policy.
 */
@Component
@Transactional(readOnly = true)
class VtColourRecords implements ColourRecordSource {

    private final JdbcTemplate jdbc;

    VtColourRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        Map<UUID, Set<String>> keys = new HashMap<>();
        jdbc.query(
                "SELECT p.melding_id, p.name, p.birth_date, p.bsn FROM vt_melding_person p"
                        + " JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = ?",
                row -> {
                    String bsn = row.getString("bsn");
                    String key = bsn != null
                            ? PersonKeys.of(Bsn.parse(bsn))
                            : PersonKeys.of(row.getString("name"), row.getObject("birth_date", LocalDate.class));
                    keys.computeIfAbsent(row.getObject("melding_id", UUID.class), k -> new HashSet<>())
                            .add(key);
                },
                address.value());
        return jdbc.query(
                "SELECT id, kind, received_on, severity, children_involved, coalesce(acute_onveiligheid, false) AS acute,"
                        + " coalesce(organisation, vt_region) AS organisation"
                        + " FROM vt_melding WHERE address_id = ?",
                (row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new ColourRecord(
                            id.toString(),
                            "advies".equals(row.getString("kind")) ? RecordSource.VT_ADVIES : RecordSource.VT_MELDING,
                            row.getObject("received_on", LocalDate.class),
                            Severity.valueOf(row.getString("severity")),
                            row.getBoolean("children_involved"),
                            false,
                            false,
                            row.getBoolean("acute"),
                            keys.getOrDefault(id, Set.of()),
                            row.getString("organisation"));
                },
                address.value());
    }
}
