package nl.adreszicht.casusoverleg;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch pages of the cases: the list (the procesregisseur's worklist with overdue actions and review dates, a
 * partner's invited cases), one case with its plan van aanpak (actions with inline status updates), "mijn acties",
 * and the part of the address page that says whether a case exists there. The same services as the API.
 */
@PageController
class CasePageController {

    private final CasePlans plans;
    private final KnownAddresses addresses;
    private final Organisations organisations;
    private final DutchTime time;

    CasePageController(CasePlans plans, KnownAddresses addresses, Organisations organisations, DutchTime time) {
        this.plans = plans;
        this.addresses = addresses;
        this.organisations = organisations;
        this.time = time;
    }

    /** The plan form: goals as parallel lists (kind and description per row), the regisseur and the review date. */
    record PlanFormulier(
            @Nullable List<String> doelSoort,
            @Nullable List<String> doelOmschrijving,
            @Nullable String regisseurOrganisatie,
            @Nullable String regisseurNaam,
            @Nullable String herbeoordelingsdatum) {}

    record ActieFormulier(
            @Nullable String omschrijving,
            @Nullable String eigenaar,
            @Nullable String deadline,
            @Nullable String sleutel) {}

    record StatusFormulier(
            @Nullable String status,
            @Nullable String toelichting,
            @Nullable String terug) {}

    record AfsluitFormulier(
            @Nullable String uitkomst,
            @Nullable String overgedragenAan,
            @Nullable String reden) {}

    @GetMapping("/casussen")
    String list(Model model) {
        List<CaseStore.CaseRow> cases = plans.list(CasePlans.LIST_PAGE);
        model.addAttribute("cases", cases);
        model.addAttribute("overdue", plans.overdue(cases));
        model.addAttribute(
                "labels",
                addresses.labelsOf(
                        cases.stream().map(CaseStore.CaseRow::address).toList()));
        model.addAttribute("today", time.today());
        return "casussen";
    }

    @GetMapping("/casussen/{id}")
    String read(@PathVariable String id, Model model) {
        CasePlans.CaseView view = plans.read(uuid(id), CasePlans.READ_PAGE).orElseThrow(CasePageController::notFound);
        show(view, model, Map.of(), null, null, null);
        return "casus";
    }

    @PostMapping("/casussen/{id}/plan")
    String plan(@PathVariable String id, @ModelAttribute PlanFormulier form, Model model, RedirectAttributes redirect) {
        UUID caseId = uuid(id);
        FormErrors errors = new FormErrors();
        LocalDate review = errors.date(form.herbeoordelingsdatum(), "herbeoordelingsdatum");
        List<CasePlans.GoalInput> goals = new ArrayList<>();
        List<String> kinds = form.doelSoort() == null ? List.of() : form.doelSoort();
        List<String> descriptions = form.doelOmschrijving() == null ? List.of() : form.doelOmschrijving();
        for (int i = 0; i < Math.max(kinds.size(), descriptions.size()); i++) {
            String description = i < descriptions.size() ? descriptions.get(i) : null;
            String kind = i < kinds.size() ? kinds.get(i) : null;
            // An empty row of the form is no goal; a kind alone (the select always sends one) is none either.
            goals.add(new CasePlans.GoalInput(CasePlans.blank(description) ? null : kind, description));
        }
        try {
            if (errors.isEmpty()) {
                plans.setPlan(
                        caseId,
                        IfMatch.NOT_ASKED,
                        new CasePlans.PlanInput(goals, form.regisseurOrganisatie(), form.regisseurNaam(), review),
                        CasePlans.PLAN_FORM);
                redirect.addFlashAttribute("saved", "plan");
                return "redirect:/casussen/" + caseId;
            }
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        return again(caseId, model, errors, form, null, null);
    }

    @PostMapping("/casussen/{id}/acties")
    String addAction(
            @PathVariable String id, @ModelAttribute ActieFormulier form, Model model, RedirectAttributes redirect) {
        UUID caseId = uuid(id);
        FormErrors errors = new FormErrors();
        LocalDate deadline = errors.date(form.deadline(), "deadline");
        try {
            if (errors.isEmpty()) {
                plans.addAction(
                        caseId,
                        new CasePlans.ActionInput(form.omschrijving(), form.eigenaar(), deadline),
                        ReferralCheck.idempotencyKey(form.sleutel()),
                        CasePlans.ADD_ACTION_FORM);
                redirect.addFlashAttribute("saved", "actie");
                return "redirect:/casussen/" + caseId + "#acties";
            }
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        return again(caseId, model, errors, null, form, null);
    }

    @PostMapping("/casussen/{id}/afsluiting")
    String close(
            @PathVariable String id, @ModelAttribute AfsluitFormulier form, Model model, RedirectAttributes redirect) {
        UUID caseId = uuid(id);
        FormErrors errors = new FormErrors();
        try {
            plans.close(
                    caseId,
                    IfMatch.NOT_ASKED,
                    new CasePlans.ClosingInput(form.uitkomst(), form.overgedragenAan(), form.reden()),
                    CasePlans.CLOSE_FORM);
            redirect.addFlashAttribute("saved", "gesloten");
            return "redirect:/casussen/" + caseId;
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        return again(caseId, model, errors, null, null, form);
    }

    /**
     * The status of one action, from its row: with htmx the row comes back in place (with its error, if any);
     * without, the page the form was on.
     */
    @PostMapping("/acties/{id}/status")
    String status(
            @PathVariable String id,
            @ModelAttribute StatusFormulier form,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID actionId = uuid(id);
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        FormErrors errors = new FormErrors();
        CaseStore.ActionRow action = null;
        try {
            action = plans.changeStatus(
                    actionId,
                    IfMatch.NOT_ASKED,
                    new CasePlans.StatusInput(form.status(), form.toelichting()),
                    CasePlans.STATUS_FORM);
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        CasePlans.ActionInCase shown = plans.actionAsSeen(actionId);
        if (htmx) {
            model.addAttribute("a", shown.action());
            model.addAttribute("c", shown.c());
            model.addAttribute("mayUpdate", plans.mayUpdate(shown));
            model.addAttribute("showCase", "acties".equals(form.terug()));
            model.addAttribute("today", time.today());
            model.addAttribute("rowErrors", errors.map());
            model.addAttribute("tried", form);
            model.addAttribute("updated", action != null);
            return "casus-actie :: row";
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute(
                    "statusError", errors.map().values().iterator().next());
        } else {
            redirect.addFlashAttribute("saved", "status");
        }
        return "acties".equals(form.terug())
                ? "redirect:/acties"
                : "redirect:/casussen/" + shown.c().id() + "#acties";
    }

    @GetMapping("/acties")
    String myActions(Model model) {
        CasePlans.MyActions mine = plans.myActions(CasePlans.MY_ACTIONS_PAGE);
        List<CasePlans.ActionInCase> all = new ArrayList<>(mine.own());
        all.addAll(mine.overdueAsRegisseur());
        model.addAttribute("mine", mine);
        model.addAttribute(
                "labels",
                addresses.labelsOf(all.stream().map(a -> a.c().address()).toList()));
        model.addAttribute("today", time.today());
        return "acties";
    }

    /** The part of the address page about the casusoverleg, loaded by htmx: whether a case exists, as the viewer may. */
    @GetMapping("/adressen/{id}/casus")
    String atAddress(@PathVariable String id, Model model) {
        AddressId address;
        try {
            address = AddressId.parse(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("seen", plans.atAddress(address, CasePlans.AT_ADDRESS_FRAGMENT));
        return "adres-casus :: casus";
    }

    private String again(
            UUID caseId,
            Model model,
            FormErrors errors,
            @Nullable PlanFormulier plan,
            @Nullable ActieFormulier action,
            @Nullable AfsluitFormulier closing) {
        CasePlans.CaseView view = plans.read(caseId, CasePlans.READ_PAGE).orElseThrow(CasePageController::notFound);
        show(view, model, errors.map(), plan, action, closing);
        return "casus";
    }

    private void show(
            CasePlans.CaseView view,
            Model model,
            Map<String, String> errors,
            @Nullable PlanFormulier plan,
            @Nullable ActieFormulier action,
            @Nullable AfsluitFormulier closing) {
        model.addAttribute("view", view);
        model.addAttribute("c", view.c());
        model.addAttribute(
                "label",
                addresses.labelsOf(List.of(view.c().address())).get(view.c().address()));
        model.addAttribute("today", time.today());
        model.addAttribute("errors", errors);
        model.addAttribute("planForm", plan == null ? planForm(view) : plan);
        model.addAttribute("goalRows", goalRows(plan == null ? planForm(view) : plan));
        model.addAttribute(
                "actionForm",
                action == null
                        ? new ActieFormulier(null, null, null, UUID.randomUUID().toString())
                        : action);
        model.addAttribute("closeForm", closing == null ? new AfsluitFormulier(null, null, null) : closing);
        model.addAttribute("organisations", organisations.ofKinds(CasePlans.PARTNER_KINDS));
    }

    private static PlanFormulier planForm(CasePlans.CaseView view) {
        return new PlanFormulier(
                view.goals().stream().map(CaseStore.Goal::kind).toList(),
                view.goals().stream().map(CaseStore.Goal::description).toList(),
                view.c().regisseurOrganisation(),
                view.c().regisseurName(),
                view.c().reviewDate() == null ? null : view.c().reviewDate().toString());
    }

    /** The goal rows of the form: those given, and empty ones to add more (at least four rows in all). */
    record GoalRow(int index, String kind, String description) {}

    private static List<GoalRow> goalRows(PlanFormulier form) {
        List<String> kinds = form.doelSoort() == null ? List.of() : form.doelSoort();
        List<String> descriptions = form.doelOmschrijving() == null ? List.of() : form.doelOmschrijving();
        int filled = 0;
        for (int i = 0; i < descriptions.size(); i++) {
            if (!CasePlans.blank(descriptions.get(i))) {
                filled = i + 1;
            }
        }
        int rows = Math.min(CasePlans.MAX_GOALS, Math.max(4, filled + 2));
        List<GoalRow> result = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            result.add(new GoalRow(
                    i,
                    i < kinds.size() && !CasePlans.blank(kinds.get(i))
                            ? kinds.get(i)
                            : (i == 0 ? "veiligheid" : "herstel"),
                    i < descriptions.size() && descriptions.get(i) != null ? descriptions.get(i) : ""));
        }
        return result;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
