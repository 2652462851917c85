package nl.adreszicht.codelists;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a violence type code is on the code list: what modules that register violence types check their
 * input against, without reaching into the code list's storage.
 */
@Component
@Transactional(readOnly = true)
public class ViolenceTypeCodes {

    private final ViolenceTypes violenceTypes;

    ViolenceTypeCodes(ViolenceTypes violenceTypes) {
        this.violenceTypes = violenceTypes;
    }

    /** A violence type as a form offers it: its code and its label in the given language. */
    public record Option(String code, String label) {}

    /** The violence types valid on {@code date}, in list order, labelled for a form. */
    public List<Option> options(LocalDate date, Locale locale) {
        return violenceTypes.inOrder().stream()
                .filter(type -> type.isValidOn(date))
                .map(type -> new Option(type.code(), type.label(locale)))
                .toList();
    }

    /** Whether {@code code} is a violence type of the code list (in any validity period). */
    public boolean exists(String code) {
        return violenceTypes.find(code).isPresent();
    }

    /** Which of {@code codes} are violence types of the code list (in any validity period), in one look-up. */
    public Set<String> existing(Collection<String> codes) {
        return violenceTypes.known(codes);
    }
}
