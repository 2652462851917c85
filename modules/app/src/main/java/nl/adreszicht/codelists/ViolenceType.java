package nl.adreszicht.codelists;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One violence type (geweldsvorm) of the shared code list.
 *
 * @param groupCode the group a subtype belongs to, e.g. {@code kindermishandeling}; null for a top-level type
 */
record ViolenceType(
        String code,
        String labelNl,
        String labelEn,
        @Nullable String groupCode,
        int sortOrder,
        LocalDate validFrom,
        @Nullable LocalDate validUntil) {

    String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
    }

    boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
    }
}
