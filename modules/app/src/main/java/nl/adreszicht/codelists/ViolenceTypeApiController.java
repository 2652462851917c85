package nl.adreszicht.codelists;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/geweldsvormen}: the violence type code list, in Dutch (the API's language). */
@RestController
class ViolenceTypeApiController {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ViolenceTypes violenceTypes;
    private final DutchTime time;

    ViolenceTypeApiController(ViolenceTypes violenceTypes, DutchTime time) {
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    @GetMapping("/api/v1/geweldsvormen")
    List<Geweldsvorm> list() {
        LocalDate today = time.today();
        return violenceTypes.inOrder().stream()
                .map(type -> Geweldsvorm.of(type, today))
                .toList();
    }

    @GetMapping("/api/v1/geweldsvormen/{code}")
    Geweldsvorm one(@PathVariable String code) {
        return violenceTypes
                .find(code)
                .map(type -> Geweldsvorm.of(type, time.today()))
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Geen geweldsvorm met deze code."));
    }

    /** A violence type as the API shows it. */
    record Geweldsvorm(
            String code, String omschrijving, @Nullable String groep, boolean geldig) {
        static Geweldsvorm of(ViolenceType type, LocalDate today) {
            return new Geweldsvorm(type.code(), type.label(DUTCH), type.groupCode(), type.isValidOn(today));
        }
    }
}
