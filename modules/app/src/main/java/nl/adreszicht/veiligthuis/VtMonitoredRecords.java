package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.monitor.ChainStep;
import nl.adreszicht.monitor.Intervention;
import nl.adreszicht.monitor.InterventionSource;
import nl.adreszicht.monitor.MonitoredRecord;
import nl.adreszicht.monitor.MonitoredRecordSource;
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
    private final VtAtAddress atAddress;

    VtMonitoredRecords(JdbcTemplate jdbc, VtAtAddress atAddress) {
        this.jdbc = jdbc;
        this.atAddress = atAddress;
    }

    @Override
    public List<MonitoredRecord> recordsAt(AddressId address) {
        return atAddress.at(address).stream().map(VtMonitoredRecords::monitored).toList();
    }

    private static MonitoredRecord monitored(VtAtAddress.Row row) {
        List<ChainStep> steps = new ArrayList<>();
        OffsetDateTime assessed = row.assessedAt();
        if (assessed != null) {
            LocalDate day = DutchTime.dayOf(assessed);
            LocalDate due = row.assessmentDue();
            steps.add(new ChainStep(
                    ChainStep.Kind.VEILIGHEIDSBEOORDELING,
                    day,
                    due == null || !day.isAfter(due),
                    row.assessmentCode()));
        }
        OffsetDateTime closed = row.investigationClosedAt();
        if (closed != null) {
            LocalDate day = DutchTime.dayOf(closed);
            LocalDate due = row.investigationDue();
            steps.add(new ChainStep(ChainStep.Kind.ONDERZOEK_AFGEROND, day, due == null || !day.isAfter(due), null));
        }
        return new MonitoredRecord(
                row.id().toString(),
                "advies".equals(row.kind()) ? RecordSource.VT_ADVIES : RecordSource.VT_MELDING,
                row.receivedOn(),
                row.personKeys(),
                row.violenceTypes(),
                steps);
    }

    @Override
    public List<Intervention> interventionsAt(AddressId address) {
        // Each onderzoek from the day it started: from the meldingen the records were read with (one read).
        List<Intervention> interventions = new ArrayList<>();
        for (VtAtAddress.Row row : atAddress.at(address)) {
            if (row.investigationStartedOn() != null) {
                interventions.add(new Intervention(
                        row.id().toString(), Intervention.Kind.VT_ONDERZOEK, row.investigationStartedOn()));
            }
        }
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
