package nl.adreszicht.addresses;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * The house number of an address (huisnummeraanduiding): a huisnummer, an optional huisletter and an optional
 * toevoeging, as the BAG records them. Displayed as {@code 1A-2} (number 1, letter A, addition 2), {@code 1-2}
 * without a letter, {@code 1A} without an addition and {@code 1} when there is neither.
 *
 * @param number the huisnummer, 1 to 99999
 * @param letter the huisletter, one capital letter A to Z, or null when there is none
 * @param addition the huisnummertoevoeging, 1 to 4 capital letters or digits, or null when there is none
 */
public record HouseNumber(
        int number, @Nullable String letter, @Nullable String addition) {

    private static final Pattern LETTER = Pattern.compile("[A-Z]");
    private static final Pattern ADDITION = Pattern.compile("[A-Z0-9]{1,4}");
    private static final Pattern ASCII_ALPHANUMERICS = Pattern.compile("[A-Za-z0-9]+");
    // The display form, loosely: the parts are checked one by one afterwards, so that "100000" or "1-ABCDE" get the
    // message about that part rather than a general one. A leading zero is never part of the display form.
    private static final Pattern DISPLAY = Pattern.compile("([1-9][0-9]{0,8})([A-Za-z])?(?:-([A-Za-z0-9]+))?");

    public HouseNumber {
        if (number < 1 || number > 99_999) {
            throw new InvalidValueException("huisnummer", "validation.huisnummer.range");
        }
        if (letter != null && !LETTER.matcher(letter).matches()) {
            throw new InvalidValueException("huisletter", "validation.huisletter.format");
        }
        if (addition != null && !ADDITION.matcher(addition).matches()) {
            throw new InvalidValueException("toevoeging", "validation.toevoeging.format");
        }
    }

    /**
     * Builds a house number from its parts as a form or the BAG delivers them. A null or blank letter or addition
     * means there is none; surrounding whitespace is ignored and letters are upper-cased.
     *
     * @throws InvalidValueException naming the part that is wrong: {@code huisnummer}, {@code huisletter} or
     *     {@code toevoeging}
     */
    public static HouseNumber of(int number, @Nullable String letter, @Nullable String addition) {
        return new HouseNumber(number, normalised(letter), normalised(addition));
    }

    /**
     * Reads the display form, e.g. {@code 1A-2}, {@code 1-2}, {@code 1a} or {@code 12}; the inverse of
     * {@link #toString()}.
     *
     * @throws InvalidValueException with field {@code huisnummer} when the text is not of that form, or naming
     *     the part that is out of range
     */
    public static HouseNumber parse(String text) {
        Matcher matcher = DISPLAY.matcher(text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("huisnummer", "validation.huisnummer.format");
        }
        return of(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3));
    }

    /** The display form, e.g. {@code 1A-2}. */
    @Override
    public String toString() {
        StringBuilder display = new StringBuilder().append(number);
        if (letter != null) {
            display.append(letter);
        }
        if (addition != null) {
            display.append('-').append(addition);
        }
        return display.toString();
    }

    private static @Nullable String normalised(@Nullable String part) {
        if (part == null || part.isBlank()) {
            return null;
        }
        String stripped = part.strip();
        // Upper-case ASCII only: String.toUpperCase turns "ß" into "SS" and a dotless "ı" into "I", which would
        // let non-BAG characters through. Anything else is left as it is for the constructor to reject.
        return ASCII_ALPHANUMERICS.matcher(stripped).matches() ? stripped.toUpperCase(Locale.ROOT) : stripped;
    }
}
