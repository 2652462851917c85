package nl.adreszicht.incidents;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.NumberedRegistration;
import nl.adreszicht.records.PageController;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch registration form for police officers: the same checks and the same registration as the API, so
 * that a form and a police system can never disagree about what is a valid incident.
 */
@PageController
class IncidentPageController {

    private final IncidentRegistrationCheck check;
    private final IncidentRegister register;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;
    private final Zorgmeldingen zorgmeldingen;

    IncidentPageController(
            IncidentRegistrationCheck check,
            IncidentRegister register,
            ViolenceTypeCodes violenceTypes,
            DutchTime time,
            Zorgmeldingen zorgmeldingen) {
        this.check = check;
        this.register = register;
        this.violenceTypes = violenceTypes;
        this.time = time;
        this.zorgmeldingen = zorgmeldingen;
    }

    /** The form, bound as a record of text: what was typed is shown back as typed when something is wrong. */
    record IncidentFormulier(
            @Nullable String adresId,
            @Nullable String registratienummer,
            @Nullable String datum,
            @Nullable String tijd,
            @Nullable String ernst,
            @Nullable List<String> geweldsvormen,
            @Nullable Boolean kinderenAanwezig,
            @Nullable Boolean letsel,
            @Nullable Boolean wapen,
            @Nullable Boolean alcoholDrugs,
            @Nullable Boolean aangifte,
            @Nullable Boolean huisverbodOpgelegd,
            @Nullable Boolean huisverbodOvertreden,
            @Nullable String toelichting,
            @Nullable String slachtofferNaam,
            @Nullable String slachtofferRelatie,
            @Nullable String plegerNaam,
            @Nullable String plegerRelatie,
            @Nullable String zorgen) {}

    @GetMapping("/incidenten/nieuw")
    String form(@RequestParam("adres") String address, Model model, Locale locale) {
        AddressId id = parseAddress(address);
        model.addAttribute(
                "form",
                new IncidentFormulier(
                        id.toString(),
                        null,
                        time.today().toString(),
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "partner",
                        null,
                        "partner",
                        null));
        return show(model, locale, Map.of());
    }

    @PostMapping("/incidenten")
    String submit(@ModelAttribute IncidentFormulier form, Model model, Locale locale, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        // A zorgmelding is optional: when the officer describes a concern, it goes to Veilig Thuis with the incident.
        String concern = form.zorgen() == null ? "" : form.zorgen().strip();
        if (!concern.isEmpty() && (concern.length() < 10 || concern.length() > 1000)) {
            errors.put("zorgen", "validation.zorgen.length");
        }
        try {
            NewIncident incident = check.check(toRegistratie(form));
            if (!errors.isEmpty()) {
                return show(model, locale, errors);
            }
            NumberedRegistration<IncidentResource> registration =
                    register.register(incident, "incidenten.formulier.registreren");
            redirect.addFlashAttribute("registered", registration.created() ? "created" : "existing");
            if (!concern.isEmpty()) {
                zorgmeldingen.send(
                        java.util.UUID.fromString(registration.record().id()), concern);
                redirect.addFlashAttribute("zorgmelding", true);
            }
            return "redirect:/adressen/" + form.adresId();
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(error -> errors.putIfAbsent(formField(error.field()), error.messageKey()));
        } catch (InvalidValueException invalid) {
            errors.put(formField(invalid.field()), invalid.messageKey());
        } catch (ConflictException conflict) {
            errors.put("registratienummer", "incidenten.form.conflict");
        }
        return show(model, locale, errors);
    }

    private String show(Model model, Locale locale, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("violenceTypes", violenceTypes.options(time.today(), locale));
        return "incidenten-nieuw";
    }

    /** From the form's text to the API's request: one set of rules for both. */
    private IncidentRegistratie toRegistratie(IncidentFormulier form) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        LocalDate date = invalid.collect(() -> parse(form.datum(), "datum", LocalDate::parse));
        LocalTime time = invalid.collect(() -> parse(form.tijd(), "tijd", LocalTime::parse));
        invalid.throwIfAny();
        List<IncidentRegistratie.Betrokkene> persons = new ArrayList<>();
        persons.add(new IncidentRegistratie.Betrokkene(
                "slachtoffer", form.slachtofferRelatie(), form.slachtofferNaam(), null, null));
        if (form.plegerNaam() != null && !form.plegerNaam().isBlank()) {
            persons.add(
                    new IncidentRegistratie.Betrokkene("pleger", form.plegerRelatie(), form.plegerNaam(), null, null));
        }
        return new IncidentRegistratie(
                form.registratienummer(),
                date.atTime(time).atZone(DutchTime.ZONE).toOffsetDateTime(),
                DutchTime.ZONE_ID,
                form.adresId(),
                form.geweldsvormen() == null ? List.of() : List.copyOf(form.geweldsvormen()),
                form.ernst(),
                yes(form.kinderenAanwezig()),
                yes(form.letsel()),
                yes(form.wapen()),
                yes(form.alcoholDrugs()),
                yes(form.aangifte()),
                yes(form.huisverbodOpgelegd()),
                yes(form.huisverbodOvertreden()),
                form.toelichting() == null || form.toelichting().isBlank() ? null : form.toelichting(),
                persons);
    }

    /** The API names fields by the request; the form by its inputs. */
    private static String formField(String apiField) {
        if (apiField.startsWith("betrokkenen[0].")) {
            return "slachtoffer" + capitalised(apiField.substring("betrokkenen[0].".length()));
        }
        if (apiField.startsWith("betrokkenen[1].")) {
            return "pleger" + capitalised(apiField.substring("betrokkenen[1].".length()));
        }
        return apiField.equals("tijdstip") ? "datum" : apiField.replaceAll("\\[\\d+]", "");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean yes(@Nullable Boolean checked) {
        return Boolean.TRUE.equals(checked);
    }

    private static <T> T parse(@Nullable String text, String field, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "incidenten.form.error." + field);
        }
    }

    private static AddressId parseAddress(String text) {
        try {
            return AddressId.parse(text);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }
}
