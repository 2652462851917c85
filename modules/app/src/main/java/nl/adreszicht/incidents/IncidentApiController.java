package nl.adreszicht.incidents;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.UUID;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.NumberedRegistration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/incidenten}: the police system registers incidents here. Registering is idempotent per
 * registration number: the same incident sent again answers 200 with the stored one, never a duplicate.
 */
@RestController
class IncidentApiController {

    private static final String PATH = "/api/v1/incidenten";

    private final IncidentRegistrationCheck check;
    private final IncidentRegister register;
    private final Zorgmeldingen zorgmeldingen;

    IncidentApiController(IncidentRegistrationCheck check, IncidentRegister register, Zorgmeldingen zorgmeldingen) {
        this.check = check;
        this.register = register;
        this.zorgmeldingen = zorgmeldingen;
    }

    @ApiResponse(responseCode = "201", description = "Geregistreerd", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Eerder geregistreerd onder dit registratienummer: het bestaande incident",
            useReturnTypeSchema = true)
    @PostMapping(PATH)
    ResponseEntity<IncidentResource> register(@RequestBody IncidentRegistratie registratie) {
        NumberedRegistration<IncidentResource> registration =
                register.register(check.check(registratie), IncidentRegister.REGISTER);
        if (!registration.created()) {
            return ResponseEntity.ok(registration.record());
        }
        return ResponseEntity.created(
                        URI.create(PATH + "/" + registration.record().id()))
                .body(registration.record());
    }

    @GetMapping(PATH + "/{id}")
    IncidentResource read(@PathVariable String id) {
        return register.read(incidentId(id), IncidentRegister.READ).orElseThrow(IncidentApiController::notFound);
    }

    /**
     * {@code POST /api/v1/incidenten/{id}/zorgmelding}: send the incident to Veilig Thuis. 201 the first time, 200
     * with the same zorgmelding on any later call.
     */
    @ApiResponse(responseCode = "201", description = "Verzonden naar Veilig Thuis", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Eerder verzonden: dezelfde zorgmelding",
            useReturnTypeSchema = true)
    @PostMapping(PATH + "/{id}/zorgmelding")
    ResponseEntity<Zorgmeldingen.ZorgmeldingResource> sendZorgmelding(
            @PathVariable String id, @Valid @RequestBody ZorgmeldingVerzoek verzoek) {
        Zorgmeldingen.Sent sent =
                zorgmeldingen.send(incidentId(id), verzoek.zorgen()).orElseThrow(IncidentApiController::notFound);
        if (!sent.created()) {
            return ResponseEntity.ok(sent.zorgmelding());
        }
        return ResponseEntity.created(URI.create(PATH + "/" + id + "/zorgmelding"))
                .body(sent.zorgmelding());
    }

    /** {@code GET /api/v1/incidenten/{id}/zorgmelding}: when it was sent, and Veilig Thuis's terugkoppeling. */
    @GetMapping(PATH + "/{id}/zorgmelding")
    Zorgmeldingen.ZorgmeldingResource zorgmelding(@PathVariable String id) {
        UUID incident = register.read(incidentId(id), IncidentRegister.READ_ZORGMELDING)
                .map(found -> UUID.fromString(found.id()))
                .orElseThrow(IncidentApiController::notFound);
        return zorgmeldingen
                .find(incident)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Voor dit incident is geen zorgmelding verstuurd."));
    }

    /** Why the officer is worried: what Veilig Thuis reads first at intake. */
    record ZorgmeldingVerzoek(@NotBlank String zorgen) {}

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "Dit incident bestaat niet (of is van een andere organisatie).");
    }

    private static UUID incidentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.incidentId.format");
        }
    }
}
