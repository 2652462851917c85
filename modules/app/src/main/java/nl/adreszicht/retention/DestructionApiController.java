package nl.adreszicht.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
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
    private final DutchTime time;

    DestructionApiController(Destructions destructions, DutchTime time) {
        this.destructions = destructions;
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

    private static String recordId(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidValueException("registratieId", "NotNull");
        }
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidValueException("registratieId", "validation.registratieId.format");
        }
        return id;
    }

    private LocalDate receivedOn(@Nullable LocalDate date) {
        if (date == null) {
            throw new InvalidValueException("ontvangenOp", "NotNull");
        }
        if (date.isAfter(time.today())) {
            throw new InvalidValueException("ontvangenOp", "validation.ontvangenOp.future");
        }
        return date;
    }
}
