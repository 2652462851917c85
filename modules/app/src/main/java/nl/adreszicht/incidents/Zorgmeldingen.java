package nl.adreszicht.incidents;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending an incident to Veilig Thuis as a zorgmelding: only the organisation that registered the incident may,
 * once per incident. Sending it again returns the zorgmelding already sent, so a police system that retries
 * after a lost answer does not alarm Veilig Thuis twice.
 */
@Service
class Zorgmeldingen {

    static final String SEND = "incident.zorgmelding.versturen";

    private final JdbcTemplate jdbc;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    Zorgmeldingen(
            JdbcTemplate jdbc,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /** What a send did: the zorgmelding, and whether this call sent it. */
    record Sent(ZorgmeldingResource zorgmelding, boolean created) {}

    /**
     * Sends the caller's organisation's incident to Veilig Thuis, or returns the zorgmelding sent before.
     *
     * @return empty when the organisation has no such incident
     */
    Optional<Sent> send(UUID incident, String concern) {
        String text = concern.trim();
        if (text.length() < 10 || text.length() > 1000) {
            throw new InvalidValueException("zorgen", "validation.zorgen.length");
        }
        var professional = currentProfessional.require();
        String organisation = professional.organisation().orElse("");
        // One transaction: the zorgmelding, the inbox of Veilig Thuis (ZorgmeldingSent) and the access-log entry
        // commit together or not at all.
        Optional<Sent> sent = transaction.execute(status -> {
            Optional<UUID> address = jdbc
                    .queryForList(
                            "SELECT address_id FROM incident WHERE id = ? AND organisation = ? FOR NO KEY UPDATE",
                            UUID.class,
                            incident,
                            organisation)
                    .stream()
                    .findFirst();
            if (address.isEmpty()) {
                return Optional.<Sent>empty();
            }
            // The row lock above makes a parallel send wait, then find this one.
            Optional<ZorgmeldingResource> earlier = find(incident);
            if (earlier.isPresent()) {
                log(AccessKind.LEZEN, incident);
                return Optional.of(new Sent(earlier.get(), false));
            }
            UUID id = UUID.randomUUID();
            jdbc.update(
                    "INSERT INTO zorgmelding (id, incident_id, organisation, concern, sent_by, sent_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    id,
                    incident,
                    organisation,
                    text,
                    professional.subject(),
                    time.nowUtc());
            jdbc.update("UPDATE incident SET zorgmelding = true WHERE id = ?", incident);
            events.publishEvent(new ZorgmeldingSent(id, incident, address.get()));
            ZorgmeldingResource created = find(incident).orElseThrow();
            log(AccessKind.AANMAKEN, incident);
            return Optional.of(new Sent(created, true));
        });
        if (sent.isEmpty()) {
            accessLog.refusedIfExists(SEND, IncidentRegister.OBJECT_TYPE, incident.toString());
        }
        return sent;
    }

    /** The zorgmelding sent about an incident, with Veilig Thuis's terugkoppeling once there is one. */
    Optional<ZorgmeldingResource> find(UUID incident) {
        return jdbc
                .query(
                        "SELECT id, incident_id, sent_at, feedback_code, feedback_at FROM zorgmelding"
                                + " WHERE incident_id = ?",
                        (row, n) -> new ZorgmeldingResource(
                                row.getObject("id", UUID.class).toString(),
                                row.getObject("incident_id", UUID.class).toString(),
                                row.getObject("sent_at", OffsetDateTime.class),
                                row.getString("feedback_code"),
                                row.getObject("feedback_at", OffsetDateTime.class)),
                        incident)
                .stream()
                .findFirst();
    }

    private void log(AccessKind kind, UUID incident) {
        accessLog.record(AccessEntry.of(kind, SEND, IncidentRegister.OBJECT_TYPE, incident.toString()));
    }

    /**
     * A zorgmelding as the police see it: when it was sent and the terugkoppeling status code, nothing of Veilig
     * Thuis's work behind it.
     */
    @Schema(name = "Zorgmelding")
    record ZorgmeldingResource(
            String id,
            String incidentId,
            OffsetDateTime verzondenOp,
            @Nullable String terugkoppeling,
            @Nullable OffsetDateTime terugkoppelingOp) {}
}
