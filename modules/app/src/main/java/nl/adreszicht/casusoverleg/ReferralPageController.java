package nl.adreszicht.casusoverleg;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch pages of referral and triage: the referral form (opened from the address page) and the procesregisseur's
 * triage queue, with the same checks and the same services as the API.
 */
@PageController
class ReferralPageController {

    private final ReferralCheck check;
    private final Referrals referrals;
    private final KnownAddresses addresses;
    private final Organisations organisations;

    ReferralPageController(
            ReferralCheck check, Referrals referrals, KnownAddresses addresses, Organisations organisations) {
        this.check = check;
        this.referrals = referrals;
        this.addresses = addresses;
        this.organisations = organisations;
    }

    /** The referral form, bound as text. */
    record AanmeldingFormulier(
            @Nullable String adresId, @Nullable String reden) {}

    /** A triage decision as the form sends it. */
    record TriageFormulier(
            @Nullable String besluit,
            @Nullable List<String> partners,
            @Nullable String reden) {}

    @GetMapping("/aanmeldingen/nieuw")
    String form(@RequestParam("adres") String address, Model model) {
        model.addAttribute("form", new AanmeldingFormulier(parseAddress(address).toString(), null));
        model.addAttribute("errors", Map.of());
        return "aanmelding-nieuw";
    }

    @PostMapping("/aanmeldingen")
    String submit(@ModelAttribute AanmeldingFormulier form, Model model, RedirectAttributes redirect) {
        model.addAttribute("form", form);
        FormErrors errors = new FormErrors();
        try {
            Referrals.Registration registration =
                    referrals.refer(check.referral(form.adresId(), form.reden()), null, Referrals.REGISTER_FORM);
            redirect.addFlashAttribute("casusAangemeld", registration.referral().number());
            return "redirect:/adressen/" + registration.referral().address();
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        } catch (ConflictException conflict) {
            errors.put("adresId", "aanmelding.form.conflict");
        }
        model.addAttribute("errors", errors.map());
        return "aanmelding-nieuw";
    }

    @GetMapping("/aanmeldingen")
    String queue(Model model) {
        show(model, null, Map.of(), null);
        return "aanmeldingen";
    }

    @PostMapping("/aanmeldingen/{id}/triage")
    String triage(
            @PathVariable String id, @ModelAttribute TriageFormulier form, Model model, RedirectAttributes redirect) {
        UUID referral = CaseApiController.uuid(id);
        FormErrors errors = new FormErrors();
        try {
            Referrals.Decision decision = check.decision(form.besluit(), form.partners(), form.reden());
            CaseStore.CaseRow decided = referrals.triage(referral, IfMatch.NOT_ASKED, decision, Referrals.TRIAGE_FORM);
            redirect.addFlashAttribute("triaged", decided.number());
            redirect.addFlashAttribute("triageStatus", decided.status().code());
            return decided.status() == CaseStatus.LOPEND
                    ? "redirect:/casussen/" + decided.id()
                    : "redirect:/aanmeldingen";
        } catch (InvalidValuesException invalid) {
            errors.add(invalid);
        } catch (InvalidValueException invalid) {
            errors.add(invalid);
        } catch (ConflictException decidedOtherwise) {
            redirect.addFlashAttribute("triageConflict", true);
            return "redirect:/aanmeldingen";
        }
        show(model, referral, errors.map(), form);
        return "aanmeldingen";
    }

    private void show(Model model, @Nullable UUID failed, Map<String, String> errors, @Nullable TriageFormulier form) {
        List<CaseStore.CaseRow> all = referrals.queue(null, Referrals.QUEUE_PAGE);
        List<CaseStore.CaseRow> waiting =
                all.stream().filter(c -> c.status() == CaseStatus.AANGEMELD).toList();
        List<CaseStore.CaseRow> decided = all.stream()
                .filter(c -> c.status() != CaseStatus.AANGEMELD)
                .limit(20)
                .toList();
        model.addAttribute("waiting", waiting);
        model.addAttribute("decided", decided);
        model.addAttribute(
                "labels",
                addresses.labelsOf(all.stream().map(CaseStore.CaseRow::address).toList()));
        model.addAttribute("organisations", organisations.ofKinds(CasePlans.PARTNER_KINDS));
        model.addAttribute("failed", failed);
        model.addAttribute("errors", errors);
        model.addAttribute("triageForm", form);
    }

    private static AddressId parseAddress(String text) {
        try {
            return AddressId.parse(text);
        } catch (InvalidValueException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
