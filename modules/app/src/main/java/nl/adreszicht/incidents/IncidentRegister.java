package nl.adreszicht.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.areascan.RecordTally;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RecordedAtAddress;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Registering and reading police incidents, within the caller's organisation: the organisation comes from the
 * token, is stored with the incident and is part of every lookup, so another organisation's incident is simply
 * not found. Every registration and read is logged before the incident is returned. A new incident is scheduled
 * for deletion (its last day of retention) and counted in the area scan's anonymous tally in the transaction that
 * stores it.
 */
@Service
class IncidentRegister {

    static final String REGISTER = "incidenten.registreren";
    static final String READ = "incident.lezen";
    static final String READ_ZORGMELDING = "incident.zorgmelding.lezen";
    static final String OBJECT_TYPE = "incident";

    /** The calendar of the retention and tally dates. */
    private final Incidents incidents;

    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final ApplicationEventPublisher events;
    private final RetentionSchedule retention;
    private final RecordTally tally;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final DutchTime time;

    IncidentRegister(
            Incidents incidents,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            RetentionSchedule retention,
            RecordTally tally,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.incidents = incidents;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.retention = retention;
        this.tally = tally;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.time = time;
    }

    /** The outcome of a registration: the stored incident, and whether this call created it. */
    record Registration(IncidentResource incident, boolean created) {}

    /**
     * Stores the incident, or returns the stored one when the same registration number arrives again with the
     * same content.
     *
     * @param action the matrix row it arrives through (the API or the form), for the access log
     * @throws ResponseStatusException 409 when the registration number exists with other content
     */
    Registration register(NewIncident registration, String action) {
        Professional professional = currentProfessional.require();
        String organisation = organisation(professional);
        String hash = registration.contentHash();
        Optional<Registration> earlier = earlier(organisation, registration, hash, action);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IncidentResource created;
        try {
            // Its own transaction, so that a lost race on the unique registration number can be read back.
            created = transaction.execute(status -> {
                Incident incident = incidents.saveAndFlush(
                        Incident.register(registration, organisation, professional.subject(), time.now()));
                LocalDate keptUntil = retention.schedule(
                        RecordSource.POLITIE_INCIDENT,
                        incident.id().toString(),
                        organisation,
                        DutchTime.dayOf(incident.registeredAt()),
                        childBirthDates(incident));
                tally.count(
                        RecordSource.POLITIE_INCIDENT,
                        incident.address(),
                        DutchTime.dayOf(incident.occurred().toInstant()),
                        incident.severity(),
                        incident.childrenPresent(),
                        incident.violenceTypes());
                events.publishEvent(RecordedAtAddress.recordedBy(incident.address(), organisation));
                return IncidentResource.of(incident, keptUntil);
            });
        } catch (DataIntegrityViolationException raced) {
            // Another request stored the same number between our lookup and our insert.
            return earlier(organisation, registration, hash, action).orElseThrow(() -> raced);
        }
        accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, created.id()));
        return new Registration(created, true);
    }

    /** The caller's organisation's incident with this id, if any; {@code action} names the matrix row. */
    Optional<IncidentResource> read(UUID id, String action) {
        String organisation = organisation(currentProfessional.require());
        Optional<IncidentResource> found = readOnly.execute(
                status -> incidents.findByIdAndOrganisation(id, organisation).map(this::resource));
        found.ifPresentOrElse(
                incident -> accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, incident.id())),
                () -> accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString()));
        return found;
    }

    private Optional<Registration> earlier(String organisation, NewIncident registration, String hash, String action) {
        Optional<Incident> stored = readOnly.execute(status ->
                incidents.findByOrganisationAndRegistrationNumber(organisation, registration.registrationNumber()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().contentHash().equals(hash)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "Dit registratienummer bestaat al voor uw organisatie, met een andere inhoud. Een gewijzigd"
                            + " incident krijgt een nieuw registratienummer.");
        }
        IncidentResource incident = resource(stored.get());
        // The same registration again: nothing is stored, but the stored incident is shown, so it is a read.
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, incident.id()));
        return Optional.of(new Registration(incident, false));
    }

    /** The incident as the API shows it, with its last day of retention. */
    private IncidentResource resource(Incident incident) {
        return IncidentResource.of(
                incident,
                retention
                        .keptUntil(RecordSource.POLITIE_INCIDENT, incident.id().toString())
                        .orElse(null));
    }

    /** The known birth dates of the children (role {@code kind}), for the family rule of retention. */
    private static List<LocalDate> childBirthDates(Incident incident) {
        return incident.persons().stream()
                .filter(person -> "kind".equals(person.role()))
                .map(IncidentPerson::birthDate)
                .filter(Objects::nonNull)
                .toList();
    }

    private static String organisation(Professional professional) {
        return professional
                .organisation()
                .orElseThrow(() ->
                        new AccessDeniedException("Een incident hoort bij een organisatie; uw account heeft er geen."));
    }
}
