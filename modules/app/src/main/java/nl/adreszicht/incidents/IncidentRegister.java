package nl.adreszicht.incidents;

import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.NumberedRegistration;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and reading police incidents, within the caller's organisation: the organisation comes from the
 * token, is stored with the incident and is part of every lookup, so another organisation's incident is simply
 * not found. A registration is one transaction: the incident, {@link RecordStored} (the colour, the anonymous tally and
 * the last day of retention are derived from it in that transaction) and, last, its access-log entry, so they commit
 * together or not at all; a read is logged in the transaction that reads (ADRs 0011, 0013).
 */
@Service
class IncidentRegister {

    static final String REGISTER = "incidenten.registreren";
    static final String READ = "incident.lezen";
    static final String READ_ZORGMELDING = "incident.zorgmelding.lezen";
    static final String OBJECT_TYPE = "incident";

    private final Incidents incidents;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final ApplicationEventPublisher events;
    private final RetentionSchedule retention;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    IncidentRegister(
            Incidents incidents,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            RetentionSchedule retention,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.incidents = incidents;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.retention = retention;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /**
     * Stores the incident, or returns the stored one when the same registration number arrives again with the
     * same content (that is a read, and logged as one).
     *
     * @param action the matrix row it arrives through (the API or the form), for the access log
     * @return the stored incident, and whether this call created it
     * @throws nl.adreszicht.records.ConflictException when the registration number exists with other content; nothing
     *     is stored
     */
    NumberedRegistration<IncidentResource> register(NewIncident registration, String action) {
        Professional professional = currentProfessional.require();
        String organisation = organisation(professional);
        Incident incident = Incident.register(registration, organisation, professional.subject(), time.now());
        return transaction.execute(status -> NumberedRegistration.register(
                        incident,
                        incidents::insert,
                        () -> incidents
                                .findByOrganisationAndRegistrationNumber(organisation, incident.registrationNumber())
                                .orElseThrow(),
                        Incident::contentHash,
                        "Dit registratienummer bestaat al voor uw organisatie, met een andere inhoud. Een gewijzigd"
                                + " incident krijgt een nieuw registratienummer.",
                        created -> {
                            events.publishEvent(new RecordStored(
                                    RecordSource.POLITIE_INCIDENT,
                                    incident.id().toString(),
                                    incident.address(),
                                    organisation,
                                    DutchTime.dayOf(incident.registeredAt()),
                                    DutchTime.dayOf(incident.occurredAt()),
                                    incident.severity(),
                                    incident.childrenPresent(),
                                    incident.violenceTypes()));
                        })
                .map((stored, created) -> logged(created ? AccessKind.AANMAKEN : AccessKind.LEZEN, action, stored)));
    }

    /** The caller's organisation's incident with this id, if any; {@code action} names the matrix row. */
    Optional<IncidentResource> read(UUID id, String action) {
        String organisation = organisation(currentProfessional.require());
        Optional<IncidentResource> found = transaction.execute(status -> incidents
                .findByIdAndOrganisation(id, organisation)
                .map(incident -> logged(AccessKind.LEZEN, action, incident)));
        if (found.isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
        }
        return found;
    }

    /**
     * The incident as the API shows it, with its last day of retention; its access is logged last, in the caller's
     * transaction, so the entry commits with what it records.
     */
    private IncidentResource logged(AccessKind kind, String action, Incident incident) {
        IncidentResource resource = IncidentResource.of(
                incident,
                retention
                        .keptUntil(RecordSource.POLITIE_INCIDENT, incident.id().toString())
                        .orElse(null));
        accessLog.record(AccessEntry.of(kind, action, OBJECT_TYPE, resource.id()));
        return resource;
    }

    /** An incident's id from its text; an id that is no UUID names no incident. */
    static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static String organisation(Professional professional) {
        return professional
                .organisation()
                .orElseThrow(() ->
                        new AccessDeniedException("Een incident hoort bij een organisatie; uw account heeft er geen."));
    }
}
