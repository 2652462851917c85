package nl.adreszicht.veiligthuis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch pages of Veilig Thuis: the intake form for a melding (the same checks and intake as the API) and the
 * worklist of the professional's region. The veiligheidsbeoordeling and vervolg are API-only for now.
 */
@Controller
class MeldingPageController {

    private final MeldingIntakeCheck check;
    private final Meldingen meldingen;
    private final Werkvoorraad werkvoorraad;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    MeldingPageController(
            MeldingIntakeCheck check,
            Meldingen meldingen,
            Werkvoorraad werkvoorraad,
            ViolenceTypeCodes violenceTypes,
            DutchTime time) {
        this.check = check;
        this.meldingen = meldingen;
        this.werkvoorraad = werkvoorraad;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    /** The form as text, shown back as typed when something is wrong. */
    record MeldingFormulier(
            @Nullable String zorgmeldingId,
            @Nullable String adresId,
            @Nullable String melderSector,
            @Nullable String melderNaam,
            @Nullable String melderContact,
            @Nullable String reden,
            @Nullable Boolean acuut,
            @Nullable List<String> geweldsvormen,
            @Nullable String slachtofferNaam,
            @Nullable String plegerNaam,
            @Nullable String kindNaam) {}

    @GetMapping("/meldingen/nieuw")
    String form(
            @RequestParam(name = "zorgmelding", required = false) @Nullable String zorgmelding,
            @RequestParam(name = "adres", required = false) @Nullable String address,
            Model model,
            Locale locale) {
        model.addAttribute(
                "form",
                new MeldingFormulier(
                        uuidOrNull(zorgmelding),
                        uuidOrNull(address),
                        zorgmelding == null ? null : "politie",
                        null,
                        null,
                        null,
                        false,
                        List.of(),
                        null,
                        null,
                        null));
        return show(model, locale, Map.of());
    }

    @PostMapping("/meldingen")
    String submit(@ModelAttribute MeldingFormulier form, Model model, Locale locale, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            MeldingResource melding = meldingen.intake(
                    check.check(toRegistratie(form), NewMelding.Kind.MELDING), "meldingen.formulier.registreren");
            redirect.addFlashAttribute("registered", melding.registratienummer());
            return "redirect:/werkvoorraad";
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(error -> errors.putIfAbsent(formField(error.field()), error.messageKey()));
        } catch (InvalidValueException invalid) {
            errors.put(formField(invalid.field()), invalid.messageKey());
        } catch (ResponseStatusException conflict) {
            errors.put("zorgmeldingId", "meldingen.form.conflict");
        }
        return show(model, locale, errors);
    }

    @GetMapping("/werkvoorraad")
    String worklist(
            @RequestParam(required = false) @Nullable String categorie,
            @RequestParam(required = false) @Nullable String soort,
            @RequestParam(required = false) @Nullable String sorteer,
            Model model) {
        WerkvoorraadApiController.Filter filter;
        try {
            filter = WerkvoorraadApiController.Filter.parse(categorie, soort, sorteer);
        } catch (InvalidValuesException invalid) {
            filter = new WerkvoorraadApiController.Filter(null, null, false);
        }
        model.addAttribute(
                "lijst",
                werkvoorraad.list(filter.categorie(), filter.soort(), filter.byReceipt(), "werkvoorraad.pagina"));
        model.addAttribute(
                "categorie",
                filter.categorie() == null ? "" : filter.categorie().code());
        model.addAttribute("sorteer", filter.byReceipt() ? "ontvangen" : "uiterlijk");
        return "werkvoorraad";
    }

    private String show(Model model, Locale locale, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("violenceTypes", violenceTypes.options(time.today(), locale));
        model.addAttribute("sectors", new TreeSet<>(MeldingIntakeCheck.SECTORS));
        return "meldingen-nieuw";
    }

    private static MeldingRegistratie toRegistratie(MeldingFormulier form) {
        List<MeldingRegistratie.Betrokkene> persons = new java.util.ArrayList<>();
        if (!blank(form.slachtofferNaam())) {
            persons.add(new MeldingRegistratie.Betrokkene("slachtoffer", null, form.slachtofferNaam(), null, null));
        }
        if (!blank(form.plegerNaam())) {
            persons.add(new MeldingRegistratie.Betrokkene("pleger", null, form.plegerNaam(), null, null));
        }
        if (!blank(form.kindNaam())) {
            persons.add(new MeldingRegistratie.Betrokkene("kind", null, form.kindNaam(), null, null));
        }
        boolean fromPolice = !blank(form.zorgmeldingId());
        return new MeldingRegistratie(
                blank(form.zorgmeldingId()) ? null : form.zorgmeldingId(),
                fromPolice || blank(form.adresId()) ? null : form.adresId(),
                null,
                new MeldingRegistratie.Melder(
                        blank(form.melderSector()) ? null : form.melderSector(),
                        form.melderNaam(),
                        form.melderContact()),
                blank(form.reden()) ? null : form.reden(),
                Boolean.TRUE.equals(form.acuut()),
                form.geweldsvormen() == null ? List.of() : List.copyOf(form.geweldsvormen()),
                persons);
    }

    /** The API names fields by the request; the form by its inputs. */
    private static String formField(String apiField) {
        if (apiField.startsWith("melder.")) {
            return "melder" + Character.toUpperCase(apiField.charAt(7)) + apiField.substring(8);
        }
        if (apiField.equals("melder")) {
            return "melderSector";
        }
        if (apiField.startsWith("betrokkenen[")) {
            return "slachtofferNaam";
        }
        return apiField.replaceAll("\\[\\d+]", "");
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** Only a well-formed id is carried into the form; anything else is dropped, never echoed. */
    private static @Nullable String uuidOrNull(@Nullable String text) {
        try {
            return text == null ? null : java.util.UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
