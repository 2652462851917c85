package nl.adreszicht.monitor;

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
 * {@code /api/v1/monitorcijfers}: the monitor of the caller's own gemeente, after disclosure control, as JSON or (with
 * {@code formaat=csv}) as the CSV export with the same numbers.
 */
@RestController
class MonitorApiController {

    private final Monitors monitors;

    MonitorApiController(Monitors monitors) {
        this.monitors = monitors;
    }

    @GetMapping("/api/v1/monitorcijfers")
    @Operation(
            summary = "Monitor huiselijk geweld van de eigen gemeente",
            description = "Reeksen per maand, kwartaal of jaar: registraties per bron en geweldsvorm, adressen per"
                    + " kleurband (ook per 1.000 adressen), de keten van politie-incident tot uitkomst, de termijnen"
                    + " van Veilig Thuis, recidive en de opvolging van interventies; naast de eigen Veilig Thuis-regio"
                    + " en alle deelnemende gemeenten. Alleen afgelopen kwartalen; aantallen afgerond op 5, onder 10"
                    + " en aanvullend afgeschermd nooit als getal (DisclosureControl v1). Een andere gemeente dan die"
                    + " in het token geeft 403.")
    ResponseEntity<?> monitor(
            @Parameter(description = "CBS-gemeentecode; standaard de eigen gemeente")
                    @RequestParam(required = false)
                    @Nullable
                    String gemeente,
            @Parameter(description = "Eerste dag van een kwartaal; standaard vijf jaar voor tot")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate van,
            @Parameter(description = "Eerste dag na het laatste kwartaal; standaard het begin van het lopende kwartaal")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Nullable
                    LocalDate tot,
            @Parameter(description = "maand, kwartaal (standaard) of jaar") @RequestParam(required = false) @Nullable
                    String interval,
            @Parameter(description = "bronnen, geweldsvormen, kleuren, keten, recidive of interventies; standaard alle")
                    @RequestParam(required = false)
                    @Nullable
                    String familie,
            @Parameter(description = "json (standaard) of csv") @RequestParam(required = false) @Nullable
                    String formaat) {
        if (formaat != null && !formaat.equals("json") && !formaat.equals("csv")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "formaat is json of csv.");
        }
        Monitor monitor = monitors.monitor(new Monitors.Request(gemeente, van, tot, interval, familie));
        if (formaat == null || formaat.equals("json")) {
            return ResponseEntity.ok(monitor);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MonitorCsv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + MonitorCsv.fileName(monitor) + "\"")
                .body(MonitorCsv.write(monitor));
    }
}
