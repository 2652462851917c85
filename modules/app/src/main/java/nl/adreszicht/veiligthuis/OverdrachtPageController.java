package nl.adreszicht.veiligthuis;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.records.StatedReason;
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
 * The lokaal team's pages: the inbox of overdrachten of its gemeente ({@code /overdrachten}) and one offer with the
 * forms to accept or refuse it ({@code /overdrachten/{id}}). The same service, scope and logging as the API.
 */
@PageController
class OverdrachtPageController {

    private final Overdrachten overdrachten;

    OverdrachtPageController(Overdrachten overdrachten) {
        this.overdrachten = overdrachten;
    }

    @GetMapping("/overdrachten")
    String inbox(Model model) {
        model.addAttribute("regels", overdrachten.inbox("overdrachten.pagina"));
        model.addAttribute("berichten", overdrachten.collegeNotices());
        return "overdrachten";
    }

    @GetMapping("/overdrachten/{id}")
    String show(@PathVariable String id, Model model) {
        return page(model, id, "overdracht.pagina", Map.of(), "");
    }

    @PostMapping("/overdrachten/{id}/acceptatie")
    String accept(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            RedirectAttributes redirect) {
        UUID overdracht = uuid(id);
        try {
            overdrachten.accept(
                    overdracht, MeldingDetailPageController.ifMatch(revisie), "overdracht.accepteren.formulier");
            redirect.addFlashAttribute("done", "overdracht.geaccepteerd");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
        } catch (PreconditionFailedException stale) {
            redirect.addFlashAttribute("conflict", STALE);
        }
        return "redirect:/overdrachten/" + overdracht;
    }

    @PostMapping("/overdrachten/{id}/weigering")
    String refuse(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String reden,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID overdracht = uuid(id);
        try {
            overdrachten.refuse(
                    overdracht,
                    MeldingDetailPageController.ifMatch(revisie),
                    StatedReason.of(reden),
                    "overdracht.weigeren.formulier");
            redirect.addFlashAttribute("done", "overdracht.geweigerd");
            return "redirect:/overdrachten/" + overdracht;
        } catch (InvalidValueException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(invalid.field(), invalid.messageKey());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, id, "overdracht.weigeren.formulier", errors, reden == null ? "" : reden);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
            return "redirect:/overdrachten/" + overdracht;
        } catch (PreconditionFailedException stale) {
            redirect.addFlashAttribute("conflict", STALE);
            return "redirect:/overdrachten/" + overdracht;
        }
    }

    /** The notice when the case changed since the page showed the offer (a colleague answered, VT changed it). */
    static final String STALE = "overdracht.intussenGewijzigd";

    private String page(Model model, String id, String action, Map<String, String> errors, String reason) {
        model.addAttribute(
                "overdracht",
                overdrachten
                        .read(uuid(id), action)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("errors", errors);
        model.addAttribute("reden", reason);
        return "overdracht";
    }

    private static UUID uuid(String id) {
        try {
            return OverdrachtApiController.id(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
