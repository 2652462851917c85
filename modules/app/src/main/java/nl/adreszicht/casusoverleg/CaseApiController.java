package nl.adreszicht.casusoverleg;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The casusoverleg over {@code /api/v1}: referrals and triage ({@code /aanmeldingen}), cases and their plans
 * ({@code /casussen}), actions ({@code /acties}), what is known of the cases at an address, and the figures for the
 * gemeente-analist. Creating is idempotent: a referral or an action with the same {@code Idempotency-Key} returns the
 * stored one (200).
 */
@RestController
class CaseApiController {

    static final String REFERRALS = "/api/v1/aanmeldingen";
    static final String CASES = "/api/v1/casussen";
    static final String ACTIONS = "/api/v1/acties";

    private final ReferralCheck check;
    private final Referrals referrals;
    private final CasePlans plans;
    private final CaseCounts counts;
    private final KnownAddresses addresses;
    private final DutchTime time;

    CaseApiController(
            ReferralCheck check,
            Referrals referrals,
            CasePlans plans,
            CaseCounts counts,
            KnownAddresses addresses,
            DutchTime time) {
        this.check = check;
        this.referrals = referrals;
        this.plans = plans;
        this.counts = counts;
        this.addresses = addresses;
        this.time = time;
    }

    @ApiResponse(responseCode = "201", description = "Aangemeld", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Eerder aangemeld met deze Idempotency-Key: de bestaande aanmelding",
            useReturnTypeSchema = true)
    @PostMapping(REFERRALS)
    ResponseEntity<CaseResources.Aanmelding> refer(
            @RequestBody CaseResources.NieuweAanmelding body,
            @Parameter(description = "Een sleutel van de client: dezelfde sleutel maakt geen tweede aanmelding")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey) {
        String key = ReferralCheck.idempotencyKey(idempotencyKey);
        Referrals.Registration registration =
                referrals.refer(check.referral(body.adresId(), body.reden()), key, Referrals.REGISTER);
        CaseResources.Aanmelding aanmelding = CaseResources.Aanmelding.of(registration.referral());
        // The ETag of the referral as created: the triage changes from it.
        String etag = IfMatch.etag(registration.referral().revision());
        return registration.created()
                ? ResponseEntity.created(URI.create(REFERRALS + "/" + aanmelding.id()))
                        .eTag(etag)
                        .body(aanmelding)
                : ResponseEntity.ok().eTag(etag).body(aanmelding);
    }

    @GetMapping(REFERRALS)
    List<CaseResources.Aanmelding> queue(
            @Parameter(description = "aangemeld (standaard), afgewezen, lopend of gesloten; alle bij 'alle'")
                    @RequestParam(required = false)
                    @Nullable
                    String status) {
        CaseStatus chosen = status == null || status.isBlank()
                ? CaseStatus.AANGEMELD
                : "alle".equals(status) ? null : statusOf(status);
        return referrals.queue(chosen, Referrals.QUEUE).stream()
                .map(CaseResources.Aanmelding::of)
                .toList();
    }

    @GetMapping(REFERRALS + "/{id}")
    ResponseEntity<CaseResources.Aanmelding> referral(@PathVariable String id) {
        CaseStore.CaseRow referral = referrals.read(uuid(id), Referrals.READ).orElseThrow(CaseApiController::notFound);
        return ResponseEntity.ok().eTag(IfMatch.etag(referral.revision())).body(CaseResources.Aanmelding.of(referral));
    }

    @PostMapping(REFERRALS + "/{id}/triage")
    ResponseEntity<CaseResources.Aanmelding> triage(
            @PathVariable String id, IfMatch ifMatch, @RequestBody CaseResources.Triagebesluit body) {
        UUID referral = uuid(id);
        Referrals.Decision decision = check.decision(body.besluit(), body.partners(), body.reden());
        CaseStore.CaseRow decided = referrals.triage(referral, ifMatch, decision, Referrals.TRIAGE);
        return ResponseEntity.ok().eTag(IfMatch.etag(decided.revision())).body(CaseResources.Aanmelding.of(decided));
    }

    @GetMapping(CASES)
    List<CaseResources.Casusoverzicht> cases() {
        List<CaseStore.CaseRow> cases = plans.list(CasePlans.LIST);
        Map<AddressId, String> labels = addresses.labelsOf(
                cases.stream().map(CaseStore.CaseRow::address).toList());
        return cases.stream()
                .map(c -> new CaseResources.Casusoverzicht(
                        c.id(),
                        c.number(),
                        c.status().code(),
                        c.gemeente(),
                        labels.get(c.address()),
                        regisseur(c),
                        c.reviewDate(),
                        c.newRecordSince() != null,
                        c.closedOn(),
                        c.outcome() == null ? null : c.outcome().code()))
                .toList();
    }

