package nl.adreszicht.signals;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
 * {@code /api/v1/gemeenteregistraties}: a gemeente-medewerker records a signaal or a tijdelijk huisverbod here.
 * Registering is idempotent per registration number: the same record sent again answers 200 with the stored one.
 */
@RestController
class MunicipalRecordApiController {

    static final String PATH = "/api/v1/gemeenteregistraties";

    private final MunicipalRecordCheck check;
    private final MunicipalRecordRegister register;

    MunicipalRecordApiController(MunicipalRecordCheck check, MunicipalRecordRegister register) {
        this.check = check;
        this.register = register;
    }

    @ApiResponse(responseCode = "201", description = "Geregistreerd", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Eerder geregistreerd onder dit registratienummer: de bestaande registratie",
            useReturnTypeSchema = true)
    @PostMapping(PATH)
    ResponseEntity<MunicipalRecordResource> register(@RequestBody GemeenteRegistratie registratie) {
        NumberedRegistration<MunicipalRecordResource> registration =
                register.register(check.check(registratie), MunicipalRecordRegister.REGISTER);
        if (!registration.created()) {
            return ResponseEntity.ok(registration.record());
        }
        return ResponseEntity.created(
                        URI.create(PATH + "/" + registration.record().id()))
                .body(registration.record());
    }

    @GetMapping(PATH + "/{id}")
    MunicipalRecordResource read(@PathVariable String id) {
        return register.read(recordId(id))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Deze registratie bestaat niet (of is van een andere organisatie)."));
    }

    private static UUID recordId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.gemeenteregistratieId.format");
        }
    }
}
