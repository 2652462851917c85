package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accepted cases and their plans van aanpak: reading them within the professional's scope, the plan (goals, one
 * regisseur of an invited organisation, review date), actions with an owner and a deadline, their status as the owner
 * follows them up, and closing with an outcome. What a professional sees of a case: the procesregisseur everything;
 * the regisseur's organisation the whole plan; every other invited organisation the plan, the decisions of the
 * meetings and its own actions, never what was discussed, the referral's reason or who referred it.
 */
@Service
class CasePlans {

    static final String LIST = "casussen.lezen";
    static final String LIST_PAGE = "casussen.pagina";
    static final String READ = "casus.lezen";
    static final String READ_PAGE = "casus.pagina";
    static final String PLAN_READ = "casus.plan.lezen";
    static final String PLAN_WRITE = "casus.plan.vastleggen";
    static final String PLAN_FORM = "casus.plan.formulier";
    static final String ADD_ACTION = "casus.acties.toevoegen";
    static final String ADD_ACTION_FORM = "casus.actie.formulier";
    static final String CLOSE = "casus.afsluiten";
    static final String CLOSE_FORM = "casus.afsluiten.formulier";
    static final String MY_ACTIONS = "acties.lezen";
    static final String MY_ACTIONS_PAGE = "acties.pagina";
    static final String STATUS = "actie.status.wijzigen";
    static final String STATUS_FORM = "actie.status.formulier";
    static final String AT_ADDRESS = "adres.casussen.lezen";
    static final String AT_ADDRESS_FRAGMENT = "adres.casus.fragment";
    static final String OBJECT_TYPE = "casus";
    static final String ACTION_TYPE = "actie";

    /** Kinds of organisation that may be invited to a case, take a case over, lead it or own an action. */
    static final Set<String> PARTNER_KINDS = Set.of("ketenpartner", "politie", "veilig-thuis", "gemeente");

    static final int MAX_GOALS = 12;
    static final int TEXT_MAX = 500;

