package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.audit.SystemActor;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.GuardedChange;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSchedule;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals (aanmeldingen) and their triage. A referral of a professional, or a proposal of the system, waits for the
 * procesregisseur of the region, who accepts it with the organisations to invite or declines it with a reason the
 * referrer sees. At most one referral waits or one case runs per address. Every use is logged before anything is
 * returned; a declined referral is scheduled for retention at once, an accepted one when it closes.
 */
@Service
class Referrals {

    static final String REGISTER = "aanmeldingen.registreren";
    static final String REGISTER_FORM = "aanmeldingen.formulier.registreren";
    static final String QUEUE = "aanmeldingen.lezen";
    static final String QUEUE_PAGE = "aanmeldingen.pagina";
    static final String READ = "aanmelding.lezen";
    static final String TRIAGE = "aanmelding.triage";
    static final String TRIAGE_FORM = "aanmelding.triage.formulier";
    static final String PROPOSE = "casus.voorstellen";
    static final String OBJECT_TYPE = "casus";

    private final CaseStore store;
    private final JdbcTemplate jdbc;
    private final ZvhRegions regions;
    private final VtRegions vtRegions;
    private final RecordsAtAddress records;
    private final Agenda agenda;
    private final CaseSignals signals;
    private final CaseMonitoredRecords monitored;
    private final RetentionSchedule retention;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;
    private final TransactionTemplate transaction;
    private final DutchTime time;
    private final CaseProposalPolicy policy;

