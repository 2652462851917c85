package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meetings (overleggen) of a region: planned by its procesregisseur for some of its gemeenten, with an agenda that
 * fills itself ({@link Agenda}); each attendee accepts the confidentiality statement once per meeting before seeing its
 * cases (who accepted is the attendance); the procesregisseur records per case what was discussed, the decisions and
 * the risk as the table judges it. A partner sees a meeting only for the cases its organisation was invited to.
 */
@Service
class Meetings {

    static final String PLAN = "overleggen.plannen";
    static final String PLAN_FORM = "overleggen.formulier.plannen";
    static final String READ = "overleg.lezen";
    static final String READ_PAGE = "overleg.pagina";
    static final String STATEMENT = "overleg.geheimhouding.accepteren";
    static final String STATEMENT_FORM = "overleg.geheimhouding.formulier";
    static final String MINUTES = "overleg.verslag.vastleggen";
    static final String MINUTES_FORM = "overleg.verslag.formulier";
    static final String OBJECT_TYPE = "overleg";

    /** The version of the confidentiality statement's text (messages: overleg.verklaring.tekst). */
    static final String STATEMENT_VERSION = "v1";

    static final int MINUTES_MAX = 2000;
    static final Set<String> RISKS = Set.of("laag", "midden", "hoog");

