package nl.adreszicht.addresses;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;

/**
 * The format the CBS area codes share: a two-letter prefix and a fixed number of digits, e.g. {@code GM0118}.
 */
final class CbsCodeFormat {

    private final String prefix;
    private final String field;
    private final Pattern normalised;
    // Without UNICODE_CASE, CASE_INSENSITIVE folds ASCII only, so look-alikes such as the Kelvin sign for K fail.
    private final Pattern spelling;

    CbsCodeFormat(String prefix, int digits, String field) {
        this.prefix = prefix;
        this.field = field;
        this.normalised = Pattern.compile(prefix + "[0-9]{" + digits + "}");
        this.spelling = Pattern.compile(prefix + "([0-9]{" + digits + "})", Pattern.CASE_INSENSITIVE);
    }

    /** Checks a code in its normalised form, as the records' constructors receive it. */
    void check(String value) {
        if (!normalised.matcher(value).matches()) {
            throw invalid();
        }
    }

    /** Reads a code as people type it: surrounding whitespace ignored, the prefix in either case. */
    String normalise(String text) {
        Matcher matcher = spelling.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalid();
        }
        return prefix + matcher.group(1);
    }

    private InvalidValueException invalid() {
        return new InvalidValueException(field, "validation." + field + ".format");
    }
}