    @GetMapping(CASES + "/{id}")
    ResponseEntity<CaseResources.Casus> readCase(@PathVariable String id) {
        CasePlans.CaseView view = plans.read(uuid(id), CasePlans.READ).orElseThrow(CaseApiController::notFound);
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(view.c().revision()))
                .body(casus(
                        view,
                        addresses
                                .labelsOf(List.of(view.c().address()))
                                .get(view.c().address())));
    }

    // The plan lives on the case: its ETag is the case's, which setting the plan changes from.
    @GetMapping(CASES + "/{id}/plan")
    ResponseEntity<CaseResources.PlanVanAanpak> plan(@PathVariable String id) {
        CasePlans.CaseView view = plans.read(uuid(id), CasePlans.PLAN_READ).orElseThrow(CaseApiController::notFound);
        return ResponseEntity.ok().eTag(IfMatch.etag(view.c().revision())).body(plan(view));
    }

    @PostMapping(CASES + "/{id}/plan")
    ResponseEntity<CaseResources.PlanVanAanpak> setPlan(
            @PathVariable String id, IfMatch ifMatch, @RequestBody CaseResources.PlanVanAanpakVastleggen body) {
        List<CasePlans.GoalInput> goals = new ArrayList<>();
        if (body.doelen() != null) {
            for (CaseResources.Doel doel : body.doelen()) {
                goals.add(
                        doel == null
                                ? new CasePlans.GoalInput(null, null)
                                : new CasePlans.GoalInput(doel.soort(), doel.omschrijving()));
            }
        }
        CasePlans.CaseView view = plans.setPlan(
                uuid(id),
                ifMatch,
                new CasePlans.PlanInput(
                        goals, body.regisseurOrganisatie(), body.regisseurNaam(), body.herbeoordelingsdatum()),
                CasePlans.PLAN_WRITE);
        return ResponseEntity.ok().eTag(IfMatch.etag(view.c().revision())).body(plan(view));
    }

    @ApiResponse(responseCode = "201", description = "Toegevoegd", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Eerder toegevoegd met deze Idempotency-Key: de bestaande actie",
            useReturnTypeSchema = true)
    @PostMapping(CASES + "/{id}/acties")
    ResponseEntity<CaseResources.Actie> addAction(
            @PathVariable String id,
            @RequestBody CaseResources.NieuweActie body,
            @Parameter(description = "Een sleutel van de client: dezelfde sleutel maakt geen tweede actie")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    @Nullable
                    String idempotencyKey) {
        UUID caseId = uuid(id);
        String key = ReferralCheck.idempotencyKey(idempotencyKey);
        CasePlans.ActionAdded added = plans.addAction(
                caseId,
                new CasePlans.ActionInput(body.omschrijving(), body.eigenaar(), body.deadline()),
                key,
                CasePlans.ADD_ACTION);
        CaseResources.Actie actie = CaseResources.Actie.of(added.action(), time.today());
        return added.created()
                ? ResponseEntity.created(URI.create(ACTIONS + "/" + actie.id())).body(actie)
                : ResponseEntity.ok(actie);
    }

    @PostMapping(CASES + "/{id}/afsluiting")
    ResponseEntity<CaseResources.Casus> close(
            @PathVariable String id, IfMatch ifMatch, @RequestBody CaseResources.Afsluiting body) {
        CaseStore.CaseRow c = plans.close(
                uuid(id),
                ifMatch,
                new CasePlans.ClosingInput(body.uitkomst(), body.overgedragenAan(), body.reden()),
                CasePlans.CLOSE);
        return ResponseEntity.ok()
                .eTag(IfMatch.etag(c.revision()))
                .body(casus(
                        plans.view(c), addresses.labelsOf(List.of(c.address())).get(c.address())));
    }

    @GetMapping(ACTIONS)
    CaseResources.MijnActies myActions() {
        CasePlans.MyActions mine = plans.myActions(CasePlans.MY_ACTIONS);
        List<CasePlans.ActionInCase> all = new ArrayList<>(mine.own());
        all.addAll(mine.overdueAsRegisseur());
        Map<AddressId, String> labels =
                addresses.labelsOf(all.stream().map(a -> a.c().address()).toList());
        LocalDate today = time.today();
        return new CaseResources.MijnActies(
                mine.own().stream().map(a -> inCase(a, labels, today)).toList(),
                mine.overdueAsRegisseur().stream()
                        .map(a -> inCase(a, labels, today))
                        .toList());
    }

    @PostMapping(ACTIONS + "/{id}/statuswijzigingen")
    ResponseEntity<CaseResources.Actie> changeStatus(
            @PathVariable String id, IfMatch ifMatch, @RequestBody CaseResources.Statuswijziging body) {
        UUID action = uuid(id);
        CaseResources.Actie changed = CaseResources.Actie.of(
                plans.changeStatus(
                        action,
                        ifMatch,
                        new CasePlans.StatusInput(body.status(), body.toelichting()),
                        CasePlans.STATUS),
                time.today());
        return ResponseEntity.ok().eTag(changed.etag()).body(changed);
    }

    @GetMapping("/api/v1/adressen/{id}/casussen")
    List<CaseResources.CasusOpAdres> atAddress(@PathVariable String id) {
        AddressId address = AddressId.parse(id);
        return plans.atAddress(address, CasePlans.AT_ADDRESS).stream()
                .map(seen -> new CaseResources.CasusOpAdres(
                        seen.c().id(),
                        seen.c().number(),
                        seen.c().status().code(),
                        seen.c().zvhRegion(),
                        seen.c().regisseurOrganisation(),
                        seen.c().reviewDate(),
                        seen.c().closedOn(),
                        seen.c().outcome() == null ? null : seen.c().outcome().code(),
                        seen.mayOpen()))
                .toList();
    }

    @GetMapping("/api/v1/casusoverleg-cijfers")
    CaseResources.Casusoverlegcijfers figures(
            @Parameter(description = "Een afgelopen kalenderjaar; standaard het vorige jaar")
                    @RequestParam(required = false)
                    @Nullable
                    Integer jaar) {
        CaseCounts.Figures figures = counts.of(jaar);
        Map<String, nl.adreszicht.areascan.ProtectedCount> perOutcome = new LinkedHashMap<>();
        perOutcome.put(Outcome.VEILIGHEID_BEREIKT.code(), figures.safetyReached());
        perOutcome.put(Outcome.OVERGEDRAGEN.code(), figures.handedOver());
        perOutcome.put(Outcome.GESTOPT.code(), figures.stopped());
        return new CaseResources.Casusoverlegcijfers(
                figures.gemeente(),
                figures.year(),
                figures.referred(),
                figures.accepted(),
                figures.declined(),
                figures.closed(),
                perOutcome,
                figures.rules());
    }

    static CaseResources.Casus casus(CasePlans.CaseView view, @Nullable String label) {
        CaseStore.CaseRow c = view.c();
        return new CaseResources.Casus(
                c.id(),
                c.number(),
                c.status().code(),
                c.zvhRegion(),
                c.gemeente(),
                c.address().toString(),
                label,
                c.partners(),
                regisseur(c),
                c.reviewDate(),
                c.newRecordSince(),
                view.minutes().stream()
                        .map(m -> new CaseResources.Besluit(
                                m.meetingId(), m.heldOn(), m.discussed(), m.decisions(), m.risk()))
                        .toList(),
                c.outcome() == null
                        ? null
                        : new CaseResources.Afsluiting(c.outcome().code(), c.outcomeOrganisation(), c.outcomeReason()),
                view.runs() ? c.reason() : null);
    }

    private CaseResources.PlanVanAanpak plan(CasePlans.CaseView view) {
        LocalDate today = time.today();
        return new CaseResources.PlanVanAanpak(
                view.c().id(),
                view.goals().stream()
                        .map(goal -> new CaseResources.Doel(goal.kind(), goal.description()))
                        .toList(),
                regisseur(view.c()),
                view.c().reviewDate(),
                view.actions().stream()
                        .map(a -> CaseResources.Actie.of(a, today))
                        .toList());
    }

    private static CaseResources.ActieInCasus inCase(
            CasePlans.ActionInCase action, Map<AddressId, String> labels, LocalDate today) {
        return new CaseResources.ActieInCasus(
                CaseResources.Actie.of(action.action(), today),
                action.c().number(),
                labels.get(action.c().address()));
    }

    static CaseResources.@Nullable Regisseur regisseur(CaseStore.CaseRow c) {
        return c.regisseurOrganisation() == null
                ? null
                : new CaseResources.Regisseur(c.regisseurOrganisation(), c.regisseurName());
    }

    private static CaseStatus statusOf(String code) {
        return java.util.Arrays.stream(CaseStatus.values())
                .filter(status -> status.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("status", "validation.aanmeldingStatus.format"));
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.casusId.format");
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "Deze casus bestaat niet (of valt buiten uw scope).");
    }
}
