package nl.adreszicht.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destruction requests with their deadline (issue 16): recorded by the privacy officer of the organisation that owns
 * the record when the request comes in, due three months later, and closed either by carrying it out (the
 * destruction, {@link Destructions}, which marks the request) or by refusing it with grounds, which the person is told.
 * The list shows each request's status and whether it is late. Another organisation's request is not found.
 */
@Service
class Vernietigingsaanvragen {

    static final Period DUE_AFTER = Period.ofMonths(3);
    static final String OBJECT_TYPE = "vernietigingsaanvraag";

    private final JdbcClient jdbc;
    private final RetentionSources sources;
    private final Destructions destructions;
    private final CurrentProfessional currentProfessional;
    private final AccessLog accessLog;
    private final DutchTime time;
    private final TransactionTemplate transaction;

    Vernietigingsaanvragen(
            JdbcClient jdbc,
            RetentionSources sources,
            Destructions destructions,
            CurrentProfessional currentProfessional,
            AccessLog accessLog,
            DutchTime time,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.destructions = destructions;
        this.currentProfessional = currentProfessional;
        this.accessLog = accessLog;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Schema(name = "Vernietigingsaanvraag")
    record Aanvraag(
            String id,
            String bron,
            String registratieId,
            LocalDate ontvangenOp,

            @Schema(description = "Uiterlijk af te handelen: drie maanden na ontvangst")
            LocalDate uiterlijk,

            @Schema(description = "ontvangen, te-laat, uitgevoerd of geweigerd")
            String status,

            @Nullable String weigeringsgronden,
            @Nullable OffsetDateTime beslistOp,

            // A request has no GET of its own: the list and every answer carry its ETag for the next change.
            @Schema(description = "ETag van deze versie: stuur hem als If-Match mee bij weigering of uitvoering")
            String etag,

            @JsonIgnore @Schema(hidden = true) long revision) {}

    private static final String SELECT = "SELECT id, organisation, source, record_id, received_on, due_on, status,"
            + " refusal_grounds, decided_at, revision FROM destruction_request";

    /** Records a request about a record of the officer's organisation. */
    Aanvraag register(RecordSource source, String recordId, LocalDate receivedOn, String action) {
        Professional officer = currentProfessional.require();
        String organisation = organisation(officer);
        RetentionSource records = sources.of(source).orElseThrow(Destructions::notFound);
        records.find(recordId)
                .filter(record ->
                        record.ownedBy(organisation, officer.vtRegion().orElse(null)))
                .orElseThrow(() -> {
                    accessLog.refusedIfExists(action, records.objectType(), recordId);
                    return Destructions.notFound();
                });
        UUID id = UUID.randomUUID();
        return transaction.execute(status -> {
            jdbc.sql("INSERT INTO destruction_request (id, organisation, source, record_id, received_on, due_on,"
                            + " status, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, 'ontvangen', ?, ?)")
                    .params(
                            id,
                            organisation,
                            source.name(),
                            recordId,
                            receivedOn,
                            receivedOn.plus(DUE_AFTER),
                            officer.subject(),
                            time.nowUtc())
                    .update();
            // Logged on the request, not on the record: registering it is no work on the record (separation of duties).
            accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, id.toString()));
            return find(id);
        });
    }

    /** The officer's organisation's requests, open ones by deadline first. */
    List<Aanvraag> list(String action) {
        List<Aanvraag> list = jdbc.sql(SELECT + " WHERE organisation = ? ORDER BY status <> 'ontvangen', due_on")
                .param(organisation(currentProfessional.require()))
                .query(this::aanvraag)
                .list();
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, OBJECT_TYPE, null, false));
        return list;
    }

    /** Refuses an open request with the grounds the person is told. */
    Aanvraag refuse(UUID id, IfMatch ifMatch, String grounds, String action) {
        Aanvraag open = open(id, ifMatch, action);
        return transaction.execute(status -> {
            GuardedChange.requireApplied(
                    jdbc.sql("UPDATE destruction_request SET status = 'geweigerd', refusal_grounds = ?, decided_at = ?,"
                                    + " decided_by = ?, revision = revision + 1 WHERE id = ? AND revision = ?")
                            .params(
                                    grounds,
                                    time.nowUtc(),
                                    currentProfessional.require().subject(),
                                    id,
                                    open.revision())
                            .update());
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
            return find(id);
        });
    }

    /** Carries an open request out: the record is destroyed (with the destruction's checks), the request closed. */
    Aanvraag carryOut(UUID id, IfMatch ifMatch, String reason, String action) {
        Aanvraag open = open(id, ifMatch, action);
        destructions.destroy(
                new Destructions.Request(
                        DestructionApiController.source(open.bron()), open.registratieId(), open.ontvangenOp(), reason),
                action,
                new Destructions.Claim(id, open.revision()));
        return find(id);
    }

    /** An open request of the officer's organisation, at the revision the client read (stale: 412 before all else). */
    private Aanvraag open(UUID id, IfMatch ifMatch, String action) {
        String organisation = organisation(currentProfessional.require());
        String owner = jdbc.sql("SELECT organisation FROM destruction_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException(notFound()));
        if (!owner.equals(organisation)) {
            accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, OBJECT_TYPE, id.toString()));
            throw new NotFoundException(notFound());
        }
        Aanvraag aanvraag = find(id);
        ifMatch.requireCurrent(aanvraag.revision());
        if (aanvraag.beslistOp() != null) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException("Over deze aanvraag is al beslist (" + aanvraag.status() + ").");
        }
        return aanvraag;
    }

    private Aanvraag find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(this::aanvraag)
                .single();
    }

    private Aanvraag aanvraag(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        String status = row.getString("status");
        LocalDate due = row.getObject("due_on", LocalDate.class);
        if (status.equals("ontvangen") && due.isBefore(time.today())) {
            status = "te-laat";
        }
        return new Aanvraag(
                row.getObject("id", UUID.class).toString(),
                DestructionApiController.code(RecordSource.valueOf(row.getString("source"))),
                row.getString("record_id"),
                row.getObject("received_on", LocalDate.class),
                due,
                status,
                row.getString("refusal_grounds"),
                row.getObject("decided_at", OffsetDateTime.class),
                IfMatch.etag(row.getLong("revision")),
                row.getLong("revision"));
    }

    private static String organisation(Professional officer) {
        return officer.organisation()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen organisatie."));
    }

    static String notFound() {
        return "Deze vernietigingsaanvraag bestaat niet (of hoort bij een andere organisatie).";
    }
}
