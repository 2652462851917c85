package nl.adreszicht.incidents;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.monitor.ChainStep;
import nl.adreszicht.monitor.MonitoredRecord;
import nl.adreszicht.monitor.MonitoredRecordChanged;
import nl.adreszicht.monitor.MonitoredRecordSource;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police incidents at an address as the monitor counts them: source, day, violence types, person keys (for the
 * same-event rule) and the zorgmelding sent about it, the first step of the chain. A zorgmelding sent is announced to
 * the monitor ({@code MonitoredRecordChanged}), as it is no new record.
 */
@Component
@Transactional(readOnly = true)
class IncidentMonitoredRecords implements MonitoredRecordSource {

    private final Incidents incidents;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    IncidentMonitoredRecords(Incidents incidents, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public List<MonitoredRecord> recordsAt(AddressId address) {
        List<Incident> atAddress = incidents.findByAddress(address);
        if (atAddress.isEmpty()) {
            return List.of();
        }
        Map<UUID, LocalDate> sent = new HashMap<>();
        jdbc.query(
                "SELECT z.incident_id, z.sent_at FROM zorgmelding z JOIN incident i ON i.id = z.incident_id"
                        + " WHERE i.address_id = ?",
                row -> {
                    sent.put(
                            row.getObject(1, UUID.class),
                            DutchTime.dayOf(row.getObject(2, java.time.OffsetDateTime.class)));
                },
                address.value());
        return atAddress.stream()
                .map(incident -> new MonitoredRecord(
                        incident.id().toString(),
                        RecordSource.POLITIE_INCIDENT,
                        incident.occurred().toLocalDate(),
                        incident.persons().stream()
                                .map(Incident.Person::personKey)
                                .collect(Collectors.toSet()),
                        incident.violenceTypes(),
                        sent.containsKey(incident.id())
                                ? List.of(
                                        new ChainStep(ChainStep.Kind.ZORGMELDING, sent.get(incident.id()), null, null))
                                : List.of()))
                .toList();
    }

    @EventListener
    void on(ZorgmeldingSent sent) {
        events.publishEvent(new MonitoredRecordChanged(new AddressId(sent.address())));
    }
}