    private final CaseStore store;
    private final JdbcTemplate jdbc;
    private final ZvhRegions regions;
    private final Agenda agenda;
    private final CasePlans plans;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    Meetings(
            CaseStore store,
            ZvhRegions regions,
            Agenda agenda,
            CasePlans plans,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.regions = regions;
        this.agenda = agenda;
        this.plans = plans;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /** A meeting: when, of which region and gemeenten. */
    record MeetingRow(UUID id, String zvhRegion, LocalDate heldOn, LocalTime startsAt, List<String> gemeenten) {}

    /** One case on an agenda, with what the meeting recorded about it. */
    record AgendaRow(
            UUID caseId,
            int position,
            String reason,
            boolean newRecord,
            @Nullable String discussed,
            @Nullable String decisions,
            @Nullable String risk,
            @Nullable OffsetDateTime minutesAt,
            long revision) {}

    /** An attendee: who accepted the confidentiality statement, for which organisation, when. */
    record Attendee(String subject, String name, @Nullable String organisation, OffsetDateTime acceptedAt) {}

    /** An agenda item as the viewer may see it: the case as they may see it, and the minutes as they may. */
    record Item(AgendaRow row, CasePlans.CaseView c) {}

    /**
     * A meeting as one professional may see it.
     *
     * @param accepted whether the viewer accepted its confidentiality statement (only then {@code items} is filled)
     * @param casesOnAgenda how many cases of the agenda the viewer may see
     */
    record MeetingView(
            MeetingRow meeting,
            boolean runs,
            boolean accepted,
            int casesOnAgenda,
            List<Item> items,
            List<Attendee> attendees) {}

    /** What a form or body gives for a new meeting. */
    record MeetingInput(
            @Nullable LocalDate date, @Nullable String startsAt, List<String> gemeenten, List<String> cases) {}

    /** The outcome of planning: the stored meeting, and whether this call created it. */
    record Planned(MeetingRow meeting, boolean created) {}

    /**
     * Plans a meeting of the procesregisseur's region. A meeting at the same moment returns the stored one. Every
     * running case of its gemeenten that asks for it goes on its agenda, and the cases named, which must be running
     * cases of the region in those gemeenten.
     */
    Planned plan(MeetingInput input, String action) {
        Professional professional = currentProfessional.require();
        String region = Referrals.region(professional);
        LocalDate today = time.today();
        List<String> ofRegion = regions.gemeentenOf(region);
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        LocalDate date = invalid.collect(() -> {
            if (input.date() == null) {
                throw new InvalidValueException("datum", "NotNull");
            }
            if (input.date().isBefore(today)) {
                throw new InvalidValueException("datum", "validation.datum.past");
            }
            if (input.date().isAfter(today.plusYears(2))) {
                throw new InvalidValueException("datum", "validation.datum.farAhead");
            }
            return input.date();
        });
        LocalTime startsAt = invalid.collect(() -> startsAt(input.startsAt()));
        Set<String> gemeenten = new LinkedHashSet<>();
        if (input.gemeenten().stream().allMatch(CasePlans::blank)) {
            invalid.collect(() -> {
                throw new InvalidValueException("gemeenten", "validation.gemeenten.empty");
            });
        }
        for (int i = 0; i < input.gemeenten().size(); i++) {
            String code = input.gemeenten().get(i);
            String field = "gemeenten[" + i + "]";
            if (!CasePlans.blank(code)) {
                invalid.collect(() -> {
                    if (!ofRegion.contains(code)) {
                        throw new InvalidValueException(field, "validation.gemeenten.outsideRegion");
                    }
                    return gemeenten.add(code);
                });
            }
        }
        List<UUID> named = new ArrayList<>();
        for (int i = 0; i < input.cases().size(); i++) {
            String text = input.cases().get(i);
            String field = "casussen[" + i + "]";
            invalid.collect(() -> {
                UUID id = uuid(field, text);
                Optional<CaseStore.CaseRow> c = store.findAnywhere(id);
                if (c.isEmpty()
                        || !c.get().zvhRegion().equals(region)
                        || c.get().status() != CaseStatus.LOPEND
                        || !gemeenten.contains(c.get().gemeente())) {
                    throw new InvalidValueException(field, "validation.casussen.otherRegion");
                }
                return named.add(id);
            });
        }
        invalid.throwIfAny();
        Optional<MeetingRow> earlier = at(region, date, startsAt);
        if (earlier.isPresent()) {
            accessLog.record(AccessEntry.of(
                    AccessKind.LEZEN, action, OBJECT_TYPE, earlier.get().id().toString()));
            return new Planned(earlier.get(), false);
        }
        UUID id = UUID.randomUUID();
        Boolean created = transaction.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO overleg (id, zvh_region, held_on, starts_at, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    id,
                    region,
                    date,
                    startsAt,
                    professional.subject(),
                    time.nowUtc());
            if (inserted == 0) {
                return false;
            }
            jdbc.update(
                    "INSERT INTO overleg_gemeente (overleg_id, gemeente_code) SELECT ?, gemeente_code"
                            + " FROM unnest(?::text[]) AS g (gemeente_code)",
                    id,
                    gemeenten.toArray(String[]::new));
            agenda.compose(id, region, List.copyOf(gemeenten), date, today);
            for (UUID caseId : named) {
                agenda.put(id, caseId, Agenda.NEW, false);
            }
            // Last in the meeting's transaction: the meeting and its entry commit together (ADR 0013).
            accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, id.toString()));
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            return new Planned(meeting(id).orElseThrow(), true);
        }
        // Planned at the same moment by a parallel request a moment ago: that one is read.
        MeetingRow meeting = at(region, date, startsAt).orElseThrow();
        accessLog.record(AccessEntry.of(
                AccessKind.LEZEN, action, OBJECT_TYPE, meeting.id().toString()));
        return new Planned(meeting, false);
    }

    /**
     * The meetings the professional may see, the coming ones first (soonest first), then the last past ones: the
     * procesregisseur's region's; a participant's where a case its organisation was invited to is on the agenda.
     * Dates and gemeenten only, so not logged.
     */
    List<MeetingRow> list() {
        Professional professional = currentProfessional.require();
        CaseScope.Condition scope = visible(professional);
        LocalDate today = time.today();
        return jdbc.query(
                "SELECT o.id, o.zvh_region, o.held_on, o.starts_at, ARRAY(SELECT og.gemeente_code FROM overleg_gemeente"
                        + " og WHERE og.overleg_id = o.id ORDER BY og.gemeente_code) AS gemeenten FROM overleg o WHERE "
                        + scope.sql() + " ORDER BY o.held_on < ?, CASE WHEN o.held_on >= ? THEN o.held_on END,"
                        + " o.held_on DESC, o.starts_at LIMIT 100",
                Meetings::meetingRow,
                args(scope, today, new Object[0], today, today));
    }

    /** The meetings a professional may see, as a condition on alias {@code o}; one parameter comes first (today). */
    private static CaseScope.Condition visible(Professional professional) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (professional.zvhRegion().isPresent() && professional.has(nl.adreszicht.security.Role.ZVH_PROCESREGISSEUR)) {
            parts.add("o.zvh_region = ?");
            params.add(professional.zvhRegion().get());
        }
        if (CaseScope.participates(professional)) {
            parts.add("EXISTS (SELECT 1 FROM overleg_casus oc JOIN casus c ON c.id = oc.casus_id"
                    + " JOIN casus_partner cp ON cp.casus_id = c.id AND cp.organisation = ?"
                    + " WHERE oc.overleg_id = o.id AND (c.status = 'lopend' OR (c.status = 'gesloten'"
                    + " AND c.closed_on >= ?::date)))");
            params.add(professional.organisation().orElseThrow());
            params.add(PLACEHOLDER);
        }
        String sql = parts.isEmpty() ? "false" : "(" + String.join(" OR ", parts) + ")";
        return new CaseScope.Condition(sql, params);
    }

    /** Stands for the first parameter (the earliest closing day still visible) where a condition needs it. */
    private static final Object PLACEHOLDER = new Object();

    /** A meeting the professional may see, logged; its cases only once the viewer accepted the statement. */
    Optional<MeetingView> read(UUID id, String action) {
        Professional professional = currentProfessional.require();
        Optional<MeetingRow> meeting = visibleMeeting(id, professional);
        if (meeting.isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
            return Optional.empty();
        }
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
        return Optional.of(view(meeting.get(), professional));
    }

    /** The meeting as the current professional sees it right after accepting or minuting (already logged). */
    Optional<MeetingView> viewAfterAccepting(UUID id) {
        Professional professional = currentProfessional.require();
        return visibleMeeting(id, professional).map(meeting -> view(meeting, professional));
    }

    private MeetingView view(MeetingRow meeting, Professional professional) {
        boolean runs = CaseScope.runs(professional, meeting.zvhRegion());
        boolean accepted = accepted(meeting.id(), professional.subject());
        LocalDate today = time.today();
        CaseScope.Condition scope = CaseScope.cases(professional, today);
        List<Item> items = new ArrayList<>();
        for (AgendaRow row : agendaOf(meeting.id())) {
            store.find(row.caseId(), scope).ifPresent(c -> {
                CasePlans.CaseView c2 = plans.view(c, professional);
                AgendaRow shown = runs
                        ? row
                        : new AgendaRow(
                                row.caseId(),
                                row.position(),
                                row.reason(),
                                row.newRecord(),
                                null,
                                row.decisions(),
                                row.risk(),
                                row.minutesAt(),
                                row.revision());
                items.add(new Item(shown, c2));
            });
        }
        return new MeetingView(
                meeting,
                runs,
                accepted,
                items.size(),
                accepted ? items : List.of(),
                accepted ? attendees(meeting.id()) : List.of());
    }

    /**
     * The viewer accepts the meeting's confidentiality statement (once; again changes nothing). Returns whether this
     * call recorded it.
     */
    boolean acceptStatement(UUID id, String action) {
        Professional professional = currentProfessional.require();
        Optional<MeetingRow> meeting = visibleMeeting(id, professional);
        if (meeting.isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
            throw notFound();
        }
        Boolean accepted = transaction.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO overleg_statement (overleg_id, subject, name, organisation, statement_version,"
                            + " accepted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    id,
                    professional.subject(),
                    professional.displayName(),
                    professional.organisation().orElse(null),
                    STATEMENT_VERSION,
                    time.nowUtc());
            // The statement and its entry commit together (ADR 0013).
            accessLog.record(AccessEntry.of(
                    inserted == 1 ? AccessKind.AANMAKEN : AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            return inserted == 1;
        });
        return Boolean.TRUE.equals(accepted);
    }

    /** What a form or body gives for the minutes of one case. */
    record MinutesInput(
            @Nullable String discussed,
            @Nullable String decisions,
            @Nullable String risk) {}

    /**
     * Records what the meeting discussed and decided about one case on its agenda, and the risk as the table judges
     * it; recording again replaces it. The case's marker of a new record is cleared: the table has seen it.
     */
    AgendaRow recordMinutes(UUID meetingId, UUID caseId, IfMatch ifMatch, MinutesInput input, String action) {
        Professional professional = currentProfessional.require();
        String region = Referrals.region(professional);
        Optional<MeetingRow> meeting =
                meeting(meetingId).filter(m -> m.zvhRegion().equals(region));
        if (meeting.isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, meetingId.toString());
            throw notFound();
        }
        Optional<AgendaRow> item = agendaOf(meetingId).stream()
                .filter(row -> row.caseId().equals(caseId))
                .findFirst();
        if (item.isEmpty()) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, meetingId.toString()));
            throw new NotFoundException("Deze casus staat niet op de agenda van dit overleg.");
        }
        if (!accepted(meetingId, professional.subject())) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, meetingId.toString()));
            throw new ConflictException(
                    "Accepteer eerst de geheimhoudingsverklaring van dit overleg; daarna ziet en notuleert u de casussen.");
        }
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String discussed = invalid.collect(() -> optional("besproken", input.discussed()));
        String decisions = invalid.collect(() -> optional("besluiten", input.decisions()));
        String risk = invalid.collect(() -> {
            if (CasePlans.blank(input.risk())) {
                return null;
            }
            if (!RISKS.contains(input.risk())) {
                throw new InvalidValueException("risico", "validation.risico.format");
            }
            return input.risk();
        });
        if (CasePlans.blank(input.discussed()) && CasePlans.blank(input.decisions())) {
            invalid.collect(() -> {
                throw new InvalidValueException("besproken", "validation.verslag.empty");
            });
        }
        invalid.throwIfAny();
        long revision = item.get().revision();
        ifMatch.requireCurrent(revision);
        OffsetDateTime now = time.nowUtc();
        transaction.executeWithoutResult(status -> {
            GuardedChange.requireApplied(jdbc.update(
                    "UPDATE overleg_casus SET discussed = ?, decisions = ?, risk = ?, minutes_by = ?, minutes_at = ?,"
                            + " revision = revision + 1 WHERE overleg_id = ? AND casus_id = ? AND revision = ?",
                    discussed,
                    decisions,
                    risk,
                    professional.subject(),
                    now,
                    meetingId,
                    caseId,
                    revision));
            // The case shows the minutes and loses its marker of a new record: a change of the case, which a client
            // changing it from an older revision must see (412), so its revision moves too.
            jdbc.update(
                    "UPDATE casus SET new_record_since = CASE WHEN new_record_since <= ? THEN NULL"
                            + " ELSE new_record_since END, revision = revision + 1 WHERE id = ?",
                    now,
                    caseId);
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, CasePlans.OBJECT_TYPE, caseId.toString()));
        });
        return agendaOf(meetingId).stream()
                .filter(row -> row.caseId().equals(caseId))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The printable agenda of a meeting of the procesregisseur's region: case numbers, gemeenten, why each case is
     * there, the organisations invited, and how many actions are open or overdue. No address, no name, no free text:
     * it may lie on the table of everyone present.
     */
    record PrintedItem(CaseStore.CaseRow c, AgendaRow row, long openActions, long overdueActions) {}

    record PrintedAgenda(MeetingRow meeting, List<PrintedItem> items) {}

    Optional<PrintedAgenda> printable(UUID id) {
        Professional professional = currentProfessional.require();
        String region = Referrals.region(professional);
        LocalDate today = time.today();
        return meeting(id).filter(m -> m.zvhRegion().equals(region)).map(meeting -> {
            List<PrintedItem> items = new ArrayList<>();
            for (AgendaRow row : agendaOf(id)) {
                store.findAnywhere(row.caseId()).ifPresent(c -> {
                    List<CaseStore.ActionRow> actions = store.actions(c.id());
                    items.add(new PrintedItem(
                            c,
                            row,
                            actions.stream().filter(a -> a.status().isOpen()).count(),
                            actions.stream().filter(a -> a.overdue(today)).count()));
                });
            }
            return new PrintedAgenda(meeting, items);
        });
    }

    private Optional<MeetingRow> visibleMeeting(UUID id, Professional professional) {
        CaseScope.Condition scope = visible(professional);
        return jdbc
                .query(
                        "SELECT o.id, o.zvh_region, o.held_on, o.starts_at, ARRAY(SELECT og.gemeente_code FROM"
                                + " overleg_gemeente og WHERE og.overleg_id = o.id ORDER BY og.gemeente_code) AS"
                                + " gemeenten FROM overleg o WHERE o.id = ? AND " + scope.sql(),
                        Meetings::meetingRow,
                        args(scope, time.today(), new Object[] {id}))
                .stream()
                .findFirst();
    }

    /** The parameters of a statement: those before the condition, the condition's, and those after it. */
    private static Object[] args(CaseScope.Condition scope, LocalDate today, Object[] before, Object... after) {
        List<Object> all = new ArrayList<>(List.of(before));
        for (Object param : scope.params()) {
            all.add(param == PLACEHOLDER ? today.minus(CaseScope.AFTER_CLOSING) : param);
        }
        all.addAll(List.of(after));
        return all.toArray();
    }

    Optional<MeetingRow> meeting(UUID id) {
        return jdbc
                .query(
                        "SELECT o.id, o.zvh_region, o.held_on, o.starts_at, ARRAY(SELECT og.gemeente_code FROM"
                                + " overleg_gemeente og WHERE og.overleg_id = o.id ORDER BY og.gemeente_code) AS"
                                + " gemeenten FROM overleg o WHERE o.id = ?",
                        Meetings::meetingRow,
                        id)
                .stream()
                .findFirst();
    }

    private Optional<MeetingRow> at(String region, LocalDate date, LocalTime startsAt) {
        return jdbc
                .queryForList(
                        "SELECT id FROM overleg WHERE zvh_region = ? AND held_on = ? AND starts_at = ?",
                        UUID.class,
                        region,
                        date,
                        startsAt)
                .stream()
                .findFirst()
                .flatMap(this::meeting);
    }

    List<AgendaRow> agendaOf(UUID meeting) {
        return jdbc.query(
                "SELECT casus_id, position, agenda_reason, new_record, discussed, decisions, risk, minutes_at,"
                        + " revision FROM overleg_casus WHERE overleg_id = ? ORDER BY position",
                (row, n) -> new AgendaRow(
                        row.getObject("casus_id", UUID.class),
                        row.getInt("position"),
                        row.getString("agenda_reason"),
                        row.getBoolean("new_record"),
                        row.getString("discussed"),
                        row.getString("decisions"),
                        row.getString("risk"),
                        row.getObject("minutes_at", OffsetDateTime.class),
                        row.getLong("revision")),
                meeting);
    }

    private boolean accepted(UUID meeting, String subject) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM overleg_statement WHERE overleg_id = ? AND subject = ?)",
                Boolean.class,
                meeting,
                subject));
    }

    private List<Attendee> attendees(UUID meeting) {
        return jdbc.query(
                "SELECT subject, name, organisation, accepted_at FROM overleg_statement WHERE overleg_id = ?"
                        + " ORDER BY accepted_at",
                (row, n) -> new Attendee(
                        row.getString("subject"),
                        row.getString("name"),
                        row.getString("organisation"),
                        row.getObject("accepted_at", OffsetDateTime.class)),
                meeting);
    }

    private static MeetingRow meetingRow(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        java.sql.Array gemeenten = row.getArray("gemeenten");
        return new MeetingRow(
                row.getObject("id", UUID.class),
                row.getString("zvh_region"),
                row.getObject("held_on", LocalDate.class),
                row.getObject("starts_at", LocalTime.class),
                gemeenten == null ? List.of() : List.of((String[]) gemeenten.getArray()));
    }

    private static LocalTime startsAt(@Nullable String text) {
        if (CasePlans.blank(text)) {
            throw new InvalidValueException("aanvang", "NotNull");
        }
        if (!text.strip().matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw new InvalidValueException("aanvang", "validation.aanvang.format");
        }
        return LocalTime.parse(text.strip());
    }

    private static @Nullable String optional(String field, @Nullable String text) {
        if (CasePlans.blank(text)) {
            return null;
        }
        if (text.strip().length() > MINUTES_MAX) {
            throw new InvalidValueException(field, "validation.verslag.length");
        }
        return text.strip();
    }

    static UUID uuid(String field, @Nullable String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "validation.casusId.format");
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("Dit overleg bestaat niet (of valt buiten uw scope).");
    }
}
