package nl.adreszicht.veiligthuis;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/meldingen} and {@code /api/v1/adviezen}: Veilig Thuis takes in adviezen and meldingen and takes
 * each melding through the Handelingsprotocol. Steps the protocol does not allow answer 409; invalid input 400
 * with every wrong field, and stores nothing. A melding answers its revision as its ETag; every step changes the
 * melding and must name the revision it was decided on in If-Match (428 without it, 412 when the melding changed
 * since), so a retried or concurrent step is never applied twice or over another's.
 */
@RestController
class MeldingApiController {

    static final String MELDINGEN = "/api/v1/meldingen";
    static final String ADVIEZEN = "/api/v1/adviezen";
    static final Set<String> OUTCOMES = Set.of("bevestigd", "niet-bevestigd", "weerlegd");
    static final Set<String> STEPS =
            Set.of("raad-kinderbescherming", "voorwaarden-en-vervolg", "overdracht", "monitoring");
    private static final String REQUIRED = "NotNull";

    private final MeldingIntakeCheck check;
    private final Meldingen meldingen;
    private final DutchTime time;

    MeldingApiController(MeldingIntakeCheck check, Meldingen meldingen, DutchTime time) {
        this.check = check;
        this.meldingen = meldingen;
        this.time = time;
    }

    @ApiResponse(responseCode = "201", description = "Ingenomen", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN)
    ResponseEntity<MeldingResource> registerMelding(@RequestBody MeldingRegistratie body) {
        MeldingResource melding = meldingen.intake(check.check(body, NewMelding.Kind.MELDING), "meldingen.registreren");
        return ResponseEntity.created(URI.create(MELDINGEN + "/" + melding.id()))
                .eTag(IfMatch.etag(melding.revision()))
                .body(melding);
    }

    @ApiResponse(responseCode = "201", description = "Ingenomen", useReturnTypeSchema = true)
    @PostMapping(ADVIEZEN)
    ResponseEntity<MeldingResource> registerAdvies(@RequestBody MeldingRegistratie body) {
        MeldingResource advies = meldingen.intake(check.check(body, NewMelding.Kind.ADVIES), "adviezen.registreren");
        return ResponseEntity.created(URI.create(ADVIEZEN + "/" + advies.id()))
                .eTag(IfMatch.etag(advies.revision()))
                .body(advies);
    }

    /** The melding, with its revision as the ETag that a change of it names in If-Match. */
    @GetMapping(MELDINGEN + "/{id}")
    ResponseEntity<MeldingResource> readMelding(@PathVariable String id) {
        return answer(
                HttpStatus.OK,
                meldingen
                        .read(id(id), NewMelding.Kind.MELDING, "melding.lezen")
                        .orElseThrow(MeldingApiController::notFound));
    }

    @GetMapping(ADVIEZEN + "/{id}")
    MeldingResource readAdvies(@PathVariable String id) {
        return meldingen
                .read(id(id), NewMelding.Kind.ADVIES, "advies.lezen")
                .orElseThrow(MeldingApiController::notFound);
    }

    /** The outcome of a veiligheidsbeoordeling. */
    record BeoordelingVerzoek(
            @Nullable Boolean acuteOnveiligheid,
            @Nullable Boolean structureleOnveiligheid,
            @Nullable String statuscode) {}

