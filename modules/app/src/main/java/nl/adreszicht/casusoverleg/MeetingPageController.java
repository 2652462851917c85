package nl.adreszicht.casusoverleg;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch pages of the meetings: the list with the planning form, one meeting (its confidentiality statement first;
 * then attendance and the agenda with minutes per case, recorded in place with htmx), and the printable agenda.
 */
@PageController
class MeetingPageController {

    private final Meetings meetings;
    private final ZvhRegions regions;
    private final KnownAddresses addresses;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    MeetingPageController(
            Meetings meetings,
            ZvhRegions regions,
            KnownAddresses addresses,
            CurrentProfessional currentProfessional,
            DutchTime time) {
        this.meetings = meetings;
        this.regions = regions;
        this.addresses = addresses;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    record OverlegFormulier(
            @Nullable String datum,
            @Nullable String aanvang,
            @Nullable List<String> gemeenten) {}

    record VerslagFormulier(
            @Nullable String besproken,
            @Nullable String besluiten,
            @Nullable String risico) {}

    @GetMapping("/overleggen")
    String list(Model model) {
        show(model, new OverlegFormulier(time.today().plusDays(7).toString(), "09:30", null), Map.of());
        return "overleggen";
    }

    @PostMapping("/overleggen")
    String plan(@ModelAttribute OverlegFormulier form, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        java.time.LocalDate date = errors.date(form.datum(), "datum");
        try {
            if (errors.isEmpty()) {
                Meetings.Planned planned = meetings.plan(
                        new Meetings.MeetingInput(
                                date,
                                form.aanvang(),
                                form.gemeenten() == null ? List.of() : form.gemeenten(),
                                List.of()),
                        Meetings.PLAN_FORM);
                redirect.addFlashAttribute("planned", planned.created() ? "created" : "existing");
                return "redirect:/overleggen/" + planned.meeting().id();
            }
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        show(model, form, errors.map());
        return "overleggen";
    }

    @GetMapping("/overleggen/{id}")
    String read(@PathVariable String id, Model model) {
        Meetings.MeetingView view =
                meetings.read(uuid(id), Meetings.READ_PAGE).orElseThrow(CasePageController::notFound);
        model.addAttribute("view", view);
        model.addAttribute(
                "house",
                regions.nameOf(view.meeting().zvhRegion()).orElse(view.meeting().zvhRegion()));
        model.addAttribute(
                "labels",
                addresses.labelsOf(view.items().stream()
                        .map(item -> item.c().c().address())
                        .toList()));
        model.addAttribute("today", time.today());
        model.addAttribute("errors", Map.of());
        return "overleg";
    }

    @PostMapping("/overleggen/{id}/geheimhouding")
    String accept(@PathVariable String id) {
        UUID meeting = uuid(id);
        meetings.acceptStatement(meeting, Meetings.STATEMENT_FORM);
        return "redirect:/overleggen/" + meeting + "#agenda";
    }

    /** The minutes of one case: with htmx the agenda item comes back in place; without, the meeting page. */
    @PostMapping("/overleggen/{id}/casussen/{casusId}/verslag")
    String minutes(
            @PathVariable String id,
            @PathVariable String casusId,
            @ModelAttribute VerslagFormulier form,
            Model model,
            HttpServletRequest request) {
        UUID meeting = uuid(id);
        UUID caseId = uuid(casusId);
        FormErrors errors = new FormErrors();
        boolean saved = false;
        try {
            meetings.recordMinutes(
                    meeting,
                    caseId,
                    IfMatch.NOT_ASKED,
                    new Meetings.MinutesInput(form.besproken(), form.besluiten(), form.risico()),
                    Meetings.MINUTES_FORM);
            saved = true;
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        }
        if (!"true".equals(request.getHeader("HX-Request")) && saved) {
            return "redirect:/overleggen/" + meeting + "#casus-" + caseId;
        }
        Meetings.MeetingView view = meetings.viewAfterAccepting(meeting).orElseThrow(CasePageController::notFound);
        Meetings.Item item = view.items().stream()
                .filter(i -> i.row().caseId().equals(caseId))
                .findFirst()
                .orElseThrow(CasePageController::notFound);
        model.addAttribute("view", view);
        model.addAttribute("item", item);
        model.addAttribute("labels", addresses.labelsOf(List.of(item.c().c().address())));
        model.addAttribute("today", time.today());
        model.addAttribute("itemErrors", errors.map());
        model.addAttribute("tried", saved ? null : form);
        model.addAttribute("saved", saved);
        return "overleg-punt :: item";
    }

    @GetMapping("/overleggen/{id}/agenda")
    String printable(@PathVariable String id, Model model) {
        Meetings.PrintedAgenda agenda = meetings.printable(uuid(id)).orElseThrow(CasePageController::notFound);
        model.addAttribute("agenda", agenda);
        model.addAttribute(
                "house",
                regions.nameOf(agenda.meeting().zvhRegion())
                        .orElse(agenda.meeting().zvhRegion()));
        return "overleg-agenda";
    }

    private void show(Model model, OverlegFormulier form, Map<String, String> errors) {
        Professional professional = currentProfessional.require();
        model.addAttribute("meetings", meetings.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", time.today());
        boolean runs = professional.has(Role.ZVH_PROCESREGISSEUR)
                && professional.zvhRegion().isPresent();
        model.addAttribute("runs", runs);
        model.addAttribute(
                "regionGemeenten",
                runs ? regions.namedGemeentenOf(professional.zvhRegion().get()) : Map.of());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw CasePageController.notFound();
        }
    }
}
