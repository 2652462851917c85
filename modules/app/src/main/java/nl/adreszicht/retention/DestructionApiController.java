package nl.adreszicht.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/vernietigingsverzoeken}: a privacy officer carries out a granted request to destroy one
 * record of their organisation. Answers 204: the record is gone, and there is nothing left to show.
 */
@RestController
class DestructionApiController {

    private final Destructions destructions;
    private final Vernietigingsaanvragen aanvragen;
    private final DutchTime time;

    DestructionApiController(Destructions destructions, Vernietigingsaanvragen aanvragen, DutchTime time) {
        this.destructions = destructions;
        this.aanvragen = aanvragen;
        this.time = time;
    }

    /** A granted request to destroy a record. The reason must not name the data subject: use the case number. */
    record Vernietigingsverzoek(
            @Schema(
                    description = "Bron van de registratie",
                    allowableValues = {"politie-incident", "vt-melding", "vt-advies", "gemeente-signaal", "huisverbod"})
            @Nullable
            String bron,

            @Schema(description = "Id van de registratie") @Nullable
            String registratieId,

            @Schema(description = "Datum waarop het verzoek binnenkwam") @Nullable
            LocalDate ontvangenOp,

            @Schema(description = "Waarom het verzoek is toegewezen (10 tot 500 tekens, geen namen)") @Nullable
            String reden) {}

    @ApiResponse(responseCode = "204", description = "Vernietigd")
    @PostMapping("/api/v1/vernietigingsverzoeken")
    ResponseEntity<Void> destroy(@RequestBody Vernietigingsverzoek verzoek) {
        destructions.destroy(check(verzoek));
        return ResponseEntity.noContent().build();
    }

    /** A destruction request as it comes in: which record and when the person asked. */
    record Aanvraagregistratie(
            @Nullable String bron,
            @Nullable String registratieId,
            @Nullable LocalDate ontvangenOp) {}

    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Vastgelegd",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/vernietigingsaanvragen")
    ResponseEntity<Vernietigingsaanvragen.Aanvraag> register(@RequestBody Aanvraagregistratie body) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        RecordSource source = invalid.collect(() -> source(body.bron()));
        String recordId = invalid.collect(() -> recordId(body.registratieId()));
        LocalDate receivedOn = invalid.collect(() -> receivedOn(body.ontvangenOp()));
        invalid.throwIfAny();
        Vernietigingsaanvragen.Aanvraag aanvraag =
                aanvragen.register(source, recordId, receivedOn, "vernietigingsaanvragen.registreren");
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .eTag(aanvraag.etag())
                .body(aanvraag);
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/v1/vernietigingsaanvragen")
    java.util.List<Vernietigingsaanvragen.Aanvraag> requests() {
        return aanvragen.list("vernietigingsaanvragen.lezen");
    }

    /** Why a request is refused: the grounds the person is told. */
    record Weigering(@Nullable String gronden) {}

    @PostMapping("/api/v1/vernietigingsaanvragen/{id}/weigering")
    ResponseEntity<Vernietigingsaanvragen.Aanvraag> refuse(
            @org.springframework.web.bind.annotation.PathVariable String id,
            IfMatch ifMatch,
            @RequestBody Weigering body) {
        java.util.UUID aanvraag = aanvraagId(id);
        return tagged(aanvragen.refuse(aanvraag, ifMatch, grounds(body.gronden()), "vernietigingsaanvraag.weigeren"));
    }

    /** Why the request is granted (10 to 500 characters, no names). */
    record Uitvoering(@Nullable String reden) {}

    @PostMapping("/api/v1/vernietigingsaanvragen/{id}/uitvoering")
    ResponseEntity<Vernietigingsaanvragen.Aanvraag> carryOut(
            @org.springframework.web.bind.annotation.PathVariable String id,
            IfMatch ifMatch,
            @RequestBody Uitvoering body) {
        java.util.UUID aanvraag = aanvraagId(id);
        return tagged(aanvragen.carryOut(
                aanvraag, ifMatch, StatedReason.of(body.reden()), "vernietigingsaanvraag.uitvoeren"));
    }

    /** The request with its revision as the ETag (also in the body, since a request is read from the list). */
    private static ResponseEntity<Vernietigingsaanvragen.Aanvraag> tagged(Vernietigingsaanvragen.Aanvraag aanvraag) {
        return ResponseEntity.ok().eTag(aanvraag.etag()).body(aanvraag);
    }

    static String grounds(@Nullable String text) {
        String grounds = text == null ? "" : text.strip();
        if (grounds.length() < 10 || grounds.length() > 1000) {
            throw new InvalidValueException("gronden", "validation.gronden.length");
        }
        return grounds;
    }

    static java.util.UUID aanvraagId(String text) {
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.aanvraagId.format");
        }
    }

    private Destructions.Request check(Vernietigingsverzoek verzoek) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        RecordSource source = invalid.collect(() -> source(verzoek.bron()));
        String recordId = invalid.collect(() -> recordId(verzoek.registratieId()));
        LocalDate receivedOn = invalid.collect(() -> receivedOn(verzoek.ontvangenOp()));
        String reason = invalid.collect(() -> StatedReason.of(verzoek.reden()));
        invalid.throwIfAny();
        return new Destructions.Request(source, recordId, receivedOn, reason);
    }

    static RecordSource source(@Nullable String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("bron", "NotNull");
        }
        return Arrays.stream(RecordSource.values())
                .filter(source -> code(source).equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("bron", "validation.bron.unknown"));
    }

    /** The API code of a source: its name in lowercase kebab case, e.g. {@code politie-incident}. */
    static String code(RecordSource source) {
        return source.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String recordId(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException("registratieId", "NotNull");
        }
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidValueException("registratieId", "validation.registratieId.format");
        }
        return id;
    }

    LocalDate receivedOn(@Nullable LocalDate date) {
        if (date == null) {
            throw new InvalidValueException("ontvangenOp", "NotNull");
        }
        if (date.isAfter(time.today())) {
            throw new InvalidValueException("ontvangenOp", "validation.ontvangenOp.future");
        }
        return date;
    }
}
