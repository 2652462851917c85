package nl.adreszicht.retention;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.time.DutchTime;
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
 * The privacy officer's page of destruction requests ({@code /vernietigingsaanvragen}): each with its deadline and
 * status, a form to record a new one, and per open request the forms to carry it out or refuse it with grounds.
 */
@PageController
class VernietigingPageController {

    private final Vernietigingsaanvragen aanvragen;
    private final DutchTime time;

    VernietigingPageController(Vernietigingsaanvragen aanvragen, DutchTime time) {
        this.aanvragen = aanvragen;
        this.time = time;
    }

    @GetMapping("/vernietigingsaanvragen")
    String list(Model model) {
        return page(model, "vernietigingsaanvragen.pagina", Map.of(), Map.of());
    }

    @PostMapping("/vernietigingsaanvragen")
    String register(
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>(fields);
        typed.remove("_csrf");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            RecordSource source = invalid.collect(() -> DestructionApiController.source(fields.get("bron")));
            String recordId = invalid.collect(() -> DestructionApiController.recordId(fields.get("registratieId")));
            LocalDate received = invalid.collect(() -> {
                LocalDate day = date("ontvangenOp", fields.get("ontvangenOp"));
                if (day.isAfter(time.today())) {
                    throw new InvalidValueException("ontvangenOp", "validation.datum.toekomst");
                }
                return day;
            });
            invalid.throwIfAny();
            aanvragen.register(source, recordId, received, "vernietigingsaanvragen.formulier.registreren");
            redirect.addFlashAttribute("done", "vernietiging.geregistreerd");
            return "redirect:/vernietigingsaanvragen";
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
        } catch (NotFoundException notFound) {
            errors.put("registratieId", "vernietiging.nietgevonden");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, "vernietigingsaanvragen.formulier.registreren", errors, typed);
    }

    @PostMapping("/vernietigingsaanvragen/{id}/weigering")
    String refuse(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String gronden,
            RedirectAttributes redirect) {
        UUID aanvraag = uuid(id);
        try {
            aanvragen.refuse(
                    aanvraag,
                    IfMatch.NOT_ASKED,
                    DestructionApiController.grounds(gronden),
                    "vernietigingsaanvraag.weigeren.formulier");
            redirect.addFlashAttribute("done", "vernietiging.geweigerd");
        } catch (InvalidValueException invalid) {
            redirect.addFlashAttribute("problem", invalid.messageKey());
        } catch (ConflictException | PreconditionFailedException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
        }
        return "redirect:/vernietigingsaanvragen";
    }

    @PostMapping("/vernietigingsaanvragen/{id}/uitvoering")
    String carryOut(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reden,
            RedirectAttributes redirect) {
        UUID aanvraag = uuid(id);
        try {
            aanvragen.carryOut(
                    aanvraag, IfMatch.NOT_ASKED, StatedReason.of(reden), "vernietigingsaanvraag.uitvoeren.formulier");
            redirect.addFlashAttribute("done", "vernietiging.uitgevoerd");
        } catch (InvalidValueException invalid) {
            redirect.addFlashAttribute("problem", invalid.messageKey());
        } catch (ConflictException | PreconditionFailedException | RefusedException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
        }
        return "redirect:/vernietigingsaanvragen";
    }

    private String page(Model model, String action, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("aanvragen", aanvragen.list(action));
        model.addAttribute("errors", errors);
        model.addAttribute("invoer", typed);
        model.addAttribute("vandaag", time.today());
        return "vernietigingsaanvragen";
    }

    private static UUID uuid(String id) {
        try {
            return DestructionApiController.aanvraagId(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static LocalDate date(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "NotNull");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "validation.datum.format");
        }
    }
}
