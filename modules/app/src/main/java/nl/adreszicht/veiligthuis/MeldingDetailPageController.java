package nl.adreszicht.veiligthuis;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One melding in the browser ({@code /meldingen/{id}}): what came in, where it stands, and the form for its
 * veiligheidsbeoordeling. The same service, region scope, protocol checks and logging as the API.
 */
@Controller
class MeldingDetailPageController {

    private final Meldingen meldingen;

    MeldingDetailPageController(Meldingen meldingen) {
        this.meldingen = meldingen;
    }

    /** The beoordeling form as typed: {@code ja}/{@code nee} and a status code. */
    record BeoordelingFormulier(
            @Nullable String acuteOnveiligheid,
            @Nullable String structureleOnveiligheid,
            @Nullable String statuscode) {}

    @GetMapping("/meldingen/{id}")
    String show(@PathVariable String id, Model model) {
        return page(model, melding(id, "melding.pagina"), new BeoordelingFormulier(null, null, null), Map.of());
    }

    @PostMapping("/meldingen/{id}/veiligheidsbeoordeling")
    String assess(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String acuteOnveiligheid,
            @RequestParam(required = false) @Nullable String structureleOnveiligheid,
            @RequestParam(required = false) @Nullable String statuscode,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UUID melding = uuid(id);
        BeoordelingFormulier form = new BeoordelingFormulier(acuteOnveiligheid, structureleOnveiligheid, statuscode);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            Boolean acute = invalid.collect(() -> yesNo("acuteOnveiligheid", acuteOnveiligheid));
            Boolean structural = invalid.collect(() -> yesNo("structureleOnveiligheid", structureleOnveiligheid));
            StatusCode code = invalid.collect(() -> MeldingApiController.statusCode(statuscode, false));
            invalid.throwIfAny();
            MeldingResource assessed = meldingen.assess(
                    melding, new Meldingen.Beoordeling(acute, structural, code), "melding.beoordelen.formulier");
            redirect.addFlashAttribute("assessed", assessed.registratienummer());
            return "redirect:/werkvoorraad";
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
        } catch (ConflictException refused) {
            // The protocol refused (and logged) the step; show the melding as it stands, in a request of its own.
            redirect.addFlashAttribute("conflict", "meldingen.beoordeling.conflict");
            return "redirect:/meldingen/" + melding;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, melding(id, "melding.pagina"), form, errors);
    }

    private String page(Model model, MeldingResource melding, BeoordelingFormulier form, Map<String, String> errors) {
        model.addAttribute("melding", melding);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "statuscodes",
                Arrays.stream(StatusCode.values()).filter(c -> !c.closing()).toList());
        return "melding";
    }

    private MeldingResource melding(String id, String action) {
        return meldingen
                .read(uuid(id), NewMelding.Kind.MELDING, action)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static UUID uuid(String id) {
        try {
            return MeldingApiController.id(id);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Boolean yesNo(String field, @Nullable String value) {
        if ("ja".equals(value)) {
            return true;
        }
        if ("nee".equals(value)) {
            return false;
        }
        throw new InvalidValueException(field, "meldingen.beoordeling.janee");
    }
}
