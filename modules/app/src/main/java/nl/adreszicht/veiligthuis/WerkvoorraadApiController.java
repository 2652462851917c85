package nl.adreszicht.veiligthuis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/werkvoorraad}: the worklist of the caller's VT region, with counts per category. Filter with
 * {@code categorie} and {@code soort}; sort with {@code sorteer=uiterlijk} (default) or {@code ontvangen}. Paged by
 * key like the other long lists ({@code herhaaladressen}): {@code aantal} per page (50), the next page from the
 * cursor in {@code volgende}, given back as {@code na}.
 */
@RestController
class WerkvoorraadApiController {

    private final Werkvoorraad werkvoorraad;

    WerkvoorraadApiController(Werkvoorraad werkvoorraad) {
        this.werkvoorraad = werkvoorraad;
    }

    @GetMapping("/api/v1/werkvoorraad")
    @Operation(
            summary = "Werkvoorraad van de eigen Veilig Thuis-regio",
            description = "De open adviezen en meldingen van de eigen regio met hun categorieën, per pagina met een"
                    + " cursor: eigen zaken eerst, dan op uiterlijke datum of op ontvangst. De aantallen per"
                    + " categorie tellen alle open zaken van de regio; de in te nemen zorgmeldingen staan op de"
                    + " eerste pagina.")
    Werkvoorraad.Lijst list(
            @Parameter(description = "Alleen de zaken in deze categorie") @RequestParam(required = false) @Nullable
                    String categorie,
            @Parameter(description = "melding of advies") @RequestParam(required = false) @Nullable String soort,
            @Parameter(description = "uiterlijk (standaard, vroegste termijn eerst) of ontvangen (nieuwste eerst)")
                    @RequestParam(required = false)
                    @Nullable
                    String sorteer,
            @Parameter(description = "Cursor uit volgende van de vorige pagina, met dezelfde sortering")
                    @RequestParam(required = false)
                    @Nullable
                    String na,
            @Parameter(description = "Aantal per pagina, 1 tot 100; standaard 50")
                    @RequestParam(required = false)
                    @Nullable
                    Integer aantal) {
        Filter filter = Filter.parse(categorie, soort, sorteer, na, aantal);
        return werkvoorraad.list(
                filter.categorie(),
                filter.soort(),
                filter.byReceipt(),
                filter.na(),
                filter.aantal(),
                "werkvoorraad.lezen");
    }

    /** The worklist's query parameters, checked together. */
    record Filter(
            Werkvoorraad.@Nullable Categorie categorie,
            NewMelding.@Nullable Kind soort,
            boolean byReceipt,
            Werkvoorraad.@Nullable Cursor na,
            int aantal) {

        /** The first page of the whole list, by deadline. */
        static final Filter ALL = new Filter(null, null, false, null, Werkvoorraad.DEFAULT_PAGE);

        static Filter parse(
                @Nullable String categorie,
                @Nullable String soort,
                @Nullable String sorteer,
                @Nullable String na,
                @Nullable Integer aantal) {
            InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
            Werkvoorraad.Categorie c = invalid.collect(() -> {
                if (categorie == null || categorie.isBlank()) {
                    return null;
                }
                Werkvoorraad.Categorie found = Werkvoorraad.Categorie.of(categorie);
                if (found == null) {
                    throw new InvalidValueException("categorie", "validation.werkvoorraad.categorie");
                }
                return found;
            });
            NewMelding.Kind k = invalid.collect(() -> {
                if (soort == null || soort.isBlank()) {
                    return null;
                }
                return switch (soort) {
                    case "melding" -> NewMelding.Kind.MELDING;
                    case "advies" -> NewMelding.Kind.ADVIES;
                    default -> throw new InvalidValueException("soort", "validation.werkvoorraad.soort");
                };
            });
            Boolean byReceipt = invalid.collect(() -> {
                if (sorteer == null || sorteer.isBlank() || sorteer.equals("uiterlijk")) {
                    return false;
                }
                if (sorteer.equals("ontvangen")) {
                    return true;
                }
                throw new InvalidValueException("sorteer", "validation.werkvoorraad.sorteer");
            });
            Integer size = invalid.collect(() -> {
                int n = aantal == null ? Werkvoorraad.DEFAULT_PAGE : aantal;
                if (n < 1 || n > Werkvoorraad.LARGEST_PAGE) {
                    throw new InvalidValueException("aantal", "validation.werkvoorraad.aantal");
                }
                return n;
            });
            // A cursor of the other sort order names a place in another list: refused, like a malformed one.
            Werkvoorraad.Cursor cursor = invalid.collect(() ->
                    na == null || na.isBlank() || byReceipt == null ? null : Werkvoorraad.Cursor.parse(na, byReceipt));
            invalid.throwIfAny();
            return new Filter(c, k, Boolean.TRUE.equals(byReceipt), cursor, size);
        }
    }
}
