package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.monitor.ChainStep;
import nl.adreszicht.monitor.Intervention;
import nl.adreszicht.monitor.InterventionSource;
import nl.adreszicht.monitor.MonitoredRecord;
import nl.adreszicht.monitor.MonitoredRecordSource;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.time.DutchTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Veilig Thuis's meldingen and adviezen at an address as the monitor counts them: with their violence types, person
 * keys (a police incident and the melding about it are one event), the veiligheidsbeoordeling (its status code and
 * whether it was done by its deadline of 5 working days) and a closed onderzoek (by its deadline of 10 weeks or not).
 * Also the interventions the monitor follows up: each onderzoek from the day it started, each overdracht from its day
 * (a vervolgstap of that kind, or an offer to the lokaal team that it did not refuse).
 */
@Component
@Transactional(readOnly = true)
class VtMonitoredRecords implements MonitoredRecordSource, InterventionSource {

    private final JdbcTemplate jdbc;

    VtMonitoredRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MonitoredRecord> recordsAt(AddressId address) {
        Map<UUID, Set<String>> keys = new HashMap<>();
        Map<UUID, Set<String>> types = new HashMap<>();
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
        jdbc.query(
                "SELECT t.melding_id, t.code FROM vt_melding_violence_type t"
                        + " JOIN vt_melding m ON m.id = t.melding_id WHERE m.address_id = ?",
                row -> {
                    types.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(row.getString(2));
                },
                address.value());
        return jdbc.query(
                "SELECT id, kind, received_on, assessed_at, assessment_due, assessment_code,"
                        + " investigation_due, investigation_closed_at FROM vt_melding WHERE address_id = ?",
                (row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    List<ChainStep> steps = new ArrayList<>();
                    OffsetDateTime assessed = row.getObject("assessed_at", OffsetDateTime.class);
                    if (assessed != null) {
                        LocalDate day = DutchTime.dayOf(assessed);
                        LocalDate due = row.getObject("assessment_due", LocalDate.class);
                        steps.add(new ChainStep(
                                ChainStep.Kind.VEILIGHEIDSBEOORDELING,
                                day,
                                due == null || !day.isAfter(due),
                                row.getString("assessment_code")));
                    }
                    OffsetDateTime closed = row.getObject("investigation_closed_at", OffsetDateTime.class);
                    if (closed != null) {
                        LocalDate day = DutchTime.dayOf(closed);
                        LocalDate due = row.getObject("investigation_due", LocalDate.class);
                        steps.add(new ChainStep(
                                ChainStep.Kind.ONDERZOEK_AFGEROND, day, due == null || !day.isAfter(due), null));
                    }
                    return new MonitoredRecord(
                            id.toString(),
                            "advies".equals(row.getString("kind")) ? RecordSource.VT_ADVIES : RecordSource.VT_MELDING,
                            row.getObject("received_on", LocalDate.class),
                            keys.getOrDefault(id, Set.of()),
                            types.getOrDefault(id, Set.of()),
                            steps);
                },
                address.value());
    }

    @Override
    public List<Intervention> interventionsAt(AddressId address) {
        List<Intervention> interventions = new ArrayList<>(jdbc.query(
                "SELECT id, investigation_started_on FROM vt_melding WHERE address_id = ?"
                        + " AND investigation_started_on IS NOT NULL",
                (row, n) -> new Intervention(
                        row.getObject(1, UUID.class).toString(),
                        Intervention.Kind.VT_ONDERZOEK,
                        row.getObject(2, LocalDate.class)),
                address.value()));
        // Each overdracht from its day: a vervolgstap of that kind, or an offer to the lokaal team (issue 16) from the
        // day it was offered, unless the team refused it. One statement for both.
        interventions.addAll(jdbc.query(
                "SELECT s.id, s.planned_on FROM vt_vervolgstap s JOIN vt_melding m ON m.id = s.melding_id"
                        + " WHERE m.address_id = ? AND s.kind = 'overdracht'"
                        + " UNION ALL SELECT o.id, o.offered_on FROM vt_overdracht o JOIN vt_melding m"
                        + " ON m.id = o.melding_id WHERE m.address_id = ? AND o.status <> ?",
                (row, n) -> new Intervention(
                        row.getObject(1, UUID.class).toString(),
                        Intervention.Kind.OVERDRACHT,
                        row.getObject(2, LocalDate.class)),
                address.value(),
                address.value(),
                Melding.Overdracht.REFUSED));
        return interventions;
    }
}
