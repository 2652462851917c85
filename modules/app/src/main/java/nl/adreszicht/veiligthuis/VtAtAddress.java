package nl.adreszicht.veiligthuis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The meldingen and adviezen at an address with what the colour code and the monitor read of them, in two statements
 * read once per transaction ({@link AddressReads}): a registration's colour recompute ({@link VtRecords}) and recidive
 * reconcile ({@link VtMonitoredRecords}) share them instead of sending seven (issue 18).
 */
@Component
class VtAtAddress {

    /** The meldingen and adviezen at an address with their violence types (index vt_melding_address). */
    static final String MELDINGEN = "SELECT m.id, m.kind, m.received_on, m.severity, m.children_involved,"
            + " coalesce(m.acute_onveiligheid, false) AS acute, coalesce(m.organisation, m.vt_region) AS organisation,"
            + " m.assessed_at, m.assessment_due, m.assessment_code, m.investigation_started_on,"
            + " m.investigation_due, m.investigation_closed_at,"
            + " ARRAY(SELECT t.code FROM vt_melding_violence_type t WHERE t.melding_id = m.id) AS violence_types"
            + " FROM vt_melding m WHERE m.address_id = ?";

    /** The person keys of their betrokkenen (index vt_melding_address, then vt_melding_person by melding). */
    static final String PERSONS = "SELECT p.melding_id, p.name, p.birth_date, p.bsn FROM vt_melding_person p"
            + " JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = ?";

    private final JdbcTemplate jdbc;

    VtAtAddress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One melding or advies as the colour code and the monitor read it. */
    record Row(
            UUID id,
            String kind,
            LocalDate receivedOn,
            @Nullable String severity,
            boolean childrenInvolved,
            boolean acute,
            String organisation,
            @Nullable OffsetDateTime assessedAt,
            @Nullable LocalDate assessmentDue,
            @Nullable String assessmentCode,
            @Nullable LocalDate investigationStartedOn,
            @Nullable LocalDate investigationDue,
            @Nullable OffsetDateTime investigationClosedAt,
            Set<String> violenceTypes,
            Set<String> personKeys) {}

    /** Every melding and advies at the address, with the person keys of its betrokkenen. */
    List<Row> at(AddressId address) {
        return AddressReads.at(address, "veiligthuis.atAddress", () -> read(address));
    }

    private List<Row> read(AddressId address) {
        Map<UUID, Set<String>> keys = new HashMap<>();
        jdbc.query(
                PERSONS,
                row -> {
                    String bsn = row.getString("bsn");
                    keys.computeIfAbsent(row.getObject("melding_id", UUID.class), k -> new HashSet<>())
                            .add(
                                    bsn != null
                                            ? PersonKeys.of(Bsn.parse(bsn))
                                            : PersonKeys.of(
                                                    row.getString("name"),
                                                    row.getObject("birth_date", LocalDate.class)));
                },
                address.value());
        return List.copyOf(jdbc.query(MELDINGEN, (row, n) -> row(row, keys), address.value()));
    }

    private static Row row(ResultSet row, Map<UUID, Set<String>> keys) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new Row(
                id,
                row.getString("kind"),
                row.getObject("received_on", LocalDate.class),
                row.getString("severity"),
                row.getBoolean("children_involved"),
                row.getBoolean("acute"),
                row.getString("organisation"),
                row.getObject("assessed_at", OffsetDateTime.class),
                row.getObject("assessment_due", LocalDate.class),
                row.getString("assessment_code"),
                row.getObject("investigation_started_on", LocalDate.class),
                row.getObject("investigation_due", LocalDate.class),
                row.getObject("investigation_closed_at", OffsetDateTime.class),
                Set.copyOf(
                        Arrays.asList((String[]) row.getArray("violence_types").getArray())),
                Set.copyOf(keys.getOrDefault(id, Set.of())));
    }
}
