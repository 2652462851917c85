package nl.adreszicht.retention;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destruction on request (AVG art. 17; domain.md section 7): the privacy officer of the organisation that owns a
 * record has it deleted before its retention ends, with the date the request came in and a reason. The record is
 * found within the officer's own organisation only (a Veilig Thuis record stored without its organisation: within the
 * officer's VT region); an officer who registered or changed the record, with a case role of their own, is refused
 * (separation of duties). In one transaction: the deletion is logged, the record goes with its children and its
 * schedule, every module removes what it derived from it and the colour of the address is recomputed
 * ({@link RecordDestroyed}), and the destruction is kept (without content). The area scan's tally keeps counting it.
 */
@Service
class Destructions {

    static final String ACTION = "vernietigingsverzoeken.uitvoeren";

    private final RetentionSources sources;
    private final RetentionSchedule schedule;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    Destructions(
            RetentionSources sources,
            RetentionSchedule schedule,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            ApplicationEventPublisher events,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.sources = sources;
        this.schedule = schedule;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /** A checked request: which record, when the data subject asked, and why it is granted. */
    record Request(RecordSource source, String recordId, LocalDate receivedOn, String reason) {}

    /**
     * Destroys the record.
     *
     * @throws NotFoundException when the record does not exist or belongs to another organisation
     * @throws RefusedException when the officer worked on the record (separation of duties)
     */
    void destroy(Request request) {
        destroy(request, ACTION);
    }

    /** The same, through another row of the matrix (a recorded request carried out), logged as that action. */
    void destroy(Request request, String action) {
        destroy(request, action, null);
    }

    /**
     * A recorded destruction request carried out with the record, from the revision the officer checked: claimed in
     * the destruction's transaction by the statement that checks the revision, so two carry-outs from one revision
     * (or a carry-out and a refusal) cannot both apply, and nothing is destroyed for the one that comes second.
     */
    record Claim(UUID requestId, long revision) {}

    /** The same, carrying out the recorded request {@code claim} (null: whichever open request names the record). */
    void destroy(Request request, String action, @Nullable Claim claim) {
        Professional officer = currentProfessional.require();
        String organisation = officer.organisation()
                .orElseThrow(() -> new AccessDeniedException("Vernietigen kan alleen binnen uw eigen organisatie."));
        RetentionSource source = sources.of(request.source()).orElseThrow(Destructions::notFound);
        StoredRecord stored = source.find(request.recordId())
                .filter(record ->
                        record.ownedBy(organisation, officer.vtRegion().orElse(null)))
                .orElseThrow(() -> {
                    accessLog.refusedIfExists(action, source.objectType(), request.recordId());
                    return notFound();
                });
        Set<String> workedOnBy = new HashSet<>(stored.workedOnBy());
        workedOnBy.addAll(accessLog.writersOf(source.objectType(), request.recordId()));
        if (workedOnBy.contains(officer.subject())) {
            accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, source.objectType(), request.recordId()));
            throw new RefusedException("U heeft deze registratie zelf vastgelegd of gewijzigd. Een andere functionaris"
                    + " gegevensbescherming van uw organisatie beoordeelt en voert dit verzoek uit"
                    + " (functiescheiding).");
        }
        transaction.executeWithoutResult(status -> {
            if (claim != null) {
                GuardedChange.requireApplied(jdbc.update(
                        "UPDATE destruction_request SET status = 'uitgevoerd', decided_at = ?, decided_by = ?,"
                                + " revision = revision + 1 WHERE id = ? AND revision = ? AND status = 'ontvangen'",
                        time.nowUtc(),
                        officer.subject(),
                        claim.requestId(),
                        claim.revision()));
            }
            accessLog.record(AccessEntry.of(AccessKind.VERWIJDEREN, action, source.objectType(), request.recordId()));
            source.delete(request.recordId());
            events.publishEvent(new RecordDestroyed(request.source(), request.recordId(), stored.address()));
            schedule.forget(request.source(), request.recordId());
            jdbc.update(
                    "INSERT INTO destruction (id, source, record_id, organisation, request_received_on, reason,"
                            + " destroyed_by, destroyed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    request.source().name(),
                    request.recordId(),
                    stored.organisation() == null ? organisation : stored.organisation(),
                    request.receivedOn(),
                    request.reason(),
                    officer.subject(),
                    time.nowUtc());
            // A request recorded when it came in is carried out with it (its deadline met or not).
            jdbc.update(
                    "UPDATE destruction_request SET status = 'uitgevoerd', decided_at = ?, decided_by = ?,"
                            + " revision = revision + 1 WHERE source = ? AND record_id = ? AND status = 'ontvangen'",
                    time.nowUtc(),
                    officer.subject(),
                    request.source().name(),
                    request.recordId());
        });
    }

    static NotFoundException notFound() {
        return new NotFoundException("Deze registratie bestaat niet (of is van een andere organisatie).");
    }
}