    Referrals(
            CaseStore store,
            ZvhRegions regions,
            VtRegions vtRegions,
            RecordsAtAddress records,
            Agenda agenda,
            CaseSignals signals,
            CaseMonitoredRecords monitored,
            RetentionSchedule retention,
            AccessLog accessLog,
            CurrentProfessional currentProfessional,
            PlatformTransactionManager transactions,
            DutchTime time,
            CaseProposalProperties proposals) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.regions = regions;
        this.vtRegions = vtRegions;
        this.records = records;
        this.agenda = agenda;
        this.signals = signals;
        this.monitored = monitored;
        this.retention = retention;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
        this.transaction = new TransactionTemplate(transactions);
        this.time = time;
        this.policy = proposals.policy();
    }

    /** A checked referral: the household's address (with its gemeente and region) and why. */
    record NewReferral(AddressId address, String gemeente, String region, String reason) {}

    /** The outcome of a referral: the stored one, and whether this call created it. */
    record Registration(CaseStore.CaseRow referral, boolean created) {}

    /** A checked triage decision: accept with the organisations to invite, or decline with a reason. */
    record Decision(
            boolean accept, Set<String> partners, @Nullable String reason) {}

    /**
     * Stores a referral of the professional's organisation; the same idempotency key of the same organisation returns
     * the stored one.
     *
     * @throws ConflictException when a referral waits or a case runs for the address already
     */
    Registration refer(NewReferral referral, @Nullable String idempotencyKey, String action) {
        Professional professional = currentProfessional.require();
        String organisation = organisation(professional);
        if (idempotencyKey != null) {
            Optional<CaseStore.CaseRow> earlier = byKey(organisation, idempotencyKey);
            if (earlier.isPresent()) {
                accessLog.record(AccessEntry.of(
                        AccessKind.LEZEN,
                        action,
                        OBJECT_TYPE,
                        earlier.get().id().toString()));
                return new Registration(earlier.get(), false);
            }
        }
        UUID id = UUID.randomUUID();
        Boolean stored = transaction.execute(status -> {
            boolean inserted = insert(
                    id,
                    referral.address(),
                    referral.gemeente(),
                    referral.region(),
                    "aanmelding",
                    null,
                    referral.reason(),
                    professional.subject(),
                    organisation,
                    idempotencyKey);
            if (inserted) {
                // Last in the referral's transaction: the case and its entry commit together (ADR 0013).
                accessLog.record(AccessEntry.of(AccessKind.AANMAKEN, action, OBJECT_TYPE, id.toString()));
            }
            return inserted;
        });
        if (!Boolean.TRUE.equals(stored)) {
            // The address has a waiting referral or a running case: the attempt looked at the address, nothing more.
            accessLog.record(AccessEntry.of(
                    AccessKind.LEZEN, action, "adres", referral.address().toString()));
            Optional<CaseStore.CaseRow> raced =
                    idempotencyKey == null ? Optional.empty() : byKey(organisation, idempotencyKey);
            if (raced.isPresent()) {
                return new Registration(raced.get(), false);
            }
            throw new ConflictException(
                    "Dit huishouden is al aangemeld bij het Zorg- en Veiligheidshuis, of er loopt een casus. Neem"
                            + " contact op met de procesregisseur om uw zorgen toe te voegen.");
        }
        return new Registration(store.findAnywhere(id).orElseThrow(), true);
    }

    /**
     * A proposal of the system, in the transaction of the record or colour change that triggered it: made when the
     * policy allows it and a region covers the address's gemeente; nothing happens otherwise. Never fails on a
     * concurrent proposal: the one that came first stands.
     */
    void propose(AddressId address, String gemeente, CaseProposalPolicy.Rule rule) {
        propose(address, gemeente, rule, store.at(address));
    }

    /** The same, with the cases at the address as the caller read them in this transaction. */
    void propose(AddressId address, String gemeente, CaseProposalPolicy.Rule rule, List<CaseStore.CaseRow> atAddress) {
        if (!mayPropose(atAddress)) {
            return;
        }
        Optional<String> region = regions.regionOf(gemeente);
        if (region.isEmpty()) {
            return;
        }
        UUID id = UUID.randomUUID();
        String reason = switch (rule) {
            case ADRES_ROOD -> "Automatisch voorstel: het adres kreeg kleurcode rood.";
            case MEERDERE_ORGANISATIES ->
                "Automatisch voorstel: registraties van " + policy.organisations() + " of meer organisaties binnen "
                        + policy.window().toTotalMonths() + " maanden.";
        };
        if (insert(id, address, gemeente, region.get(), "voorstel", rule, reason, null, null, null)) {
            String house = regions.organisationOf(region.get()).orElse(region.get());
            accessLog.recordBySystem(
                    new SystemActor(
                            "casusvoorstel",
                            house,
                            "casusoverleg: voorstel voor triage",
                            "voorstelregels " + policy.version() + " (" + rule.code() + ")"),
                    AccessEntry.of(AccessKind.AANMAKEN, PROPOSE, OBJECT_TYPE, id.toString()));
        }
    }

    /**
     * Whether the policy allows a proposal next to these cases at the address (none waits or runs, and the last
     * decision is past its quiet period): checked first, so that nothing more is read when it does not.
     */
    boolean mayPropose(List<CaseStore.CaseRow> atAddress) {
        List<CaseProposalPolicy.EarlierCase> earlier = atAddress.stream()
                .map(c -> new CaseProposalPolicy.EarlierCase(
                        c.status(), c.triagedAt() == null ? null : DutchTime.dayOf(c.triagedAt())))
                .toList();
        return policy.mayPropose(earlier, time.today());
    }

    private boolean insert(
            UUID id,
            AddressId address,
            String gemeente,
            String region,
            String origin,
            CaseProposalPolicy.@Nullable Rule rule,
            String reason,
            @Nullable String by,
            @Nullable String organisation,
            @Nullable String idempotencyKey) {
        OffsetDateTime now = time.nowUtc();
        int inserted = jdbc.update(
                "INSERT INTO casus (id, number, zvh_region, gemeente_code, vt_region, address_id, status, origin,"
                        + " proposal_rule, proposal_rules_version, reason, referred_by, referred_by_organisation,"
                        + " referred_at, idempotency_key)"
                        + " SELECT ?, ? || '-' || ? || '-' || lpad(nextval('casus_number')::text, 5, '0'), ?, ?, ?, ?,"
                        + " 'aangemeld', ?, ?, ?, ?, ?, ?, ?, ?"
                        // One waiting referral or running case per address, one referral per idempotency key: a
                        // concurrent second one stores nothing rather than failing the transaction it runs in.
                        + " ON CONFLICT DO NOTHING",
                id,
                region,
                time.today().getYear(),
                region,
                gemeente,
                vtRegions.regionOf(gemeente).orElse(null),
                address.value(),
                origin,
                rule == null ? null : rule.code(),
                rule == null ? null : policy.version(),
                reason,
                by,
                organisation,
                now,
                idempotencyKey);
        if (inserted == 1) {
            keepRecords(id, address);
        }
        return inserted == 1;
    }

    /** The records at the address now: the case's retention follows theirs. */
    private void keepRecords(UUID id, AddressId address) {
        List<RecordsAtAddress.Recorded> kept = records.at(address);
        // One statement for all of them (ADR 0012).
        jdbc.update(
                "INSERT INTO casus_record (casus_id, source, record_id) SELECT ?, source, record_id"
                        + " FROM unnest(?::text[], ?::text[]) AS r (source, record_id) ON CONFLICT DO NOTHING",
                id,
                kept.stream().map(record -> record.source().name()).toArray(String[]::new),
                kept.stream().map(RecordsAtAddress.Recorded::id).toArray(String[]::new));
    }

    /** The referrals of the procesregisseur's region with this status (all when null), oldest first. */
    List<CaseStore.CaseRow> queue(@Nullable CaseStatus status, String action) {
        Professional professional = currentProfessional.require();
        String region = region(professional);
        List<CaseStore.CaseRow> found = status == null
                ? store.list(
                        new CaseScope.Condition("c.zvh_region = ?", List.of(region)),
                        "",
                        "c.status = 'aangemeld' DESC, c.referred_at DESC")
                : store.list(
                        new CaseScope.Condition("c.zvh_region = ?", List.of(region)),
                        " AND c.status = ?",
                        "c.referred_at",
                        status.code());
        accessLog.record(new AccessEntry(AccessKind.ZOEKEN, action, "aanmeldingen", null, false));
        return found;
    }

    /** A referral the professional may see, logged; a referral outside the scope is logged as a refusal. */
    Optional<CaseStore.CaseRow> read(UUID id, String action) {
        Professional professional = currentProfessional.require();
        Optional<CaseStore.CaseRow> found = store.find(id, CaseScope.referrals(professional));
        found.ifPresentOrElse(
                referral -> accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString())),
                () -> accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString()));
        return found;
    }

    /**
     * Decides a referral of the procesregisseur's region, from the revision the client read (the API's If-Match; a
     * page passes {@link IfMatch#NOT_ASKED}). Without a precondition the same decision again answers with the referral
     * as it is; with one, the decision moved the revision on, so a retry from the old ETag is 412 (a retried request
     * is replayed by its Idempotency-Key instead). Another decision than the one taken is refused.
     *
     * @throws NotFoundException outside the region
     * @throws ConflictException when it was decided otherwise already
     * @throws nl.adreszicht.records.PreconditionFailedException when the referral changed since the client read it
     */
    CaseStore.CaseRow triage(UUID id, IfMatch ifMatch, Decision decision, String action) {
        Professional professional = currentProfessional.require();
        String region = region(professional);
        CaseScope.Condition scope = new CaseScope.Condition("c.zvh_region = ?", List.of(region));
        if (store.find(id, scope).isEmpty()) {
            accessLog.refusedIfExists(action, OBJECT_TYPE, id.toString());
            throw notFound();
        }
        LocalDate today = time.today();
        String outcome = transaction.execute(status -> {
            CaseStore.CaseRow referral = store.lock(id).orElseThrow();
            ifMatch.requireCurrent(referral.revision());
            if (referral.status() != CaseStatus.AANGEMELD) {
                boolean same = decision.accept()
                        ? referral.status() == CaseStatus.LOPEND
                                && Set.copyOf(referral.partners()).equals(decision.partners())
                        : referral.status() == CaseStatus.AFGEWEZEN
                                && referral.declineReason() != null
                                && referral.declineReason().equals(decision.reason());
                if (same) {
                    accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
                }
                return same ? "same" : "conflict";
            }
            OffsetDateTime now = time.nowUtc();
            if (decision.accept()) {
                GuardedChange.requireApplied(jdbc.update(
                        "UPDATE casus SET status = 'lopend', triaged_by = ?, triaged_at = ?, revision = revision + 1"
                                + " WHERE id = ? AND revision = ?",
                        professional.subject(),
                        now,
                        id,
                        referral.revision()));
                // All partners in one statement, in a fixed order (ADR 0012).
                jdbc.update(
                        "INSERT INTO casus_partner (casus_id, organisation, invited_at)"
                                + " SELECT ?, organisation, ? FROM unnest(?::text[]) AS p (organisation)",
                        id,
                        now,
                        new TreeSet<>(decision.partners()).toArray(String[]::new));
                keepRecords(id, referral.address());
                CaseStore.CaseRow accepted = store.findAnywhere(id).orElseThrow();
                agenda.putOnNext(accepted, Agenda.NEW, false, today);
                signals.accepted(referral.address(), house(region));
                // From today the case is a record at the address for the monitor (a referral was none).
                monitored.changed(referral.address());
            } else {
                GuardedChange.requireApplied(jdbc.update(
                        "UPDATE casus SET status = 'afgewezen', triaged_by = ?, triaged_at = ?, decline_reason = ?,"
                                + " revision = revision + 1 WHERE id = ? AND revision = ?",
                        professional.subject(),
                        now,
                        decision.reason(),
                        id,
                        referral.revision()));
                retention.scheduleFollowing(
                        RecordSource.CASUSOVERLEG, id.toString(), house(region), today, followed(id));
            }
            // Last in the decision's transaction: the decision and its entry commit together (ADR 0013).
            accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, action, OBJECT_TYPE, id.toString()));
            return "decided";
        });
        if ("conflict".equals(outcome)) {
            // Its state was read and shown; the refused decision changed nothing.
            accessLog.record(AccessEntry.of(AccessKind.LEZEN, action, OBJECT_TYPE, id.toString()));
            throw new ConflictException(
                    "Over deze aanmelding is al anders besloten; een besluit wordt niet overschreven.");
        }
        return store.findAnywhere(id).orElseThrow();
    }

    /** The records a case follows for its retention. */
    List<RetentionSchedule.Followed> followed(UUID id) {
        return store.records(id).stream()
                .map(record -> new RetentionSchedule.Followed(RecordSource.valueOf(record[0]), record[1]))
                .toList();
    }

    String house(String region) {
        return regions.organisationOf(region).orElseThrow();
    }

    private Optional<CaseStore.CaseRow> byKey(String organisation, String key) {
        return store
                .list(
                        new CaseScope.Condition(
                                "c.referred_by_organisation = ? AND c.idempotency_key = ?", List.of(organisation, key)),
                        "",
                        "c.referred_at")
                .stream()
                .findFirst();
    }

    static String organisation(Professional professional) {
        return professional
                .organisation()
                .orElseThrow(() -> new AccessDeniedException(
                        "Een aanmelding hoort bij een organisatie; uw account heeft er geen."));
    }

    static String region(Professional professional) {
        return professional
                .zvhRegion()
                .orElseThrow(() -> new AccessDeniedException(
                        "U bent procesregisseur van een Zorg- en Veiligheidshuis, maar uw account heeft geen regio."));
    }

    static NotFoundException notFound() {
        return new NotFoundException("Deze casus bestaat niet (of valt buiten uw scope).");
    }
}
