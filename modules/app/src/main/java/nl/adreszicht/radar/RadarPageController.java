package nl.adreszicht.radar;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.security.CurrentProfessional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The radar in the browser: the address history page, breaking the glass from it when the address lies outside the
 * professional's region, and the supervisors' review page. Same services, scope and logging as the API.
 */
@PageController
class RadarPageController {

    static final String HISTORY_PAGE = "adres.historie.pagina";
    static final String BREAK_FORM = "adres.doorbreken.formulier";
    static final String QUEUE_PAGE = "doorbraken.pagina";
    static final String REVIEW_FORM = "doorbraak.beoordelen.formulier";

    private final AddressHistory history;
    private final BreakTheGlass breakTheGlass;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    RadarPageController(
            AddressHistory history,
            BreakTheGlass breakTheGlass,
            AccessLog accessLog,
            CurrentProfessional currentProfessional) {
        this.history = history;
        this.breakTheGlass = breakTheGlass;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/adressen/{id}/historie")
    String history(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String van,
            @RequestParam(required = false) @Nullable String tot,
            @RequestParam(required = false) @Nullable String soort,
            Model model,
            HttpServletResponse response) {
        AddressId address = address(id);
        model.addAttribute("addressId", address.toString());
        model.addAttribute("types", HistoryEntry.Type.values());
        model.addAttribute("filter", new Filterformulier(van, tot, soort));
        AddressHistory.Filter filter;
        try {
            filter = RadarApiController.filter(van, tot, soort == null || soort.isBlank() ? null : List.of(soort));
        } catch (InvalidValuesException invalid) {
            model.addAttribute("errors", errors(invalid));
            filter = new AddressHistory.Filter(null, null, java.util.Set.of());
        }
        try {
            AddressHistory.History found = history.read(address, filter, HISTORY_PAGE);
            model.addAttribute("history", found);
        } catch (RefusedException refused) {
            // Outside the region: the page explains and offers break-the-glass, with the refusal's status.
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("outsideRegion", true);
        }
        return "adreshistorie";
    }

    @PostMapping("/adressen/{id}/doorbraken")
    String breakTheGlass(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reden,
            Model model,
            HttpServletResponse response) {
        AddressId address = address(id);
        if (history.inRegion(address)) {
            return "redirect:/adressen/" + address + "/historie";
        }
        if (!history.exists(address)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            breakTheGlass.grant(address, reden == null ? "" : reden, currentProfessional.require());
        } catch (InvalidValueException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("addressId", address.toString());
            model.addAttribute("types", HistoryEntry.Type.values());
            model.addAttribute("filter", new Filterformulier(null, null, null));
            model.addAttribute("outsideRegion", true);
            model.addAttribute("reden", reden);
            model.addAttribute("errors", Map.of(invalid.field(), invalid.messageKey()));
            return "adreshistorie";
        }
        accessLog.record(new AccessEntry(AccessKind.BREAK_THE_GLASS, BREAK_FORM, "adres", address.toString(), true));
        return "redirect:/adressen/" + address + "/historie";
    }

    @GetMapping("/doorbraken")
    String queue(Model model) {
        accessLog.record(new AccessEntry(AccessKind.LEZEN, QUEUE_PAGE, "doorbraken", null, false));
        model.addAttribute("grants", breakTheGlass.queue(currentProfessional.require()));
        model.addAttribute("me", currentProfessional.require().subject());
        return "doorbraken";
    }

    @PostMapping("/doorbraken/{id}/beoordeling")
    String review(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String oordeel,
            @RequestParam(required = false) @Nullable String toelichting,
            RedirectAttributes redirect) {
        UUID grant;
        try {
            grant = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        accessLog.record(AccessEntry.of(AccessKind.WIJZIGEN, REVIEW_FORM, "doorbraak", grant.toString()));
        try {
            Optional<BreakTheGlass.Grant> reviewed = breakTheGlass.review(
                    grant,
                    IfMatch.NOT_ASKED,
                    oordeel == null ? "" : oordeel,
                    toelichting,
                    currentProfessional.require());
            redirect.addFlashAttribute("message", reviewed.isPresent() ? "doorbraken.reviewed" : "doorbraken.notfound");
        } catch (InvalidValueException invalid) {
            redirect.addFlashAttribute("message", invalid.messageKey());
        } catch (ConflictException | PreconditionFailedException reviewed) {
            redirect.addFlashAttribute("message", "doorbraken.already");
        } catch (RefusedException own) {
            redirect.addFlashAttribute("message", "doorbraken.own");
        }
        return "redirect:/doorbraken";
    }

    private static AddressId address(String id) {
        try {
            return AddressId.parse(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Map<String, String> errors(InvalidValuesException invalid) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
        return errors;
    }

    /** The history page's filter, as typed. */
    record Filterformulier(
            @Nullable String van,
            @Nullable String tot,
            @Nullable String soort) {}
}
