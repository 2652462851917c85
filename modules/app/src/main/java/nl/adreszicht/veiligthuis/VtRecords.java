package nl.adreszicht.veiligthuis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.audit.OwnedObjects;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Veilig Thuis's meldingen and adviezen as the other modules see them, each through the interface it asks with: the
 * colour code (what its rules read: a beoordeling that found acute onveiligheid makes the address red), the radar
 * (Veilig Thuis's part of an address's history: its meldingen and adviezen with their betrokkenen, the
 * veiligheidsbeoordeling and the onderzoek of each, and the vervolgstappen; the melder's identity stays out, the
 * history shows the melder's sector only), signal matching and the access log (whose melding it is). A melding stored
 * before meldingen carried their organisation belongs to the organisation of its region.
 */
@Component
@Transactional(readOnly = true)
class VtRecords implements ColourRecordSource, AddressHistorySource, SignalHolders, OwnedObjects {

    /** Before every id: where the verifier's paging starts. */
    /** The meldingen and adviezen at an address (index vt_melding_address). */
    static final String MELDINGEN_AT =
            "SELECT m.id, m.kind, m.registration_number, coalesce(m.organisation, r.name, m.vt_region) AS organisation,"
                    + " m.received_at, m.melder_sector, m.reason, m.severity, m.children_involved, m.vervolgmelding,"
                    + " m.assessed_at, m.acute_onveiligheid, m.structurele_onveiligheid, m.assessment_code,"
                    + " m.investigation_started_on, m.investigation_closed_at, m.ended_at, m.end_code"
                    + " FROM vt_melding m LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = ?";

    /** Their betrokkenen. */
    static final String PERSONS_AT =
            "SELECT p.melding_id, p.role, p.relation, p.name, p.birth_date, p.bsn FROM vt_melding_person p"
                    + " JOIN vt_melding m ON m.id = p.melding_id WHERE m.address_id = ? ORDER BY p.position";

    /** Their vervolgstappen. */
    static final String STEPS_AT =
            "SELECT s.id, s.kind, s.planned_on, s.organisation AS to_organisation, s.note, m.registration_number,"
                    + " coalesce(m.organisation, r.name, m.vt_region) AS organisation FROM vt_vervolgstap s"
                    + " JOIN vt_melding m ON m.id = s.melding_id LEFT JOIN vt_region r ON r.code = m.vt_region"
                    + " WHERE m.address_id = ?";

    private final JdbcTemplate jdbc;
    private final OwnedObjects.RecordTable owned;
    private final VtAtAddress atAddress;

    VtRecords(JdbcTemplate jdbc, VtAtAddress atAddress) {
        this.jdbc = jdbc;
        this.atAddress = atAddress;
        // Before meldingen carried their organisation, their VT region owned them.
        this.owned = new OwnedObjects.RecordTable(
                JdbcClient.create(jdbc), "vt_melding", "coalesce(organisation, vt_region)");
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        return atAddress.at(address).stream()
                .map(row -> new ColourRecord(
                        row.id().toString(),
                        "advies".equals(row.kind()) ? RecordSource.VT_ADVIES : RecordSource.VT_MELDING,
                        row.receivedOn(),
                        Severity.valueOf(row.severity()),
                        row.childrenInvolved(),
                        false,
                        false,
                        row.acute(),
                        row.personKeys(),
                        row.organisation()))
                .toList();
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT coalesce(m.organisation, r.name, m.vt_region) FROM vt_melding m"
                        + " LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = ?",
                String.class,
                address.value()));
    }

    @Override
    public String objectType() {
        return Meldingen.OBJECT_TYPE;
    }

    @Override
    public Optional<Owned> find(String objectId) {
        return owned.find(objectId);
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        List<Row> rows = jdbc.query(MELDINGEN_AT, VtRecords::row, address.value());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<HistoryEntry.Person>> persons = jdbc
                .query(
                        PERSONS_AT,
                        (row, n) -> Map.entry(
                                row.getObject("melding_id", UUID.class),
                                new HistoryEntry.Person(
                                        key(
                                                row.getString("name"),
                                                row.getObject("birth_date", LocalDate.class),
                                                row.getString("bsn")),
                                        row.getString("name"),
                                        row.getObject("birth_date", LocalDate.class),
                                        row.getString("role"),
                                        row.getString("relation"))),
                        address.value())
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<HistoryEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            boolean melding = "melding".equals(row.kind);
            entries.add(new HistoryEntry(
                            row.id.toString(),
                            melding ? HistoryEntry.Type.VT_MELDING : HistoryEntry.Type.VT_ADVIES,
                            row.receivedAt,
                            row.organisation,
                            (melding ? "Melding " : "Advies ") + row.number + " (melder: " + row.melderSector + ")"
                                    + (row.vervolgmelding ? ", vervolgmelding" : ""),
                            row.reason,
                            Severity.valueOf(row.severity),
                            row.childrenInvolved,
                            List.of(),
                            persons.getOrDefault(row.id, List.of()))
                    .saying(Sentence.of(
                                    melding ? "historie.zin.melding" : "historie.zin.advies",
                                    row.number,
                                    Sentence.label("sector." + row.melderSector, String.valueOf(row.melderSector)))
                            .withFact(row.vervolgmelding, "vervolgmelding")));
            if (row.assessedAt != null) {
                entries.add(step(
                        row,
                        "beoordeling",
                        HistoryEntry.Type.VEILIGHEIDSBEOORDELING,
                        row.assessedAt,
                        "Veiligheidsbeoordeling bij " + row.number + ": acute onveiligheid "
                                + (row.acute ? "ja" : "nee") + ", structurele onveiligheid "
                                + (row.structural ? "ja" : "nee") + ", " + row.assessmentCode,
                        Sentence.of(
                                "historie.zin.beoordeling",
                                row.number,
                                yesNo(row.acute),
                                yesNo(row.structural),
                                String.valueOf(row.assessmentCode),
                                Sentence.label(
                                        "statuscode." + row.assessmentCode, String.valueOf(row.assessmentCode)))));
            }
            if (row.investigationStartedOn != null) {
                entries.add(step(
                        row,
                        "onderzoek",
                        HistoryEntry.Type.VERVOLG,
                        row.investigationStartedOn
                                .atTime(LocalTime.NOON)
                                .atZone(DutchTime.ZONE)
                                .toOffsetDateTime(),
                        "Onderzoek gestart bij " + row.number,
                        Sentence.of("historie.zin.onderzoek", row.number)));
            }
            if (row.investigationClosedAt != null) {
                entries.add(step(
                        row,
                        "onderzoek-afgerond",
                        HistoryEntry.Type.VERVOLG,
                        row.investigationClosedAt,
                        "Onderzoek afgerond bij " + row.number,
                        Sentence.of("historie.zin.onderzoek.afgerond", row.number)));
            }
            if (row.endedAt != null) {
                entries.add(step(
                        row,
                        "einde",
                        HistoryEntry.Type.VERVOLG,
                        row.endedAt,
                        "Einde bemoeienis bij " + row.number + (row.endCode == null ? "" : ", " + row.endCode),
                        row.endCode == null
                                ? Sentence.of("historie.zin.einde", row.number)
                                : Sentence.of(
                                        "historie.zin.einde.code",
                                        row.number,
                                        row.endCode,
                                        Sentence.label("statuscode." + row.endCode, row.endCode))));
            }
        }
        entries.addAll(jdbc.query(
                STEPS_AT,
                (row, n) -> new HistoryEntry(
                                row.getObject("id", UUID.class).toString(),
                                HistoryEntry.Type.VERVOLG,
                                row.getObject("planned_on", LocalDate.class)
                                        .atTime(LocalTime.NOON)
                                        .atZone(DutchTime.ZONE)
                                        .toOffsetDateTime(),
                                row.getString("organisation"),
                                "Vervolgstap " + row.getString("kind") + " bij " + row.getString("registration_number")
                                        + (row.getString("to_organisation") == null
                                                ? ""
                                                : " (naar " + row.getString("to_organisation") + ")"),
                                row.getString("note"),
                                null,
                                null,
                                List.of(),
                                List.of())
                        .saying(Sentence.of(
                                row.getString("to_organisation") == null
                                        ? "historie.zin.vervolgstap"
                                        : "historie.zin.vervolgstap.naar",
                                Sentence.label("vervolgstap." + row.getString("kind"), row.getString("kind")),
                                row.getString("registration_number"),
                                String.valueOf(row.getString("to_organisation")))),
                address.value()));
        return entries;
    }

    private static HistoryEntry step(
            Row row, String suffix, HistoryEntry.Type type, OffsetDateTime at, String summary, Sentence sentence) {
        return new HistoryEntry(
                        row.id + "-" + suffix,
                        type,
                        at,
                        row.organisation,
                        summary,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of())
                .saying(sentence);
    }

    private static org.springframework.context.MessageSourceResolvable yesNo(boolean value) {
        return Sentence.label(value ? "yes" : "no", value ? "ja" : "nee");
    }

    private static String key(String name, LocalDate birthDate, String bsn) {
        return bsn == null ? PersonKeys.of(name, birthDate) : PersonKeys.of(Bsn.parse(bsn));
    }

    private record Row(
            UUID id,
            String kind,
            String number,
            String organisation,
            OffsetDateTime receivedAt,
            String melderSector,
            String reason,
            String severity,
            boolean childrenInvolved,
            boolean vervolgmelding,
            OffsetDateTime assessedAt,
            boolean acute,
            boolean structural,
            String assessmentCode,
            LocalDate investigationStartedOn,
            OffsetDateTime investigationClosedAt,
            OffsetDateTime endedAt,
            String endCode) {}

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getString("kind"),
                row.getString("registration_number"),
                row.getString("organisation"),
                row.getObject("received_at", OffsetDateTime.class),
                row.getString("melder_sector"),
                row.getString("reason"),
                row.getString("severity"),
                row.getBoolean("children_involved"),
                row.getBoolean("vervolgmelding"),
                row.getObject("assessed_at", OffsetDateTime.class),
                row.getBoolean("acute_onveiligheid"),
                row.getBoolean("structurele_onveiligheid"),
                row.getString("assessment_code"),
                row.getObject("investigation_started_on", LocalDate.class),
                row.getObject("investigation_closed_at", OffsetDateTime.class),
                row.getObject("ended_at", OffsetDateTime.class),
                row.getString("end_code"));
    }

    @Override
    public List<String> idsAfter(@Nullable String after, int limit) {
        return owned.idsAfter(after, limit);
    }
}
