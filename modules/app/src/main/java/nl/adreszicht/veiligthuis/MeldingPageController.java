package nl.adreszicht.veiligthuis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.adreszicht.addresses.HouseNumber;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.addresses.Postcode;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Dutch pages of Veilig Thuis: the intake form for a melding (the same checks and intake as the API) and the
 * worklist of the professional's region. The veiligheidsbeoordeling and vervolg are API-only for now.
 */
@PageController
class MeldingPageController {

    private final MeldingIntakeCheck check;
    private final Meldingen meldingen;
    private final Werkvoorraad werkvoorraad;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;
    private final KnownAddresses knownAddresses;

    MeldingPageController(
            MeldingIntakeCheck check,
            Meldingen meldingen,
            Werkvoorraad werkvoorraad,
            ViolenceTypeCodes violenceTypes,
            DutchTime time,
            KnownAddresses knownAddresses) {
        this.check = check;
        this.meldingen = meldingen;
        this.werkvoorraad = werkvoorraad;
        this.violenceTypes = violenceTypes;
        this.time = time;
        this.knownAddresses = knownAddresses;
    }

    /** The form as text, shown back as typed when something is wrong. */
    record MeldingFormulier(
            @Nullable String zorgmeldingId,
            @Nullable String adresId,
            @Nullable String postcode,
            @Nullable String huisnummer,
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
                        null,
                        null,
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
        // Without a zorgmelding the professional names the address by postcode and house number; both are checked
        // with every other field, so one submission reports all errors at once.
        String addressId = blank(form.zorgmeldingId()) ? address(form, errors) : null;
        try {
            NewMelding checked = check.check(toRegistratie(form, addressId), NewMelding.Kind.MELDING);
            if (!errors.isEmpty()) {
                return show(model, locale, errors);
            }
            MeldingResource melding = meldingen.intake(checked, "meldingen.formulier.registreren");
            redirect.addFlashAttribute("registered", melding.registratienummer());
            return "redirect:/werkvoorraad";
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(error -> addError(errors, formField(error.field()), error.messageKey()));
        } catch (InvalidValueException invalid) {
            addError(errors, formField(invalid.field()), invalid.messageKey());
        } catch (ConflictException conflict) {
            errors.put("zorgmeldingId", "meldingen.form.conflict");
        }
        return show(model, locale, errors);
    }

    /** The id of the address the form names, or null with the reason under the postcode or house number field. */
    private @Nullable String address(MeldingFormulier form, Map<String, String> errors) {
        if (blank(form.postcode()) && blank(form.huisnummer()) && !blank(form.adresId())) {
            return form.adresId();
        }
        Postcode postcode = null;
        HouseNumber number = null;
        try {
            postcode = Postcode.parse(form.postcode() == null ? "" : form.postcode());
        } catch (InvalidValueException invalid) {
            errors.put("postcode", invalid.messageKey());
        }
        try {
            number = HouseNumber.parse(form.huisnummer() == null ? "" : form.huisnummer());
        } catch (InvalidValueException invalid) {
            errors.put("huisnummer", invalid.messageKey());
        }
        if (postcode == null || number == null) {
            return null;
        }
        Optional<AddressId> found = knownAddresses.idOf(postcode, number);
        if (found.isEmpty()) {
            errors.put("postcode", "meldingen.form.adres.notfound");
            return null;
        }
        return found.get().value().toString();
    }

    /** The address's own fields report a missing or unknown address; the check's "no address" would repeat it. */
    private static void addError(Map<String, String> errors, String field, String messageKey) {
        if (field.equals("adresId") && (errors.containsKey("postcode") || errors.containsKey("huisnummer"))) {
            return;
        }
        errors.putIfAbsent(field.equals("adresId") ? "postcode" : field, messageKey);
    }

    @GetMapping("/werkvoorraad")
    String worklist(
            @RequestParam(required = false) @Nullable String categorie,
            @RequestParam(required = false) @Nullable String soort,
            @RequestParam(required = false) @Nullable String sorteer,
            @RequestParam(required = false) @Nullable String na,
            @RequestParam(required = false) @Nullable Integer aantal,
            Model model) {
        WerkvoorraadApiController.Filter filter;
        try {
            filter = WerkvoorraadApiController.Filter.parse(categorie, soort, sorteer, na, aantal);
        } catch (InvalidValuesException invalid) {
            // A stale or edited address bar shows the first page of the whole list rather than an error page.
            filter = WerkvoorraadApiController.Filter.ALL;
        }
        Werkvoorraad.Lijst lijst = werkvoorraad.list(
                filter.categorie(),
                filter.soort(),
                filter.byReceipt(),
                filter.na(),
                filter.aantal(),
                "werkvoorraad.pagina");
        model.addAttribute("lijst", lijst);
        // The links to the first and the next page keep the filter, the sort and a page size asked for.
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/werkvoorraad");
        if (filter.categorie() != null) {
            page.queryParam("categorie", filter.categorie().code());
        }
        if (filter.soort() != null) {
            page.queryParam("soort", filter.soort().code());
        }
        page.queryParam("sorteer", filter.byReceipt() ? "ontvangen" : "uiterlijk");
        if (filter.aantal() != Werkvoorraad.DEFAULT_PAGE) {
            page.queryParam("aantal", filter.aantal());
        }
        model.addAttribute(
                "eerstePagina", filter.na() == null ? null : page.build().toUriString());
        model.addAttribute(
                "volgendePagina",
                lijst.volgende() == null
                        ? null
                        : page.queryParam("na", lijst.volgende()).build().toUriString());
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

    private static MeldingRegistratie toRegistratie(MeldingFormulier form, @Nullable String addressId) {
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
                fromPolice ? null : addressId,
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
