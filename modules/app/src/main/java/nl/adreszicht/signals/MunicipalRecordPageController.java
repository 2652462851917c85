package nl.adreszicht.signals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch registration form for gemeente-medewerkers: the same checks and the same registration as the API, so a
 * form and a municipal system can never disagree about what is a valid signaal or huisverbod. The form shows the
 * fields of both kinds; only those of the chosen kind are passed on.
 */
@PageController
class MunicipalRecordPageController {

    private final MunicipalRecordCheck check;
    private final MunicipalRecordRegister register;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    MunicipalRecordPageController(
            MunicipalRecordCheck check,
            MunicipalRecordRegister register,
            ViolenceTypeCodes violenceTypes,
            DutchTime time) {
        this.check = check;
        this.register = register;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    /** The form, bound as a record of text: what was typed is shown back as typed when something is wrong. */
    record GemeenteRegistratieFormulier(
            @Nullable String adresId,
            @Nullable String soort,
            @Nullable String registratienummer,
            @Nullable String datum,
            @Nullable List<String> geweldsvormen,
            @Nullable String ernst,
            @Nullable Boolean kinderenAanwezig,
            @Nullable String einddatum,
            @Nullable Boolean overtreden,
            @Nullable String overtredenOp,
            @Nullable String toelichting) {}

    @GetMapping("/gemeenteregistraties/nieuw")
    String form(@RequestParam("adres") String address, Model model, Locale locale) {
        AddressId id = parseAddress(address);
        model.addAttribute(
                "form",
                new GemeenteRegistratieFormulier(
                        id.toString(), null, null, today().toString(), List.of(), null, null, null, null, null, null));
        return show(model, locale, Map.of());
    }

    @PostMapping("/gemeenteregistraties")
    String submit(
            @ModelAttribute GemeenteRegistratieFormulier form,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        model.addAttribute("form", form);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate datum = date(form.datum(), "datum", errors);
        boolean huisverbod = "huisverbod".equals(form.soort());
        LocalDate einddatum = huisverbod ? date(form.einddatum(), "einddatum", errors) : null;
        LocalDate overtredenOp = huisverbod ? date(form.overtredenOp(), "overtredenOp", errors) : null;
        try {
            NewMunicipalRecord checked = check.check(toRegistratie(form, datum, einddatum, overtredenOp));
            if (errors.isEmpty()) {
                NumberedRegistration<MunicipalRecordResource> registration =
                        register.register(checked, MunicipalRecordRegister.REGISTER_FORM);
                redirect.addFlashAttribute("gemeenteRegistered", registration.created() ? "created" : "existing");
                return "redirect:/adressen/" + form.adresId();
            }
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(error -> errors.putIfAbsent(formField(error.field()), error.messageKey()));
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(formField(invalid.field()), invalid.messageKey());
        } catch (ConflictException conflict) {
            errors.put("registratienummer", "gemeenteregistraties.form.conflict");
        }
        return show(model, locale, errors);
    }

    private String show(Model model, Locale locale, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("violenceTypes", violenceTypes.options(today(), locale));
        return "gemeenteregistraties-nieuw";
    }

    /** From the form's text to the API's request: one set of rules for both; only the chosen kind's fields. */
    private static GemeenteRegistratie toRegistratie(
            GemeenteRegistratieFormulier form,
            @Nullable LocalDate datum,
            @Nullable LocalDate einddatum,
            @Nullable LocalDate overtredenOp) {
        boolean signaal = "signaal".equals(form.soort());
        boolean huisverbod = "huisverbod".equals(form.soort());
        return new GemeenteRegistratie(
                form.registratienummer(),
                form.soort(),
                form.adresId(),
                datum,
                signaal && form.geweldsvormen() != null ? List.copyOf(form.geweldsvormen()) : null,
                signaal ? form.ernst() : null,
                signaal ? yes(form.kinderenAanwezig()) : null,
                huisverbod ? einddatum : null,
                huisverbod ? yes(form.overtreden()) : null,
                huisverbod ? overtredenOp : null,
                form.toelichting() == null || form.toelichting().isBlank() ? null : form.toelichting());
    }

    /** A typed date, or null when left empty (the check then says whether it was required). */
    private static @Nullable LocalDate date(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "gemeenteregistraties.form.error.datum");
            return null;
        }
    }

    /** The API names list entries by their place; the form has one input for the list. */
    private static String formField(String apiField) {
        return apiField.replaceAll("\\[\\d+]", "");
    }

    private static Boolean yes(@Nullable Boolean checked) {
        return Boolean.TRUE.equals(checked);
    }

    private LocalDate today() {
        return time.today();
    }

    private static AddressId parseAddress(String text) {
        try {
            return AddressId.parse(text);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
