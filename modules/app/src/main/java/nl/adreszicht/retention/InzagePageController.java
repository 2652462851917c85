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
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The privacy officer's pages for inzage requests: the list with a form for a new request ({@code /inzageverzoeken}),
 * one request with its deadline, the exports, extension and completion ({@code /inzageverzoeken/{id}}). The same
 * service, scope and logging as the API.
 */
@PageController
class InzagePageController {

    private final Inzageverzoeken verzoeken;
    private final InzagePdf pdf;
    private final DutchTime time;

    InzagePageController(Inzageverzoeken verzoeken, InzagePdf pdf, DutchTime time) {
        this.verzoeken = verzoeken;
        this.pdf = pdf;
        this.time = time;
    }

    @GetMapping("/inzageverzoeken")
    String list(Model model) {
        return listPage(model, "inzageverzoeken.pagina", Map.of(), Map.of());
    }

    @PostMapping("/inzageverzoeken")
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
            LocalDate received = invalid.collect(() -> date("ontvangenOp", fields.get("ontvangenOp")));
            LocalDate born = blank(fields.get("geboortedatum"))
                    ? null
                    : invalid.collect(() -> date("geboortedatum", fields.get("geboortedatum")));
            invalid.throwIfAny();
            InzageCheck.Checked checked = InzageCheck.check(
                    received, fields.get("naam"), born, fields.get("adresId"), fields.get("bsn"), time.today());
            Inzageverzoeken.Verzoek verzoek =
                    verzoeken.register(checked.receivedOn(), checked.person(), "inzageverzoeken.formulier.registreren");
            redirect.addFlashAttribute("done", "inzage.geregistreerd");
            return "redirect:/inzageverzoeken/" + verzoek.id();
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return listPage(model, "inzageverzoeken.formulier.registreren", errors, typed);
    }

    @GetMapping("/inzageverzoeken/{id}")
    String show(@PathVariable String id, Model model) {
        return page(model, verzoeken.read(uuid(id), "inzageverzoek.pagina"), Map.of());
    }

    @GetMapping("/inzageverzoeken/{id}/export")
    ResponseEntity<?> export(@PathVariable String id, @RequestParam(required = false) @Nullable String formaat) {
        UUID verzoek = uuid(id);
        try {
            return InzageApiController.exported(verzoeken, pdf, verzoek, formaat, "inzageverzoek.export.pagina");
        } catch (NotFoundException | InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @PostMapping("/inzageverzoeken/{id}/verlenging")
    String extend(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reden,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID verzoek = uuid(id);
        try {
            verzoeken.extend(verzoek, IfMatch.NOT_ASKED, StatedReason.of(reden), "inzageverzoek.verlengen.formulier");
            redirect.addFlashAttribute("done", "inzage.verlengd");
        } catch (InvalidValueException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(
                    model,
                    verzoeken.read(verzoek, "inzageverzoek.verlengen.formulier"),
                    Map.of(invalid.field(), invalid.messageKey()));
        } catch (ConflictException | PreconditionFailedException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
        }
        return "redirect:/inzageverzoeken/" + verzoek;
    }

    @PostMapping("/inzageverzoeken/{id}/afronding")
    String complete(@PathVariable String id, RedirectAttributes redirect) {
        UUID verzoek = uuid(id);
        try {
            verzoeken.complete(verzoek, IfMatch.NOT_ASKED, "inzageverzoek.afronden.formulier");
            redirect.addFlashAttribute("done", "inzage.afgerond");
        } catch (ConflictException | PreconditionFailedException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
        }
        return "redirect:/inzageverzoeken/" + verzoek;
    }

    private String listPage(Model model, String action, Map<String, String> errors, Map<String, String> typed) {
        model.addAttribute("verzoeken", verzoeken.list(action));
        model.addAttribute("errors", errors);
        model.addAttribute("invoer", typed);
        model.addAttribute("vandaag", time.today());
        return "inzageverzoeken";
    }

    private String page(Model model, Inzageverzoeken.Verzoek verzoek, Map<String, String> errors) {
        model.addAttribute("verzoek", verzoek);
        model.addAttribute("errors", errors);
        return "inzageverzoek";
    }

    private static UUID uuid(String id) {
        try {
            return InzageApiController.id(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static LocalDate date(String field, @Nullable String text) {
        if (blank(text)) {
            throw new InvalidValueException(field, "NotNull");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "validation.datum.format");
        }
    }
}
