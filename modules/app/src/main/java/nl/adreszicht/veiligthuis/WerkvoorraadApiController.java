package nl.adreszicht.veiligthuis;

import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/werkvoorraad}: the worklist of the caller's VT region, with counts per category. Filter with
 * {@code categorie} and {@code soort}; sort with {@code sorteer=uiterlijk} (default) or {@code ontvangen}.
 */
@RestController
class WerkvoorraadApiController {

    private final Werkvoorraad werkvoorraad;

    WerkvoorraadApiController(Werkvoorraad werkvoorraad) {
        this.werkvoorraad = werkvoorraad;
    }

    @GetMapping("/api/v1/werkvoorraad")
    Werkvoorraad.Lijst list(
            @RequestParam(required = false) @Nullable String categorie,
            @RequestParam(required = false) @Nullable String soort,
            @RequestParam(required = false) @Nullable String sorteer) {
        Filter filter = Filter.parse(categorie, soort, sorteer);
        return werkvoorraad.list(filter.categorie(), filter.soort(), filter.byReceipt(), "werkvoorraad.lezen");
    }

    /** The worklist's query parameters, checked together. */
    record Filter(Werkvoorraad.@Nullable Categorie categorie, NewMelding.@Nullable Kind soort, boolean byReceipt) {

        static Filter parse(@Nullable String categorie, @Nullable String soort, @Nullable String sorteer) {
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
            invalid.throwIfAny();
            return new Filter(c, k, Boolean.TRUE.equals(byReceipt));
        }
    }
}
