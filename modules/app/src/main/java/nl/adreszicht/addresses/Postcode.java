package nl.adreszicht.addresses;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;

/**
 * A Dutch postcode in its normalised form {@code 1234AB}: four digits, the first not 0, then two capital letters
 * other than SA, SD and SS (PostNL never issues those, after the abbreviations of the Nazi organisations).
 *
 * @param value the normalised postcode, e.g. {@code 7901AB}
 */
public record Postcode(String value) {

    private static final String FIELD = "postcode";
    private static final String FORMAT = "validation.postcode.format";

    private static final Pattern NORMALISED = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    // Letters are matched as ASCII before upper-casing: String.toUpperCase would turn "ß" into "SS" and a
    // dotless "ı" into "I", and so let non-Dutch input through.
    private static final Pattern SPELLING = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");
    private static final Set<String> NEVER_ISSUED = Set.of("SA", "SD", "SS");

    public Postcode {
        Objects.requireNonNull(value, "value");
        if (!NORMALISED.matcher(value).matches() || NEVER_ISSUED.contains(value.substring(4))) {
            throw new InvalidValueException(FIELD, FORMAT);
        }
    }

    /**
     * Reads a postcode as people type it: lower case allowed, at most one space between digits and letters,
     * surrounding whitespace ignored. So {@code "1234 ab"} and {@code " 1234AB "} both give {@code 1234AB}.
     *
     * @throws InvalidValueException for anything else, with key {@code validation.postcode.format}
     */
    public static Postcode parse(String text) {
        Matcher matcher = SPELLING.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException(FIELD, FORMAT);
        }
        return new Postcode(matcher.group(1) + matcher.group(2).toUpperCase(Locale.ROOT));
    }

    /** The normalised form, e.g. {@code 7901AB}. */
    @Override
    public String toString() {
        return value;
    }
}
