package nl.adreszicht.monitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/herhaaladressen}: the addresses with repeated records in the caller's area. */
@RestController
class RepeatAddressApiController {

    private final RepeatAddressList list;

    RepeatAddressApiController(RepeatAddressList list) {
        this.list = list;
    }

    @GetMapping("/api/v1/herhaaladressen")
    @Operation(
            summary = "Adressen met herhaalde registraties",
            description = "Adressen in het eigen werkgebied (Veilig Thuis: de eigen regio; politie: de regio's van de"
                    + " eigen eenheid) met ten minste minimum herhalingen in 12 maanden volgens de recidiveregels,"
                    + " over de registraties van alle organisaties. Gesorteerd op herhalingen of op de laatste"
                    + " registratie, per pagina met een cursor.")
    RepeatAddressList.Lijst list(
            @Parameter(description = "Minimum aantal herhalingen in 12 maanden; standaard 3")
                    @RequestParam(required = false)
                    @Nullable
                    Integer minimum,
            @Parameter(description = "herhalingen (standaard, meeste eerst) of recent (laatste registratie eerst)")
                    @RequestParam(required = false)
                    @Nullable
                    String sorteer,
            @Parameter(description = "Cursor uit volgende van de vorige pagina")
                    @RequestParam(required = false)
                    @Nullable
                    String na,
            @Parameter(description = "Aantal per pagina, 1 tot 200; standaard 50")
                    @RequestParam(required = false)
                    @Nullable
                    Integer aantal) {
        return list.list(new RepeatAddressList.Query(minimum, sorteer, na, aantal), "herhaaladressen.lezen");
    }
}