    @ApiResponse(responseCode = "201", description = "Vastgelegd", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/veiligheidsbeoordeling")
    ResponseEntity<MeldingResource> assess(
            @PathVariable String id, IfMatch ifMatch, @RequestBody BeoordelingVerzoek body) {
        UUID melding = id(id);
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Boolean acute = invalid.collect(() -> required("acuteOnveiligheid", body.acuteOnveiligheid()));
        Boolean structural = invalid.collect(() -> required("structureleOnveiligheid", body.structureleOnveiligheid()));
        StatusCode code = invalid.collect(() -> statusCode(body.statuscode(), false));
        invalid.throwIfAny();
        return answer(
                HttpStatus.CREATED,
                meldingen.assess(
                        melding, ifMatch, new Meldingen.Beoordeling(acute, structural, code), "melding.beoordelen"));
    }

    /** Starting an onderzoek; today when no date is given. */
    record OnderzoekVerzoek(@Nullable LocalDate startdatum) {}

    @ApiResponse(responseCode = "201", description = "Gestart", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/onderzoek")
    ResponseEntity<MeldingResource> startInvestigation(
            @PathVariable String id, IfMatch ifMatch, @RequestBody OnderzoekVerzoek body) {
        UUID melding = id(id);
        LocalDate today = time.today();
        LocalDate start = body.startdatum() == null ? today : body.startdatum();
        if (start.isAfter(today)) {
            throw new InvalidValueException("startdatum", "validation.startdatum.future");
        }
        return answer(
                HttpStatus.CREATED, meldingen.startInvestigation(melding, ifMatch, start, "melding.onderzoek.starten"));
    }

    /** The outcome of an onderzoek: per violence type, or closed early. */
    record AfrondingVerzoek(
            @Nullable List<@Nullable Uitkomst> uitkomsten,
            @Nullable Boolean vroegtijdigBeeindigd) {}

    record Uitkomst(@Nullable String geweldsvorm, @Nullable String uitkomst) {}

    @PostMapping(MELDINGEN + "/{id}/onderzoek/afronding")
    ResponseEntity<MeldingResource> closeInvestigation(
            @PathVariable String id, IfMatch ifMatch, @RequestBody AfrondingVerzoek body) {
        UUID melding = id(id);
        boolean early = Boolean.TRUE.equals(body.vroegtijdigBeeindigd());
        List<@Nullable Uitkomst> given = body.uitkomsten() == null ? List.of() : body.uitkomsten();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "uitkomsten[" + i + "]";
            Uitkomst uitkomst = given.get(i);
            if (uitkomst == null
                    || uitkomst.geweldsvorm() == null
                    || uitkomst.geweldsvorm().isBlank()) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field + ".geweldsvorm", REQUIRED);
                });
                continue;
            }
            String outcome = invalid.collect(() -> outcome(field + ".uitkomst", uitkomst.uitkomst()));
            if (outcomes.containsKey(uitkomst.geweldsvorm())) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field + ".geweldsvorm", "validation.uitkomst.twice");
                });
            } else if (outcome != null) {
                outcomes.put(uitkomst.geweldsvorm(), outcome);
            }
        }
        invalid.throwIfAny();
        return answer(
                HttpStatus.OK,
                meldingen.closeInvestigation(
                        melding, ifMatch, outcomes, early, "melding.onderzoek.afronden", outcomesFor(outcomes, early)));
    }

    /**
     * Checks the outcomes against the melding's own violence types: each one of them, and all of them unless the
     * onderzoek closes early.
     */
    static java.util.function.Consumer<List<String>> outcomesFor(Map<String, String> outcomes, boolean early) {
        return types -> {
            InvalidValuesException.Collector wrong = new InvalidValuesException.Collector();
            List<String> keys = new ArrayList<>(outcomes.keySet());
            for (int i = 0; i < keys.size(); i++) {
                String field = "uitkomsten[" + i + "].geweldsvorm";
                if (!types.contains(keys.get(i))) {
                    wrong.collect(() -> {
                        throw new InvalidValueException(field, "validation.uitkomst.geweldsvorm");
                    });
                }
            }
            if (!early && !outcomes.keySet().containsAll(types)) {
                wrong.collect(() -> {
                    throw new InvalidValueException("uitkomsten", "validation.uitkomsten.incomplete");
                });
            }
            wrong.throwIfAny();
        };
    }

    /** A vervolgstap: what, when, with whom. */
    record VervolgstapVerzoek(
            @Nullable String soort,
            @Nullable LocalDate datum,
            @Nullable String organisatie,
            @Nullable String toelichting) {}

    @ApiResponse(responseCode = "201", description = "Vastgelegd", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/vervolgstappen")
    ResponseEntity<MeldingResource> addStep(
            @PathVariable String id, IfMatch ifMatch, @RequestBody VervolgstapVerzoek body) {
        UUID melding = id(id);
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String kind = invalid.collect(() -> {
            if (body.soort() == null || body.soort().isBlank()) {
                throw new InvalidValueException("soort", REQUIRED);
            }
            if (!STEPS.contains(body.soort())) {
                throw new InvalidValueException("soort", "validation.vervolgstap.soort");
            }
            return body.soort();
        });
        LocalDate date = invalid.collect(() -> required("datum", body.datum()));
        String organisation = invalid.collect(() -> text("organisatie", body.organisatie(), 200));
        if ("overdracht".equals(kind) && organisation == null && !invalidAlready(body.organisatie())) {
            invalid.collect(() -> {
                throw new InvalidValueException("organisatie", "validation.overdracht.organisatie");
            });
        }
        String note = invalid.collect(() -> text("toelichting", body.toelichting(), 1000));
        invalid.throwIfAny();
        return answer(
                HttpStatus.CREATED,
                meldingen.addStep(
                        melding,
                        ifMatch,
                        new Meldingen.Stap(kind, date, organisation, note),
                        "melding.vervolgstap.toevoegen"));
    }

    /** Who handles the case: the Keycloak subject of one of the region's professionals ({@code GET /behandelaars}). */
    record BehandelaarVerzoek(@Nullable String behandelaar) {}

    @PostMapping(MELDINGEN + "/{id}/behandelaar")
    ResponseEntity<MeldingResource> assign(
            @PathVariable String id, IfMatch ifMatch, @RequestBody BehandelaarVerzoek body) {
        UUID melding = id(id);
        if (body.behandelaar() == null || body.behandelaar().isBlank()) {
            throw new InvalidValueException("behandelaar", REQUIRED);
        }
        return answer(
                HttpStatus.OK,
                meldingen.assign(melding, ifMatch, body.behandelaar().strip(), "melding.toewijzen"));
    }

    /** A professional of the region whom a case may be assigned. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "Behandelaar")
    record Behandelaar(String id, String naam) {}

    @GetMapping("/api/v1/behandelaars")
    List<Behandelaar> professionals() {
        return meldingen.professionals("behandelaars.lezen").stream()
                .map(p -> new Behandelaar(p.subject(), p.name()))
                .toList();
    }

    /** An overdracht to the lokaal team of the address's gemeente: the day (today when not given) and a note. */
    record OverdrachtVerzoek(
            @Nullable LocalDate datum, @Nullable String toelichting) {}

    @ApiResponse(responseCode = "201", description = "Aangeboden", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/overdracht")
    ResponseEntity<MeldingResource> handOver(
            @PathVariable String id, IfMatch ifMatch, @RequestBody OverdrachtVerzoek body) {
        UUID melding = id(id);
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        LocalDate date = body.datum() == null ? time.today() : body.datum();
        invalid.collect(() -> {
            if (date.isAfter(time.today())) {
                throw new InvalidValueException("datum", "validation.datum.future.overdracht");
            }
            return date;
        });
        String note = invalid.collect(() -> text("toelichting", body.toelichting(), 1000));
        invalid.throwIfAny();
        return answer(HttpStatus.CREATED, meldingen.handOver(melding, ifMatch, date, note, "melding.overdragen"));
    }

    /** A monitoring moment planned by hand. */
    record MonitoringVerzoek(@Nullable LocalDate datum) {}

    @ApiResponse(responseCode = "201", description = "Gepland", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/monitoring")
    ResponseEntity<MeldingResource> planMonitoring(
            @PathVariable String id, IfMatch ifMatch, @RequestBody MonitoringVerzoek body) {
        UUID melding = id(id);
        LocalDate due = required("datum", body.datum());
        return answer(
                HttpStatus.CREATED, meldingen.planMonitoring(melding, ifMatch, due, "melding.monitoring.plannen"));
    }

    /** The outcome of a monitoring moment; {@code heropenen} only with {@code escalatie}. */
    record MonitoringUitkomstVerzoek(
            @Nullable String uitkomst,
            @Nullable String toelichting,
            @Nullable Boolean heropenen) {}

    @PostMapping(MELDINGEN + "/{id}/monitoring/{momentId}/uitkomst")
    ResponseEntity<MeldingResource> recordMonitoring(
            @PathVariable String id,
            @PathVariable String momentId,
            IfMatch ifMatch,
            @RequestBody MonitoringUitkomstVerzoek body) {
        UUID melding = id(id);
        UUID moment;
        try {
            moment = UUID.fromString(momentId);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("momentId", "validation.meldingId.format");
        }
        MonitoringUitkomst checked =
                MonitoringUitkomst.check(body.uitkomst(), body.toelichting(), Boolean.TRUE.equals(body.heropenen()));
        return answer(
                HttpStatus.OK,
                meldingen.recordMonitoring(
                        melding,
                        ifMatch,
                        moment,
                        checked.outcome(),
                        checked.note(),
                        checked.reopen(),
                        "melding.monitoring.vastleggen"));
    }

    /** A monitoring outcome, checked: one of the three, a note within bounds, reopening only on escalation. */
    record MonitoringUitkomst(String outcome, @Nullable String note, boolean reopen) {

        static MonitoringUitkomst check(@Nullable String outcome, @Nullable String note, boolean reopen) {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            String checked = invalid.collect(() -> {
                if (outcome == null || outcome.isBlank()) {
                    throw new InvalidValueException("uitkomst", "validation.monitoring.uitkomst");
                }
                if (!Melding.Moment.OUTCOMES.contains(outcome)) {
                    throw new InvalidValueException("uitkomst", "validation.monitoring.uitkomst");
                }
                return outcome;
            });
            String text = invalid.collect(() -> text("toelichting", note, 1000));
            if (reopen && checked != null && !"escalatie".equals(checked)) {
                invalid.collect(() -> {
                    throw new InvalidValueException("heropenen", "validation.monitoring.heropenen");
                });
            }
            invalid.throwIfAny();
            return new MonitoringUitkomst(checked, text, reopen);
        }
    }

    /** A verzoek tot onderzoek to the Raad voor de Kinderbescherming: the day it was made and its grounds. */
    record RaadsverzoekVerzoek(
            @Nullable LocalDate datum, @Nullable String gronden) {}

    @ApiResponse(responseCode = "201", description = "Vastgelegd", useReturnTypeSchema = true)
    @PostMapping(MELDINGEN + "/{id}/raadsverzoeken")
    ResponseEntity<MeldingResource> requestRaad(
            @PathVariable String id, IfMatch ifMatch, @RequestBody RaadsverzoekVerzoek body) {
        UUID melding = id(id);
        Raadsverzoek checked = Raadsverzoek.check(body.datum(), body.gronden(), time.today(), "datum", "gronden");
        return answer(
                HttpStatus.CREATED,
                meldingen.requestRaad(melding, ifMatch, checked.date(), checked.grounds(), "melding.raad.verzoeken"));
    }

    /** A verzoek to the Raad, checked: a day not in the future, grounds of 10 to 2000 characters. */
    record Raadsverzoek(LocalDate date, String grounds) {

        static Raadsverzoek check(
                @Nullable LocalDate date, @Nullable String grounds, LocalDate today, String dateField, String field) {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            LocalDate day = invalid.collect(() -> {
                LocalDate d = required(dateField, date);
                if (d.isAfter(today)) {
                    throw new InvalidValueException(dateField, "validation.datum.toekomst");
                }
                return d;
            });
            String text = invalid.collect(() -> {
                String g = grounds == null ? "" : grounds.strip();
                if (g.length() < 10 || g.length() > 2000) {
                    throw new InvalidValueException(field, "validation.gronden.length");
                }
                return g;
            });
            invalid.throwIfAny();
            return new Raadsverzoek(day, text);
        }
    }

    /**
     * Informing the people in the melding: either {@code geinformeerdOp} with {@code wijze} (and a note), or
     * {@code uitstelgrond} with {@code herbeoordelingOp}.
     */
    record InformerenVerzoek(
            @Nullable LocalDate geinformeerdOp,
            @Nullable String wijze,
            @Nullable String toelichting,
            @Nullable String uitstelgrond,
            @Nullable LocalDate herbeoordelingOp) {

        /** The informing as asked, checked against today. */
        Melding.Informing check(LocalDate today) {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            boolean informed = geinformeerdOp != null || (wijze != null && !wijze.isBlank());
            boolean postponed = (uitstelgrond != null && !uitstelgrond.isBlank()) || herbeoordelingOp != null;
            if (informed == postponed) {
                throw new InvalidValuesException(
                        List.of(new InvalidValueException("geinformeerdOp", "validation.informeren.een")));
            }
            if (informed) {
                LocalDate day = invalid.collect(() -> {
                    LocalDate d = required("geinformeerdOp", geinformeerdOp);
                    if (d.isAfter(today)) {
                        throw new InvalidValueException("geinformeerdOp", "validation.datum.toekomst");
                    }
                    return d;
                });
                String how = invalid.collect(() -> {
                    if (wijze == null || !Melding.Informing.WAYS.contains(wijze)) {
                        throw new InvalidValueException("wijze", "validation.informeren.wijze");
                    }
                    return wijze;
                });
                String note = invalid.collect(() -> text("toelichting", toelichting, 1000));
                invalid.throwIfAny();
                return new Melding.Informing(day, how, note, null, null);
            }
            String ground = invalid.collect(() -> {
                String g = uitstelgrond == null ? "" : uitstelgrond.strip();
                if (g.length() < 10 || g.length() > 1000) {
                    throw new InvalidValueException("uitstelgrond", "validation.gronden.length");
                }
                return g;
            });
            LocalDate review = invalid.collect(() -> {
                LocalDate d = required("herbeoordelingOp", herbeoordelingOp);
                if (!d.isAfter(today)) {
                    throw new InvalidValueException("herbeoordelingOp", "validation.informeren.herbeoordeling");
                }
                return d;
            });
            invalid.throwIfAny();
            return new Melding.Informing(null, null, null, ground, review);
        }
    }

    @PostMapping(MELDINGEN + "/{id}/informeren")
    ResponseEntity<MeldingResource> inform(
            @PathVariable String id, IfMatch ifMatch, @RequestBody InformerenVerzoek body) {
        UUID melding = id(id);
        return answer(
                HttpStatus.OK, meldingen.inform(melding, ifMatch, body.check(time.today()), "melding.informeren"));
    }

    /**
     * A correction of one field: {@code ernst} (S1-S3), {@code kinderenBetrokken} (true/false), {@code reden}, or a
     * betrokkene's {@code betrokkenen[i].naam} or {@code betrokkenen[i].geboortedatum}; with the reason for it.
     */
    record CorrectieVerzoek(
            @Nullable String veld,
            @Nullable String waarde,
            @Nullable String reden) {

        /** The correction, checked: a correctable field, a value that fits it, a stated reason. */
        Correctie check(LocalDate today) {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            String field = invalid.collect(() -> {
                if (veld == null || !Melding.CORRECTABLE.matcher(veld).matches()) {
                    throw new InvalidValueException("veld", "validation.correctie.veld");
                }
                return veld;
            });
            String value = field == null ? null : invalid.collect(() -> value(field, waarde, today));
            String reason = invalid.collect(() -> nl.adreszicht.records.StatedReason.of(reden));
            invalid.throwIfAny();
            return new Correctie(field, value, reason);
        }

        private static String value(String field, @Nullable String text, LocalDate today) {
            String value = text == null ? "" : text.strip();
            if (field.equals("ernst")) {
                if (!value.matches("S[123]")) {
                    throw new InvalidValueException("waarde", "validation.ernst.format");
                }
            } else if (field.equals("kinderenBetrokken")) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new InvalidValueException("waarde", "validation.correctie.janee");
                }
            } else if (field.equals("reden")) {
                if (value.length() < 10 || value.length() > 2000) {
                    throw new InvalidValueException("waarde", "validation.gronden.length");
                }
            } else if (field.endsWith(".naam")) {
                if (value.isEmpty() || value.length() > 200) {
                    throw new InvalidValueException("waarde", "validation.naam.length");
                }
            } else {
                LocalDate date;
                try {
                    date = LocalDate.parse(value);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidValueException("waarde", "validation.datum.format");
                }
                if (date.isAfter(today)) {
                    throw new InvalidValueException("waarde", "validation.geboortedatum.future");
                }
            }
            return value;
        }
    }

    /** A checked correction. */
    record Correctie(String field, String value, String reason) {}

    @PostMapping(MELDINGEN + "/{id}/correcties")
    ResponseEntity<MeldingResource> correct(
            @PathVariable String id, IfMatch ifMatch, @RequestBody CorrectieVerzoek body) {
        UUID melding = id(id);
        Correctie checked = body.check(time.today());
        return answer(
                HttpStatus.OK,
                meldingen.correct(
                        melding, ifMatch, checked.field(), checked.value(), checked.reason(), "melding.corrigeren"));
    }

    /** Einde bemoeienis: with overdracht (VT-02) or without (VT-03). */
    record EindeVerzoek(@Nullable String statuscode) {}

    @PostMapping(MELDINGEN + "/{id}/einde")
    ResponseEntity<MeldingResource> end(@PathVariable String id, IfMatch ifMatch, @RequestBody EindeVerzoek body) {
        UUID melding = id(id);
        StatusCode code = statusCode(body.statuscode(), true);
        return answer(HttpStatus.OK, meldingen.end(melding, ifMatch, code, "melding.beeindigen"));
    }

    /** The melding as it stands, with its revision as the ETag: what the next change names in If-Match. */
    private static ResponseEntity<MeldingResource> answer(HttpStatus status, MeldingResource melding) {
        return ResponseEntity.status(status)
                .eTag(IfMatch.etag(melding.revision()))
                .body(melding);
    }

    private static boolean invalidAlready(@Nullable String text) {
        return text != null && text.strip().length() > 200;
    }

    static <T> T required(String field, @Nullable T value) {
        if (value == null) {
            throw new InvalidValueException(field, REQUIRED);
        }
        return value;
    }

    static @Nullable String text(String field, @Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > max) {
            throw new InvalidValueException(field, "validation.tekst.length");
        }
        return text.strip();
    }

    static String outcome(String field, @Nullable String outcome) {
        if (outcome == null || outcome.isBlank()) {
            throw new InvalidValueException(field, REQUIRED);
        }
        if (!OUTCOMES.contains(outcome)) {
            throw new InvalidValueException(field, "validation.uitkomst.format");
        }
        return outcome;
    }

    /** A beoordeling ends in VT-00, VT-01-xx or VT-99; an einde bemoeienis in VT-02 or VT-03. */
    static StatusCode statusCode(@Nullable String text, boolean closing) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("statuscode", REQUIRED);
        }
        StatusCode code = StatusCode.of(text)
                .orElseThrow(() -> new InvalidValueException("statuscode", "validation.statuscode.format"));
        if (code.closing() != closing) {
            throw new InvalidValueException(
                    "statuscode", closing ? "validation.statuscode.einde" : "validation.statuscode.beoordeling");
        }
        return code;
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.meldingId.format");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, Meldingen.notFound());
    }
}
