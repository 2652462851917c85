package nl.adreszicht.retention;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inzageverzoeken}: the privacy officer records a person's inzage request, follows its deadline,
 * extends it once, produces the redacted export (JSON, or PDF with {@code formaat=pdf}) and completes it.
 */
@RestController
class InzageApiController {

    static final String INZAGEVERZOEKEN = "/api/v1/inzageverzoeken";

    private final Inzageverzoeken verzoeken;
    private final InzagePdf pdf;
    private final DutchTime time;

    InzageApiController(Inzageverzoeken verzoeken, InzagePdf pdf, DutchTime time) {
        this.verzoeken = verzoeken;
        this.pdf = pdf;
        this.time = time;
    }

    /** A request: when it came in, and the person by BSN or by name, date of birth and address. */
    record Registratie(
            @Nullable LocalDate ontvangenOp,
            @Nullable String naam,
            @Nullable LocalDate geboortedatum,
            @Nullable String adresId,
            @Nullable String bsn) {}

    @ApiResponse(responseCode = "201", description = "Vastgelegd", useReturnTypeSchema = true)
    @PostMapping(INZAGEVERZOEKEN)
    ResponseEntity<Inzageverzoeken.Verzoek> register(@RequestBody Registratie body) {
        InzageCheck.Checked checked = InzageCheck.check(
                body.ontvangenOp(), body.naam(), body.geboortedatum(), body.adresId(), body.bsn(), time.today());
        Inzageverzoeken.Verzoek verzoek =
                verzoeken.register(checked.receivedOn(), checked.person(), "inzageverzoeken.registreren");
        return ResponseEntity.created(URI.create(INZAGEVERZOEKEN + "/" + verzoek.id()))
                .eTag(IfMatch.etag(verzoek.revision()))
                .body(verzoek);
    }

    @GetMapping(INZAGEVERZOEKEN)
    List<Inzageverzoeken.Verzoek> list() {
        return verzoeken.list("inzageverzoeken.lezen");
    }

    @GetMapping(INZAGEVERZOEKEN + "/{id}")
    ResponseEntity<Inzageverzoeken.Verzoek> read(@PathVariable String id) {
        return tagged(verzoeken.read(id(id), "inzageverzoek.lezen"));
    }

    /** Why the deadline is extended. */
    record Verlenging(@Nullable String reden) {}

    @PostMapping(INZAGEVERZOEKEN + "/{id}/verlenging")
    ResponseEntity<Inzageverzoeken.Verzoek> extend(
            @PathVariable String id, IfMatch ifMatch, @RequestBody Verlenging body) {
        UUID verzoek = id(id);
        return tagged(verzoeken.extend(verzoek, ifMatch, StatedReason.of(body.reden()), "inzageverzoek.verlengen"));
    }

    @PostMapping(INZAGEVERZOEKEN + "/{id}/afronding")
    ResponseEntity<Inzageverzoeken.Verzoek> complete(@PathVariable String id, IfMatch ifMatch) {
        return tagged(verzoeken.complete(id(id), ifMatch, "inzageverzoek.afronden"));
    }

    /** The request with its revision as the ETag, which the next change sends back in If-Match. */
    private static ResponseEntity<Inzageverzoeken.Verzoek> tagged(Inzageverzoeken.Verzoek verzoek) {
        return ResponseEntity.ok().eTag(IfMatch.etag(verzoek.revision())).body(verzoek);
    }

    @GetMapping(INZAGEVERZOEKEN + "/{id}/export")
    ResponseEntity<?> export(
            @PathVariable String id,
            @Parameter(description = "json (standaard) of pdf") @RequestParam(required = false) @Nullable
                    String formaat) {
        UUID verzoek = id(id);
        return exported(verzoeken, pdf, verzoek, formaat, "inzageverzoek.exporteren");
    }

    /** The export as JSON or as a PDF download; any other format is invalid input. */
    static ResponseEntity<?> exported(
            Inzageverzoeken verzoeken, InzagePdf pdf, UUID verzoek, @Nullable String formaat, String action) {
        if (formaat != null && !formaat.equals("json") && !formaat.equals("pdf")) {
            throw new InvalidValueException("formaat", "validation.inzage.formaat");
        }
        Inzageverzoeken.Export export = verzoeken.export(verzoek, action);
        if ("pdf".equals(formaat)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzage-" + verzoek + ".pdf\"")
                    .body(pdf.render(export));
        }
        return ResponseEntity.ok(export);
    }

    static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.inzageId.format");
        }
    }
}
