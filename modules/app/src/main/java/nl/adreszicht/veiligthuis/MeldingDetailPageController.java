package nl.adreszicht.veiligthuis;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.records.ConflictException;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.PageController;
import nl.adreszicht.records.PreconditionFailedException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Role;
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
 * One melding in the browser ({@code /meldingen/{id}}): what came in, where it stands, who handles it, and a form
 * for every step of the Handelingsprotocol (veiligheidsbeoordeling, onderzoek start and afronding, vervolgstappen,
 * einde). The same service, region scope, protocol checks and logging as the API: invalid input re-renders the form
 * with every error (400, nothing stored); a step the protocol refuses shows its Dutch reason on the melding.
 */
@PageController
class MeldingDetailPageController {

    private final Meldingen meldingen;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;
    private final nl.adreszicht.codelists.Organisations organisations;

    MeldingDetailPageController(
            Meldingen meldingen,
            CurrentProfessional currentProfessional,
            DutchTime time,
            nl.adreszicht.codelists.Organisations organisations) {
        this.meldingen = meldingen;
        this.organisations = organisations;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    /** The beoordeling form as typed: {@code ja}/{@code nee} and a status code. */
    record BeoordelingFormulier(
            @Nullable String acuteOnveiligheid,
            @Nullable String structureleOnveiligheid,
            @Nullable String statuscode) {}

    /** One step of the protocol as the page calls it: may throw invalid values or a refusal. */
    @FunctionalInterface
    interface Step {
        MeldingResource take(UUID melding, IfMatch ifMatch);
    }

    @GetMapping("/meldingen/{id}")
    String show(@PathVariable String id, Model model) {
        return page(
                model, melding(id, "melding.pagina"), new BeoordelingFormulier(null, null, null), Map.of(), Map.of());
    }

    @PostMapping("/meldingen/{id}/veiligheidsbeoordeling")
    String assess(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
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
                    melding,
                    ifMatch(revisie),
                    new Meldingen.Beoordeling(acute, structural, code),
                    "melding.beoordelen.formulier");
            redirect.addFlashAttribute("assessed", assessed.registratienummer());
            return "redirect:/werkvoorraad";
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.messageKey()));
        } catch (ConflictException refused) {
            // The protocol refused (and logged) the step; show the melding as it stands, in a request of its own.
            redirect.addFlashAttribute("conflict", "meldingen.beoordeling.conflict");
            return "redirect:/meldingen/" + melding;
        } catch (PreconditionFailedException stale) {
            redirect.addFlashAttribute("conflict", STALE);
            return "redirect:/meldingen/" + melding;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, melding(id, "melding.pagina"), form, errors, Map.of());
    }

    @PostMapping("/meldingen/{id}/behandelaar")
    String assign(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String behandelaar,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                revisie,
                Map.of("behandelaar", value(behandelaar)),
                model,
                response,
                redirect,
                "melding.toegewezen",
                (m, ifMatch) -> {
                    if (behandelaar == null || behandelaar.isBlank()) {
                        throw new InvalidValueException("behandelaar", "validation.behandelaar.kies");
                    }
                    return meldingen.assign(m, ifMatch, behandelaar, "melding.toewijzen.formulier");
                });
    }

    @PostMapping("/meldingen/{id}/onderzoek")
    String startInvestigation(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String startdatum,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                revisie,
                Map.of("startdatum", value(startdatum)),
                model,
                response,
                redirect,
                "melding.onderzoek.gestart",
                (m, ifMatch) -> {
                    LocalDate today = time.today();
                    LocalDate start =
                            startdatum == null || startdatum.isBlank() ? today : date("startdatum", startdatum);
                    if (start.isAfter(today)) {
                        throw new InvalidValueException("startdatum", "validation.startdatum.future");
                    }
                    return meldingen.startInvestigation(m, ifMatch, start, "melding.onderzoek.starten.formulier");
                });
    }

    /** The afronding form: a select {@code uitkomst-<code>} per violence type, or {@code vroegtijdigBeeindigd=ja}. */
    @PostMapping("/meldingen/{id}/onderzoek/afronding")
    String closeInvestigation(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean early = "ja".equals(fields.get("vroegtijdigBeeindigd"));
        Map<String, String> typed = new LinkedHashMap<>(fields);
        typed.remove("_csrf");
        return step(id, revisie, typed, model, response, redirect, "melding.onderzoek.afgerond", (m, ifMatch) -> {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            Map<String, String> outcomes = new LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (name.startsWith("uitkomst-") && value != null && !value.isBlank()) {
                    String outcome = invalid.collect(() -> MeldingApiController.outcome(name, value));
                    if (outcome != null) {
                        outcomes.put(name.substring("uitkomst-".length()), outcome);
                    }
                }
            });
            invalid.throwIfAny();
            return meldingen.closeInvestigation(
                    m,
                    ifMatch,
                    outcomes,
                    early,
                    "melding.onderzoek.afronden.formulier",
                    MeldingApiController.outcomesFor(outcomes, early));
        });
    }

    @PostMapping("/meldingen/{id}/vervolgstappen")
    String addStep(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String soort,
            @RequestParam(required = false) @Nullable String datum,
            @RequestParam(required = false) @Nullable String organisatie,
            @RequestParam(required = false) @Nullable String toelichting,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(
                "soort", value(soort),
                "datum", value(datum),
                "organisatie", value(organisatie),
                "toelichting", value(toelichting));
        return step(id, revisie, typed, model, response, redirect, "melding.vervolgstap.vastgelegd", (m, ifMatch) -> {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            String kind = invalid.collect(() -> {
                if (soort == null || soort.isBlank()) {
                    throw new InvalidValueException("soort", "validation.vervolgstap.kies");
                }
                if (!PAGE_STEPS.contains(soort)) {
                    throw new InvalidValueException("soort", "validation.vervolgstap.soort");
                }
                return soort;
            });
            LocalDate day = invalid.collect(() -> date("datum", datum));
            String organisation = invalid.collect(() -> MeldingApiController.text("organisatie", organisatie, 200));
            String note = invalid.collect(() -> MeldingApiController.text("toelichting", toelichting, 1000));
            invalid.throwIfAny();
            return meldingen.addStep(
                    m,
                    ifMatch,
                    new Meldingen.Stap(kind, day, organisation, note),
                    "melding.vervolgstap.toevoegen.formulier");
        });
    }

    @PostMapping("/meldingen/{id}/einde")
    String end(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String statuscode,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                revisie,
                Map.of("eindcode", value(statuscode)),
                model,
                response,
                redirect,
                "melding.beeindigd",
                (m, ifMatch) -> {
                    StatusCode code;
                    try {
                        code = MeldingApiController.statusCode(statuscode, true);
                    } catch (InvalidValueException wrong) {
                        throw new InvalidValueException("eindcode", wrong.messageKey());
                    }
                    return meldingen.end(m, ifMatch, code, "melding.beeindigen.formulier");
                });
    }

    @PostMapping("/meldingen/{id}/overdracht")
    String handOver(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String overdrachtsdatum,
            @RequestParam(required = false) @Nullable String overdrachtToelichting,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(
                "overdrachtsdatum", value(overdrachtsdatum), "overdrachtToelichting", value(overdrachtToelichting));
        return step(id, revisie, typed, model, response, redirect, "melding.overdracht.aangeboden", (m, ifMatch) -> {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            LocalDate day = invalid.collect(() -> {
                LocalDate d = overdrachtsdatum == null || overdrachtsdatum.isBlank()
                        ? time.today()
                        : date("overdrachtsdatum", overdrachtsdatum);
                if (d.isAfter(time.today())) {
                    throw new InvalidValueException("overdrachtsdatum", "validation.datum.future.overdracht");
                }
                return d;
            });
            String note = invalid.collect(
                    () -> MeldingApiController.text("overdrachtToelichting", overdrachtToelichting, 1000));
            invalid.throwIfAny();
            return meldingen.handOver(m, ifMatch, day, note, "melding.overdragen.formulier");
        });
    }

    @PostMapping("/meldingen/{id}/monitoring")
    String planMonitoring(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String monitoringdatum,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return step(
                id,
                revisie,
                Map.of("monitoringdatum", value(monitoringdatum)),
                model,
                response,
                redirect,
                "melding.monitoring.gepland",
                (m, ifMatch) -> meldingen.planMonitoring(
                        m, ifMatch, date("monitoringdatum", monitoringdatum), "melding.monitoring.plannen.formulier"));
    }

    @PostMapping("/meldingen/{id}/monitoring/{momentId}/uitkomst")
    String recordMonitoring(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @PathVariable String momentId,
            @RequestParam(required = false) @Nullable String uitkomst,
            @RequestParam(required = false) @Nullable String monitoringToelichting,
            @RequestParam(required = false) @Nullable String heropenen,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(
                "momentId", momentId,
                "uitkomst", value(uitkomst),
                "monitoringToelichting", value(monitoringToelichting),
                "heropenen", value(heropenen));
        return step(id, revisie, typed, model, response, redirect, "melding.monitoring.vastgelegd", (m, ifMatch) -> {
            UUID moment;
            try {
                moment = UUID.fromString(momentId);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            MeldingApiController.MonitoringUitkomst checked;
            try {
                checked = MeldingApiController.MonitoringUitkomst.check(
                        uitkomst, monitoringToelichting, "ja".equals(heropenen));
            } catch (InvalidValuesException invalid) {
                // The page's note field has a name of its own (the vervolgstap form has a toelichting too).
                throw new InvalidValuesException(invalid.errors().stream()
                        .map(e -> e.field().equals("toelichting")
                                ? new InvalidValueException("monitoringToelichting", e.messageKey())
                                : e)
                        .toList());
            }
            return meldingen.recordMonitoring(
                    m,
                    ifMatch,
                    moment,
                    checked.outcome(),
                    checked.note(),
                    checked.reopen(),
                    "melding.monitoring.vastleggen.formulier");
        });
    }

    @PostMapping("/meldingen/{id}/raadsverzoeken")
    String requestRaad(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String raadsdatum,
            @RequestParam(required = false) @Nullable String gronden,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("raadsdatum", value(raadsdatum), "gronden", value(gronden));
        return step(id, revisie, typed, model, response, redirect, "melding.raad.vastgelegd", (m, ifMatch) -> {
            List<InvalidValueException> errors = new java.util.ArrayList<>();
            LocalDate day = null;
            try {
                day = date("raadsdatum", raadsdatum);
            } catch (InvalidValueException invalid) {
                errors.add(invalid);
            }
            MeldingApiController.Raadsverzoek checked = null;
            try {
                checked = MeldingApiController.Raadsverzoek.check(
                        day == null ? time.today() : day, gronden, time.today(), "raadsdatum", "gronden");
            } catch (InvalidValuesException invalid) {
                errors.addAll(invalid.errors());
            }
            if (!errors.isEmpty()) {
                throw new InvalidValuesException(errors);
            }
            return meldingen.requestRaad(
                    m, ifMatch, checked.date(), checked.grounds(), "melding.raad.verzoeken.formulier");
        });
    }

    /** The informing form: {@code keuze=geinformeerd} with a day and a way, or {@code keuze=uitstel} with a ground. */
    @PostMapping("/meldingen/{id}/informeren")
    String inform(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String keuze,
            @RequestParam(required = false) @Nullable String geinformeerdOp,
            @RequestParam(required = false) @Nullable String wijze,
            @RequestParam(required = false) @Nullable String uitstelgrond,
            @RequestParam(required = false) @Nullable String herbeoordelingOp,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of(
                "keuze", value(keuze),
                "geinformeerdOp", value(geinformeerdOp),
                "wijze", value(wijze),
                "uitstelgrond", value(uitstelgrond),
                "herbeoordelingOp", value(herbeoordelingOp));
        return step(id, revisie, typed, model, response, redirect, "melding.informeren.vastgelegd", (m, ifMatch) -> {
            boolean postpone = "uitstel".equals(keuze);
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            LocalDate informedOn = postpone ? null : invalid.collect(() -> date("geinformeerdOp", geinformeerdOp));
            LocalDate review = postpone ? invalid.collect(() -> date("herbeoordelingOp", herbeoordelingOp)) : null;
            invalid.throwIfAny();
            Melding.Informing informing = new MeldingApiController.InformerenVerzoek(
                            informedOn,
                            postpone ? null : (wijze == null || wijze.isBlank() ? "?" : wijze),
                            null,
                            postpone ? (uitstelgrond == null || uitstelgrond.isBlank() ? "?" : uitstelgrond) : null,
                            review)
                    .check(time.today());
            return meldingen.inform(m, ifMatch, informing, "melding.informeren.formulier");
        });
    }

    @PostMapping("/meldingen/{id}/correcties")
    String correct(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String revisie,
            @RequestParam(required = false) @Nullable String veld,
            @RequestParam(required = false) @Nullable String waarde,
            @RequestParam(required = false) @Nullable String correctieReden,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> typed =
                Map.of("veld", value(veld), "waarde", value(waarde), "correctieReden", value(correctieReden));
        return step(id, revisie, typed, model, response, redirect, "melding.gecorrigeerd", (m, ifMatch) -> {
            MeldingApiController.Correctie checked;
            try {
                checked = new MeldingApiController.CorrectieVerzoek(veld, waarde, correctieReden).check(time.today());
            } catch (InvalidValuesException invalid) {
                // The page's reason field has a name of its own (the melding has a reden too).
                throw new InvalidValuesException(invalid.errors().stream()
                        .map(e -> e.field().equals("reden")
                                ? new InvalidValueException("correctieReden", e.messageKey())
                                : e)
                        .toList());
            }
            return meldingen.correct(
                    m, ifMatch, checked.field(), checked.value(), checked.reason(), "melding.corrigeren.formulier");
        });
    }

    /** The notice when the melding changed since the page showed it (another tab, a colleague). */
    static final String STALE = "melding.intussenGewijzigd";

    /**
     * The revision the page showed, from its form's hidden {@code revisie}: a step decided on a page that is no longer
     * current is refused (the melding shows how it stands now) rather than applied over a change the person never saw.
     * A form without it (an older page) is taken as it comes, as before.
     */
    static IfMatch ifMatch(@Nullable String revisie) {
        if (revisie == null || revisie.isBlank()) {
            return IfMatch.NOT_ASKED;
        }
        try {
            return IfMatch.revision(Long.parseLong(revisie.strip()));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    /** The vervolgstappen the page records with the general form; overdracht and the Raad have their own. */
    static final List<String> PAGE_STEPS = List.of("voorwaarden-en-vervolg");

    /**
     * Takes one step from a form: done, back to the melding with a notice; invalid input, the page again with every
     * error (400); refused by the protocol, back to the melding with the protocol's reason.
     */
    private String step(
            String id,
            @Nullable String revisie,
            Map<String, String> typed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String done,
            Step step) {
        UUID melding = uuid(id);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            MeldingResource after = step.take(melding, ifMatch(revisie));
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneNumber", after.registratienummer());
            return "redirect:/meldingen/" + melding;
        } catch (InvalidValuesException invalid) {
            invalid.errors().forEach(e -> errors.putIfAbsent(field(e.field()), e.messageKey()));
        } catch (InvalidValueException invalid) {
            errors.put(field(invalid.field()), invalid.messageKey());
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("conflictText", refused.getMessage());
            return "redirect:/meldingen/" + melding;
        } catch (PreconditionFailedException stale) {
            redirect.addFlashAttribute("conflict", STALE);
            return "redirect:/meldingen/" + melding;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, melding(id, "melding.pagina"), new BeoordelingFormulier(null, null, null), errors, typed);
    }

    /** The form field an API field error belongs to ({@code uitkomsten[0].geweldsvorm} is the outcomes as a whole). */
    private static String field(String apiField) {
        return apiField.startsWith("uitkomst") ? "uitkomsten" : apiField;
    }

    private String page(
            Model model,
            MeldingResource melding,
            BeoordelingFormulier form,
            Map<String, String> errors,
            Map<String, String> typed) {
        model.addAttribute("melding", melding);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("invoer", typed);
        model.addAttribute("vandaag", time.today());
        model.addAttribute(
                "statuscodes",
                Arrays.stream(StatusCode.values()).filter(c -> !c.closing()).toList());
        model.addAttribute(
                "eindcodes",
                Arrays.stream(StatusCode.values()).filter(StatusCode::closing).toList());
        model.addAttribute("uitkomsten", List.of("bevestigd", "niet-bevestigd", "weerlegd"));
        model.addAttribute("stapsoorten", PAGE_STEPS);
        model.addAttribute("monitoringuitkomsten", Melding.Moment.OUTCOMES);
        model.addAttribute("wijzen", Melding.Informing.WAYS);
        // Who answered an overdracht, by name rather than by code.
        Map<String, String> names = new LinkedHashMap<>();
        melding.overdrachten().stream()
                .map(MeldingResource.Overdracht::beslistDoor)
                .filter(java.util.Objects::nonNull)
                .forEach(code -> names.put(code, organisations.displayName(code)));
        model.addAttribute("organisatienamen", names);
        boolean supervisor = currentProfessional.require().has(Role.VT_SUPERVISOR);
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("behandelaars", supervisor ? meldingen.assignable() : List.of());
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

    private static String value(@Nullable String typed) {
        return typed == null ? "" : typed;
    }

    static LocalDate date(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "NotNull");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "validation.datum.format");
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
