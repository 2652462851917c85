package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;

/**
 * The errors of one form submission, by form field, each with its message key: what the error summary and the fields
 * show. The API names list entries by their place ({@code doelen[1].omschrijving}); a form field carries that name with
 * the place flattened ({@code doelen-1-omschrijving}), so every error still links to its own field.
 */
final class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** A typed date, or null when left empty; a date that cannot be read is an error of its field. */
    @Nullable
    LocalDate date(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "casusoverleg.form.datum");
            return null;
        }
    }

    void add(InvalidValuesException invalid) {
        invalid.errors().forEach(this::add);
    }

    void add(InvalidValueException invalid) {
        errors.putIfAbsent(field(invalid.field()), invalid.messageKey());
    }

    void put(String field, String key) {
        errors.put(field, key);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    Map<String, String> map() {
        return errors;
    }

    /**
     * The form field of an API field: {@code doelen[1].omschrijving} is {@code doelen-1-omschrijving}; an entry of a
     * list the form shows as one group ({@code partners[2]}) is that group ({@code partners}).
     */
    static String field(String apiField) {
        return apiField.replaceAll("\\[(\\d+)]\\.", "-$1-")
                .replaceAll("\\[\\d+]$", "")
                .replace('.', '-');
    }
}
