package nl.adreszicht.retention;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Inzage requests (AVG art. 15, Wmo 2015 art. 5.3.2) handled by the privacy officer of an organisation: recorded with
 * the person's identification (BSN, or name, date of birth and address), due one month after receipt and extendable
 * once by two months with a reason, completed when the export was handed over. The export finds every record of every
 * source in which the person appears and shows it through {@link InzageRedaction}: the officer's own organisation's
 * content with everyone else blacked out, the melder never, other organisations' records only as existing. Every
 * access is logged on the request; another organisation's request is not found.
 */
@Service
class Inzageverzoeken {

    static final String OBJECT_TYPE = "inzageverzoek";
    static final Period DUE_AFTER = Period.ofMonths(1);
    static final Period EXTENSION = Period.ofMonths(2);

    private final JdbcClient jdbc;
    private final RetentionSources sources;
    private final CurrentProfessional currentProfessional;
    private final AccessLog accessLog;
    private final DutchTime time;

    Inzageverzoeken(
            JdbcClient jdbc,
            RetentionSources sources,
            CurrentProfessional currentProfessional,
            AccessLog accessLog,
            DutchTime time) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.currentProfessional = currentProfessional;
        this.accessLog = accessLog;
        this.time = time;
    }

    /** A request as the officer sees it in the list: no person, only where it stands. */
    @Schema(name = "Inzageverzoek")
    record Verzoek(
            String id,
            LocalDate ontvangenOp,

            @Schema(description = "Uiterlijk af te handelen: een maand na ontvangst, eenmaal te verlengen met twee")
            LocalDate uiterlijk,

            boolean verlengd,
            @Nullable String verlengingsreden,

            @Schema(description = "open, te-laat of afgerond")
            String status,

            @Nullable OffsetDateTime afgerondOp,

            // Not in the body: the API answers it as the ETag a change sends back in If-Match.
            @JsonIgnore @Schema(hidden = true) long revision) {}

    /** The export: the request and every record as the person may see it. */
    @Schema(name = "InzageExport")
    record Export(
            Verzoek verzoek,
            String redactieversie,
            OffsetDateTime gemaaktOp,
            List<InzageRedaction.Shown> registraties) {}

    private record Stored(
            UUID id,
            String organisation,
            LocalDate receivedOn,
            @Nullable String name,
            @Nullable LocalDate birthDate,
            @Nullable UUID address,
            @Nullable String bsn,
            LocalDate dueOn,
            @Nullable String extensionReason,
            @Nullable OffsetDateTime completedAt,
            long revision) {

        PersonQuery person() {
            return new PersonQuery(name, birthDate, address == null ? null : new AddressId(address), bsn);
        }
    }

    private static final String SELECT = "SELECT id, organisation, received_on, person_name, birth_date, address_id,"
            + " bsn, due_on, extension_reason, completed_at, revision FROM inzageverzoek";

    /** Records a request; the person is identified by BSN or by name, date of birth and address (checked). */
    Verzoek register(LocalDate receivedOn, PersonQuery person, String action) {
        Professional officer = currentProfessional.require();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO inzageverzoek (id, organisation, received_on, person_name, birth_date, address_id, bsn,"
                        + " due_on, registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        organisation(officer),
                        receivedOn,
                        person.name(),
                        person.birthDate(),
                        person.address() == null ? null : person.address().value(),
                        person.bsn(),
                        receivedOn.plus(DUE_AFTER),
                        officer.subject(),
                        utc(time.now()))
                .update();
        accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, id.toString()));
        return verzoek(find(id).orElseThrow());
    }

    /** The requests of the officer's organisation, open ones first. */
    List<Verzoek> list(String action) {
        List<Verzoek> list = jdbc
                .sql(SELECT + " WHERE organisation = ? ORDER BY completed_at IS NOT NULL, due_on")
                .param(organisation(currentProfessional.require()))
                .query(Inzageverzoeken::stored)
                .list()
                .stream()
                .map(this::verzoek)
                .toList();
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, OBJECT_TYPE, null, false));
        return list;
    }

    Verzoek read(UUID id, String action) {
        Stored stored = scoped(id, action);
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
        return verzoek(stored);
    }

    /** Extends the deadline once by two months, with a reason. */
    Verzoek extend(UUID id, IfMatch ifMatch, String reason, String action) {
        Stored stored = scoped(id, action);
        ifMatch.requireCurrent(stored.revision());
        if (stored.extensionReason() != null || stored.completedAt() != null) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException(
                    stored.completedAt() != null
                            ? "Dit verzoek is al afgehandeld."
                            : "De termijn van dit verzoek is al eens verlengd; dat kan maar één keer.");
        }
        GuardedChange.requireApplied(jdbc.sql("UPDATE inzageverzoek SET due_on = ?, extension_reason = ?,"
                        + " revision = revision + 1 WHERE id = ? AND revision = ?")
                .params(stored.dueOn().plus(EXTENSION), reason, id, stored.revision())
                .update());
        accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
        return verzoek(find(id).orElseThrow());
    }

    /** Marks the request as handled (the export was given to the person). */
    Verzoek complete(UUID id, IfMatch ifMatch, String action) {
        Stored stored = scoped(id, action);
        ifMatch.requireCurrent(stored.revision());
        if (stored.completedAt() != null) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException("Dit verzoek is al afgehandeld.");
        }
        GuardedChange.requireApplied(jdbc.sql("UPDATE inzageverzoek SET completed_at = ?, completed_by = ?,"
                        + " revision = revision + 1 WHERE id = ? AND revision = ?")
                .params(utc(time.now()), currentProfessional.require().subject(), id, stored.revision())
                .update());
        accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
        return verzoek(find(id).orElseThrow());
    }

    /** Every record in which the person appears, as the person may see it; the read is logged on the request. */
    Export export(UUID id, String action) {
        Stored stored = scoped(id, action);
        Set<String> actsFor = Set.of(stored.organisation());
        List<InzageRedaction.Shown> shown = new ArrayList<>();
        for (RetentionSource source : sources.all()) {
            for (SubjectRecord record : source.concerning(stored.person())) {
                shown.add(InzageRedaction.redact(record, actsFor));
            }
        }
        shown.sort(Comparator.comparing(InzageRedaction.Shown::vastgelegdOp));
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
        return new Export(verzoek(stored), InzageRedaction.VERSION, utc(time.now()), List.copyOf(shown));
    }

    /** The request if it is the officer's organisation's; another's is not found (and the attempt logged). */
    private Stored scoped(UUID id, String action) {
        String organisation = organisation(currentProfessional.require());
        Optional<Stored> stored = find(id);
        if (stored.isEmpty()) {
            throw new NotFoundException(notFound());
        }
        if (!stored.get().organisation().equals(organisation)) {
            accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, OBJECT_TYPE, id.toString()));
            throw new NotFoundException(notFound());
        }
        return stored.get();
    }

    private Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(Inzageverzoeken::stored)
                .optional();
    }

    private Verzoek verzoek(Stored stored) {
        LocalDate today = time.today();
        String status =
                stored.completedAt() != null ? "afgerond" : stored.dueOn().isBefore(today) ? "te-laat" : "open";
        return new Verzoek(
                stored.id().toString(),
                stored.receivedOn(),
                stored.dueOn(),
                stored.extensionReason() != null,
                stored.extensionReason(),
                status,
                stored.completedAt(),
                stored.revision());
    }

    private static Stored stored(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Stored(
                row.getObject("id", UUID.class),
                row.getString("organisation"),
                row.getObject("received_on", LocalDate.class),
                row.getString("person_name"),
                row.getObject("birth_date", LocalDate.class),
                row.getObject("address_id", UUID.class),
                row.getString("bsn"),
                row.getObject("due_on", LocalDate.class),
                row.getString("extension_reason"),
                row.getObject("completed_at", OffsetDateTime.class),
                row.getLong("revision"));
    }

    private static String organisation(Professional officer) {
        return officer.organisation()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen organisatie."));
    }

    static String notFound() {
        return "Dit inzageverzoek bestaat niet (of hoort bij een andere organisatie).";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
