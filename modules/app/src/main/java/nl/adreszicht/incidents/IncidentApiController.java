package nl.adreszicht.incidents;

import java.net.URI;
import java.util.UUID;
import nl.adreszicht.addresses.InvalidValueException;
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

    IncidentApiController(IncidentRegistrationCheck check, IncidentRegister register) {
        this.check = check;
        this.register = register;
    }

    @PostMapping(PATH)
    ResponseEntity<IncidentResource> register(@RequestBody IncidentRegistratie registratie) {
        IncidentRegister.Registration registration =
                register.register(check.check(registratie), IncidentRegister.REGISTER);
        if (!registration.created()) {
            return ResponseEntity.ok(registration.incident());
        }
        return ResponseEntity.created(
                        URI.create(PATH + "/" + registration.incident().id()))
                .body(registration.incident());
    }

    @GetMapping(PATH + "/{id}")
    IncidentResource read(@PathVariable String id) {
        return register.read(incidentId(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Dit incident bestaat niet (of is van een andere organisatie)."));
    }

    private static UUID incidentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.incidentId.format");
        }
    }
}