    private final CaseStore store;
    private final JdbcTemplate jdbc;
    private final Referrals referrals;
    private final ZvhRegions regions;
    private final Agenda agenda;
    private final CaseMonitoredRecords monitored;
    private final RecordsAtAddress records;
    private final Organisations organisations;
    private final RetentionSchedule retention;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    CasePlans(
            CaseStore store,
            Referrals referrals,
            ZvhRegions regions,
            Agenda agenda,
            CaseMonitoredRecords monitored,
            RecordsAtAddress records,
            Organisations organisations,
            RetentionSchedule retention,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            PlatformTransactionManager transactions,
            DutchTime time) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.referrals = referrals;
        this.regions = regions;
        this.agenda = agenda;
        this.monitored = monitored;
        this.records = records;
        this.organisations = organisations;
        this.retention = retention;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
    }

    /**
     * A case as one professional may see it.
     *
     * @param wholePlan whether every action is shown (procesregisseur, regisseur) or only the viewer's own
     * @param runs whether the viewer is its procesregisseur (may change the plan, add actions, close it)
     */
    record CaseView(
            CaseStore.CaseRow c,
            List<CaseStore.Goal> goals,
            List<CaseStore.ActionRow> actions,
            List<CaseStore.Minutes> minutes,
            boolean wholePlan,
            boolean runs,
            @Nullable String viewerOrganisation) {

        /** Whether the viewer may change the status of this action: its owner, or the procesregisseur. */
        public boolean mayUpdate(CaseStore.ActionRow action) {
            return c.status() == CaseStatus.LOPEND
                    && (runs || action.owner().equals(viewerOrganisation))
                    && !action.status().isFinal();
        }

        public long overdue(LocalDate today) {
            return actions.stream().filter(action -> action.overdue(today)).count();
        }
    }

    /** The cases the professional may see: running ones first, by review date; then the closed ones. */
    List<CaseStore.CaseRow> list(String action) {
        Professional professional = currentProfessional.require();
        List<CaseStore.CaseRow> found = store.list(
                CaseScope.cases(professional, time.today()),
                "",
                "c.status = 'lopend' DESC, c.review_date NULLS FIRST, c.referred_at");
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "casussen", null, false));
        return found;
    }

    /** The overdue actions of the cases the professional may see (all of a case for its procesregisseur). */
    List<CaseStore.ActionRow> overdue(List<CaseStore.CaseRow> cases) {
        Professional professional = currentProfessional.require();
        LocalDate today = time.today();
        List<CaseStore.ActionRow> overdue = new ArrayList<>();
        for (CaseStore.CaseRow c : cases) {
            if (c.status() == CaseStatus.LOPEND) {
                view(c, professional).actions().stream()
                        .filter(a -> a.overdue(today))
                        .forEach(overdue::add);
            }
        }
        return overdue;
    }

    /** A case the professional may see, logged; outside the scope logged as a refusal and not found. */
    Optional<CaseView> read(UUID id, String action) {
        Professional professional = currentProfessional.require();
        Optional<CaseStore.CaseRow> found = store.find(id, CaseScope.cases(professional, time.today()));
        found.ifPresentOrElse(
                c -> accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString())),
                () -> accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString()));
        return found.map(c -> view(c, professional));
    }

    /** The case as the current professional may see it, after a change they made (already logged). */
    CaseView view(CaseStore.CaseRow c) {
        return view(c, currentProfessional.require());
    }

    CaseView view(CaseStore.CaseRow c, Professional professional) {
        boolean runs = CaseScope.runs(professional, c.zvhRegion());
        String own = professional.organisation().orElse(null);
        boolean wholePlan = runs || (own != null && own.equals(c.regisseurOrganisation()));
        List<CaseStore.ActionRow> actions = store.actions(c.id()).stream()
                .filter(a -> wholePlan || a.owner().equals(own))
                .toList();
        List<CaseStore.Minutes> minutes = store.minutes(c.id()).stream()
                .map(m -> runs
                        ? m
                        : new CaseStore.Minutes(m.meetingId(), m.heldOn(), null, m.decisions(), m.risk(), null, m.at()))
                .toList();
        return new CaseView(c, store.goals(c.id()), actions, minutes, wholePlan, runs, own);
    }

    /** What a form or body gives for a plan; each field may be missing or wrong, and all are reported at once. */
    record PlanInput(
            List<GoalInput> goals,
            @Nullable String regisseurOrganisation,
            @Nullable String regisseurName,
            @Nullable LocalDate reviewDate) {}

    record GoalInput(@Nullable String kind, @Nullable String description) {}

    /**
     * Sets the plan of a running case of the procesregisseur's region: goals (at least one on safety), the regisseur
     * (of an invited organisation) and the review date (today up to twelve months ahead).
     */
    CaseView setPlan(UUID id, IfMatch ifMatch, PlanInput input, String action) {
        Professional professional = currentProfessional.require();
        CaseStore.CaseRow c = running(id, professional, action);
        ifMatch.requireCurrent(c.revision());
        LocalDate today = time.today();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        List<CaseStore.Goal> goals = goals(input.goals(), invalid);
        String regisseur = invalid.collect(() -> invitedOrganisation(
                "regisseurOrganisatie", input.regisseurOrganisation(), c, "validation.regisseur.notInvited"));
        String name = invalid.collect(
                () -> text("regisseurNaam", input.regisseurName(), 200, "validation.regisseurNaam.length"));
        LocalDate review = invalid.collect(() -> review(input.reviewDate(), today));
        invalid.throwIfAny();
        OffsetDateTime now = time.nowUtc();
        transaction.executeWithoutResult(status -> {
            boolean first = store.lock(id).orElseThrow().planUpdatedBy() == null;
            jdbc.update("DELETE FROM casus_goal WHERE casus_id = ?", id);
            // All goals in one statement, numbered in their order (ADR 0012).
            jdbc.update(
                    "INSERT INTO casus_goal (casus_id, position, kind, description) SELECT ?, g.position, g.kind,"
                            + " g.description FROM unnest(?::text[], ?::text[]) WITH ORDINALITY"
                            + " AS g (kind, description, position)",
                    id,
                    goals.stream().map(CaseStore.Goal::kind).toArray(String[]::new),
                    goals.stream().map(CaseStore.Goal::description).toArray(String[]::new));
            GuardedChange.requireApplied(jdbc.update(
                    "UPDATE casus SET regisseur_organisation = ?, regisseur_name = ?, review_date = ?,"
                            // The first time is when the monitor follows the plan up from; a change never moves it.
                            + " plan_set_at = coalesce(plan_set_at, ?), plan_updated_at = ?, plan_updated_by = ?,"
                            + " revision = revision + 1 WHERE id = ? AND revision = ?",
                    regisseur,
                    name,
                    review,
                    now,
                    now,
                    professional.subject(),
                    id,
                    c.revision()));
            if (first) {
                // From today the plan is an intervention at the address for the monitor.
                monitored.changed(c.address());
            }
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
        });
        return view(store.findAnywhere(id).orElseThrow(), professional);
    }

    /** What a form or body gives for a new action. */
    record ActionInput(
            @Nullable String description,
            @Nullable String owner,
            @Nullable LocalDate deadline) {}

    /** The outcome of adding an action: the stored one, and whether this call created it. */
    record ActionAdded(CaseStore.ActionRow action, boolean created) {}

    /**
     * Adds an action to the plan of a running case of the procesregisseur's region: a description, an owner (an
     * invited organisation) and a deadline today or later. The same idempotency key for the same case returns the
     * stored action.
     */
    ActionAdded addAction(UUID id, ActionInput input, @Nullable String idempotencyKey, String action) {
        Professional professional = currentProfessional.require();
        CaseStore.CaseRow c = running(id, professional, action);
        if (idempotencyKey != null) {
            Optional<CaseStore.ActionRow> earlier = byKey(id, idempotencyKey);
            if (earlier.isPresent()) {
                accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
                return new ActionAdded(earlier.get(), false);
            }
        }
        LocalDate today = time.today();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String description = invalid.collect(
                () -> text("omschrijving", input.description(), TEXT_MAX, "validation.omschrijving.length"));
        String owner = invalid.collect(() -> {
            if (input.owner() == null || input.owner().isBlank()) {
                throw new InvalidValueException("eigenaar", "validation.eigenaar.required");
            }
            return invitedOrganisation("eigenaar", input.owner(), c, "validation.eigenaar.notInvited");
        });
        LocalDate deadline = invalid.collect(() -> {
            if (input.deadline() == null) {
                throw new InvalidValueException("deadline", "NotNull");
            }
            if (input.deadline().isBefore(today)) {
                throw new InvalidValueException("deadline", "validation.deadline.past");
            }
            return input.deadline();
        });
        invalid.throwIfAny();
        UUID actionId = UUID.randomUUID();
        Boolean created = transaction.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO casus_action (id, casus_id, description, owner_organisation, deadline, status,"
                            + " created_at, created_by, idempotency_key) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    actionId,
                    id,
                    description,
                    owner,
                    deadline,
                    time.nowUtc(),
                    professional.subject(),
                    idempotencyKey);
            // Last in the action's transaction: the action and its entry commit together (ADR 0013).
            accessLog.record(AccessEntry.of(
                    inserted == 1 ? AccessKind.AANMAKEN : AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            return inserted == 1;
        });
        if (!Boolean.TRUE.equals(created) && idempotencyKey != null) {
            return new ActionAdded(byKey(id, idempotencyKey).orElseThrow(), false);
        }
        return new ActionAdded(store.action(actionId).orElseThrow(), true);
    }

    /** What a form or body gives for a status change. */
    record StatusInput(@Nullable String status, @Nullable String note) {}

    /**
     * Changes the status of an action, with a short note: by its owner (an organisation invited to the case) or the
     * procesregisseur. Another organisation is refused (403, logged).
     */
    CaseStore.ActionRow changeStatus(UUID actionId, IfMatch ifMatch, StatusInput input, String action) {
        Professional professional = currentProfessional.require();
        Optional<CaseStore.ActionRow> found = store.action(actionId);
        Optional<CaseStore.CaseRow> c =
                found.flatMap(a -> store.find(a.caseId(), CaseScope.cases(professional, time.today())));
        if (found.isEmpty() || c.isEmpty()) {
            accessLog.refusedIfExists(action, ACTION_TYPE, actionId.toString());
            throw new NotFoundException("Deze actie bestaat niet (of valt buiten uw scope).");
        }
        CaseStore.ActionRow current = found.get();
        boolean runs = CaseScope.runs(professional, c.get().zvhRegion());
        if (!runs
                && !professional.organisation().filter(current.owner()::equals).isPresent()) {
            accessLog.record(AccessEntry.of(AccessKind.GEWEIGERD, action, ACTION_TYPE, actionId.toString()));
            throw new RefusedException(
                    "Deze actie is van een andere organisatie. Alleen de eigenaar van de actie of de procesregisseur"
                            + " wijzigt de status.");
        }
        if (c.get().status() != CaseStatus.LOPEND) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, ACTION_TYPE, actionId.toString()));
            throw new ConflictException("Deze casus is gesloten; de acties van het plan liggen vast.");
        }
        ifMatch.requireCurrent(current.revision());
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        ActionStatus next = invalid.collect(() -> {
            if (input.status() == null || input.status().isBlank()) {
                throw new InvalidValueException("status", "NotNull");
            }
            ActionStatus status = ActionStatus.ofCode(input.status())
                    .orElseThrow(() -> new InvalidValueException("status", "validation.status.format"));
            if (!current.status().mayBecome(status)) {
                throw new InvalidValueException("status", "validation.status.transition");
            }
            return status;
        });
        String note = invalid.collect(() -> note(input.note(), next));
        invalid.throwIfAny();
        if (next == current.status() && java.util.Objects.equals(note, current.note())) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, ACTION_TYPE, actionId.toString()));
            return current;
        }
        transaction.executeWithoutResult(status -> {
            GuardedChange.requireApplied(jdbc.update(
                    "UPDATE casus_action SET status = ?, note = ?, status_changed_at = ?, status_changed_by = ?,"
                            + " revision = revision + 1 WHERE id = ? AND revision = ?",
                    next.code(),
                    note,
                    time.nowUtc(),
                    professional.subject(),
                    actionId,
                    current.revision()));
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, ACTION_TYPE, actionId.toString()));
        });
        return store.action(actionId).orElseThrow();
    }

    /** An action and its case right after the professional changed it (or tried to): the change is logged already. */
    ActionInCase actionAsSeen(UUID actionId) {
        CaseStore.ActionRow action = store.action(actionId).orElseThrow(Referrals::notFound);
        return new ActionInCase(action, store.findAnywhere(action.caseId()).orElseThrow(Referrals::notFound));
    }

    /** Whether the current professional may change the status of this action. */
    boolean mayUpdate(ActionInCase action) {
        Professional professional = currentProfessional.require();
        return new CaseView(
                        action.c(),
                        List.of(),
                        List.of(),
                        List.of(),
                        false,
                        CaseScope.runs(professional, action.c().zvhRegion()),
                        professional.organisation().orElse(null))
                .mayUpdate(action.action());
    }

    /** What a form or body gives for closing. */
    record ClosingInput(
            @Nullable String outcome,
            @Nullable String organisation,
            @Nullable String reason) {}

    /**
     * Closes a running case of the procesregisseur's region with an outcome, and schedules it for retention: kept at
     * least the configured period after today, and as long as the longest-kept record it was opened for. It changes
     * from the revision the client read: closing moves it on, so only a request naming the closed revision (or none,
     * from a page) gets the closed case as is for the same outcome; a retry from the old ETag is 412.
     */
    CaseStore.CaseRow close(UUID id, IfMatch ifMatch, ClosingInput input, String action) {
        Professional professional = currentProfessional.require();
        CaseStore.CaseRow c = inRegion(id, professional, action);
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Outcome outcome = invalid.collect(() -> {
            if (input.outcome() == null || input.outcome().isBlank()) {
                throw new InvalidValueException("uitkomst", "NotNull");
            }
            return Outcome.ofCode(input.outcome())
                    .orElseThrow(() -> new InvalidValueException("uitkomst", "validation.casusUitkomst.format"));
        });
        String organisation = invalid.collect(() -> handedOverTo(outcome, input.organisation()));
        String reason = invalid.collect(() -> outcome == Outcome.GESTOPT
                ? StatedReason.of(input.reason())
                : blank(input.reason()) ? null : StatedReason.of(input.reason()));
        invalid.throwIfAny();
        ifMatch.requireCurrent(c.revision());
        if (c.status() != CaseStatus.LOPEND) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            if (c.status() == CaseStatus.GESLOTEN && c.outcome() == outcome) {
                return c;
            }
            throw new ConflictException("Deze casus loopt niet (meer); sluiten kan niet.");
        }
        LocalDate today = time.today();
        transaction.executeWithoutResult(status -> {
            store.lock(id);
            // Guarded by the revision checked above: a change between that read and this lock (another closing, a
            // new record) leaves this one unapplied (412) rather than closing over it.
            GuardedChange.requireApplied(jdbc.update(
                    "UPDATE casus SET status = 'gesloten', outcome = ?, outcome_organisation = ?, outcome_reason = ?,"
                            + " closed_on = ?, closed_at = ?, closed_by = ?, revision = revision + 1"
                            + " WHERE id = ? AND status = 'lopend' AND revision = ?",
                    outcome.code(),
                    organisation,
                    reason,
                    today,
                    time.nowUtc(),
                    professional.subject(),
                    id,
                    c.revision()));
            retention.scheduleFollowing(
                    RecordSource.CASUSOVERLEG,
                    id.toString(),
                    referrals.house(c.zvhRegion()),
                    today,
                    referrals.followed(id));
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
        });
        return store.findAnywhere(id).orElseThrow();
    }

    /** An action with the case it belongs to. */
    record ActionInCase(CaseStore.ActionRow action, CaseStore.CaseRow c) {

        /** Whether its owner may still change its status: the case runs and the action is not done or dropped. */
        public boolean updatable() {
            return c.status() == CaseStatus.LOPEND && !action.status().isFinal();
        }
    }

    /**
     * The professional's organisation's actions in its running cases, by deadline; and, where it is the regisseur,
     * the overdue actions of the other organisations in those cases.
     */
    record MyActions(List<ActionInCase> own, List<ActionInCase> overdueAsRegisseur) {}

    MyActions myActions(String action) {
        Professional professional = currentProfessional.require();
        LocalDate today = time.today();
        String organisation = professional.organisation().orElse("");
        List<CaseStore.CaseRow> cases =
                store.list(CaseScope.cases(professional, today), " AND c.status = 'lopend'", "c.referred_at");
        List<ActionInCase> own = new ArrayList<>();
        List<ActionInCase> regisseur = new ArrayList<>();
        for (CaseStore.CaseRow c : cases) {
            for (CaseStore.ActionRow a : store.actions(c.id())) {
                if (a.owner().equals(organisation)) {
                    own.add(new ActionInCase(a, c));
                } else if (organisation.equals(c.regisseurOrganisation()) && a.overdue(today)) {
                    regisseur.add(new ActionInCase(a, c));
                }
            }
        }
        own.sort(java.util.Comparator.comparing(
                        (ActionInCase a) -> !a.action().status().isOpen())
                .thenComparing(a -> a.action().deadline()));
        regisseur.sort(java.util.Comparator.comparing(a -> a.action().deadline()));
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "acties", null, false));
        return new MyActions(own, regisseur);
    }

    /**
     * What the professional may know of the cases at an address: that one exists, its status, regisseur and review
     * date (never its minutes). Veilig Thuis of the region sees referrals too; the police and the gemeente see accepted
     * cases where their organisation holds a record; invited organisations and the procesregisseur see their cases.
     */
    record CaseAtAddress(CaseStore.CaseRow c, boolean mayOpen) {}

    List<CaseAtAddress> atAddress(AddressId address, String action) {
        Professional professional = currentProfessional.require();
        LocalDate today = time.today();
        String organisation = professional.organisation().orElse(null);
        Set<String> holders = records.at(address).stream()
                .map(RecordsAtAddress.Recorded::organisation)
                .collect(Collectors.toSet());
        List<CaseAtAddress> visible = new ArrayList<>();
        for (CaseStore.CaseRow c : store.at(address)) {
            boolean accepted = c.status() == CaseStatus.LOPEND || c.status() == CaseStatus.GESLOTEN;
            boolean runs = CaseScope.runs(professional, c.zvhRegion());
            boolean invited = accepted
                    && CaseScope.participates(professional)
                    && c.invited(professional.organisation().get())
                    && (c.status() == CaseStatus.LOPEND
                            || (c.closedOn() != null && !c.closedOn().isBefore(today.minus(CaseScope.AFTER_CLOSING))));
            boolean veiligThuis = (professional.has(Role.VT_MEDEWERKER) || professional.has(Role.VT_SUPERVISOR))
                    && c.vtRegion() != null
                    && professional.vtRegion().filter(c.vtRegion()::equals).isPresent();
            boolean holder = accepted
                    && (professional.has(Role.POLITIE_MEDEWERKER) || professional.has(Role.GEMEENTE_MEDEWERKER))
                    && organisation != null
                    && holders.contains(organisation);
            boolean referrer = organisation != null && organisation.equals(c.referredByOrganisation());
            if (runs || invited || veiligThuis || holder || referrer) {
                visible.add(new CaseAtAddress(c, runs || invited));
            }
        }
        // Whether a case exists there is itself sensitive: the lookup is logged whatever it found.
        accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, "adres", address.toString()));
        return visible;
    }

    /**
     * A new record arrived at the address (called by {@link CaseProposals}, in the recording transaction): every running
     * case there gets the marker and goes on the next agenda.
     */
    void newRecordAt(List<CaseStore.CaseRow> atAddress) {
        LocalDate today = time.today();
        for (CaseStore.CaseRow c : atAddress) {
            if (c.status() == CaseStatus.LOPEND) {
                // A change of the case (its marker): the revision moves, so a client's change from before is 412.
                jdbc.update(
                        "UPDATE casus SET new_record_since = coalesce(new_record_since, ?), revision = revision + 1"
                                + " WHERE id = ?",
                        time.nowUtc(),
                        c.id());
                agenda.putOnNext(c, Agenda.NEW_RECORD, true, today);
            }
        }
    }

    /** A running case of the procesregisseur's region; 404 (logged) outside it, 409 when it does not run. */
    private CaseStore.CaseRow running(UUID id, Professional professional, String action) {
        CaseStore.CaseRow c = inRegion(id, professional, action);
        if (c.status() != CaseStatus.LOPEND) {
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException("Deze casus loopt niet (meer); het plan van aanpak ligt vast.");
        }
        return c;
    }

    private CaseStore.CaseRow inRegion(UUID id, Professional professional, String action) {
        String region = Referrals.region(professional);
        return store.find(
                        id,
                        new CaseScope.Condition(
                                "c.status IN ('lopend', 'gesloten') AND c.zvh_region = ?", List.of(region)))
                .orElseThrow(() -> {
                    accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
                    return Referrals.notFound();
                });
    }

    private Optional<CaseStore.ActionRow> byKey(UUID caseId, String key) {
        return jdbc
                .query(
                        "SELECT " + CaseStore.ACTION_COLUMNS
                                + " FROM casus_action a WHERE a.casus_id = ? AND a.idempotency_key = ?",
                        CaseStore.ACTION,
                        caseId,
                        key)
                .stream()
                .findFirst();
    }

    private static List<CaseStore.Goal> goals(List<GoalInput> inputs, InvalidValuesException.Collector invalid) {
        List<CaseStore.Goal> goals = new ArrayList<>();
        List<GoalInput> given = inputs.stream()
                .filter(goal -> !blank(goal.kind()) || !blank(goal.description()))
                .toList();
        if (given.size() > MAX_GOALS) {
            invalid.collect(() -> {
                throw new InvalidValueException("doelen", "validation.doelen.tooMany");
            });
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "doelen[" + i + "]";
            GoalInput goal = given.get(i);
            String kind = invalid.collect(() -> {
                if (!"veiligheid".equals(goal.kind()) && !"herstel".equals(goal.kind())) {
                    throw new InvalidValueException(field + ".soort", "validation.doel.soort");
                }
                return goal.kind();
            });
            String description = invalid.collect(
                    () -> text(field + ".omschrijving", goal.description(), TEXT_MAX, "validation.doel.omschrijving"));
            if (kind != null && description != null) {
                goals.add(new CaseStore.Goal(kind, description));
            }
        }
        if (given.stream().noneMatch(goal -> "veiligheid".equals(goal.kind()))) {
            invalid.collect(() -> {
                throw new InvalidValueException("doelen", "validation.doelen.safetyFirst");
            });
        }
        // Safety first, then recovery, each in the order given.
        goals.sort(java.util.Comparator.comparing(goal -> !"veiligheid".equals(goal.kind())));
        return goals;
    }

    private String invitedOrganisation(String field, @Nullable String code, CaseStore.CaseRow c, String key) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException(field, "NotNull");
        }
        if (!c.invited(code)) {
            throw new InvalidValueException(field, key);
        }
        return code;
    }

    private static LocalDate review(@Nullable LocalDate date, LocalDate today) {
        if (date == null) {
            throw new InvalidValueException("herbeoordelingsdatum", "NotNull");
        }
        if (date.isBefore(today)) {
            throw new InvalidValueException("herbeoordelingsdatum", "validation.herbeoordelingsdatum.past");
        }
        if (date.isAfter(today.plusMonths(12))) {
            throw new InvalidValueException("herbeoordelingsdatum", "validation.herbeoordelingsdatum.farAhead");
        }
        return date;
    }

    private @Nullable String handedOverTo(@Nullable Outcome outcome, @Nullable String code) {
        if (outcome != Outcome.OVERGEDRAGEN) {
            if (!blank(code)) {
                throw new InvalidValueException("overgedragenAan", "validation.overgedragenAan.notWithOutcome");
            }
            return null;
        }
        if (blank(code)) {
            throw new InvalidValueException("overgedragenAan", "validation.overgedragenAan.required");
        }
        if (!organisations.isOfKind(code, PARTNER_KINDS)) {
            throw new InvalidValueException("overgedragenAan", "validation.overgedragenAan.unknown");
        }
        return code;
    }

    private static @Nullable String note(@Nullable String text, @Nullable ActionStatus status) {
        if (status != null && status.needsReason()) {
            if (text == null || text.strip().length() < 10 || text.strip().length() > TEXT_MAX) {
                throw new InvalidValueException("toelichting", "validation.toelichting.vervallen");
            }
            return text.strip();
        }
        if (blank(text)) {
            return null;
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new InvalidValueException("toelichting", "validation.toelichting.actie");
        }
        return text.strip();
    }

    static String text(String field, @Nullable String text, int max, String key) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "NotNull");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidValueException(field, key);
        }
        return stripped;
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
