package nl.adreszicht.areascan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/gebiedsscans}: the area scan of the caller's own gemeente, after disclosure control, as JSON or
 * (with {@code formaat=csv}) as the CSV export with the same numbers.
 */
@RestController
class GebiedsscanApiController {

    private final AreaScans scans;
    private final AreaNames names;

    GebiedsscanApiController(AreaScans scans, AreaNames names) {
        this.scans = scans;
        this.names = names;
    }

    @GetMapping("/api/v1/gebiedsscans")
    @Operation(
            summary = "Gebiedsscan van de eigen gemeente",
            description = "Per gemeente, wijk en buurt: registraties, kleurbanden, geweldsvormen en het aandeel met"
                    + " kinderen, met de vorige periode en het verschil. Aantallen zijn afgerond op 5; aantallen onder"
                    + " 10 en aanvullend afgeschermde aantallen worden nooit als getal getoond (DisclosureControl v1)."
                    + " Een andere gemeente dan die in het token geeft 403.")
    ResponseEntity<?> scan(
            @Parameter(description = "CBS-gemeentecode; standaard de eigen gemeente")
                    @RequestParam(required = false)
                    @Nullable
                    String gemeente,
            @Parameter(description = "kwartaal (standaard), halfjaar, jaar of aangepast")
                    @RequestParam(required = false)
                    @Nullable
                    String periode,
            @Parameter(description = "Eerste dag van de periode")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate van,
            @Parameter(description = "Eerste dag na de periode; standaard de laatste volledige periode")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate tot,
            @Parameter(description = "buurt (standaard), wijk, gemeente of land (heel Nederland, als referentie)")
                    @RequestParam(required = false)
                    @Nullable
                    String niveau,
            @Parameter(description = "json (standaard) of csv") @RequestParam(required = false) @Nullable
                    String formaat) {
        Gebiedsscan scan = scans.scan(new AreaScans.Request(gemeente, periode, van, tot, niveau));
        if (formaat == null || formaat.equals("json")) {
            return ResponseEntity.ok(scan);
        }
        if (formaat.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(GebiedsscanCsv.MEDIA_TYPE))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + GebiedsscanCsv.fileName(scan) + "\"")
                    .body(GebiedsscanCsv.write(scan, AreaNames.of(scan, names.in(scan.gemeente()))));
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "formaat is json of csv.");
    }
}
