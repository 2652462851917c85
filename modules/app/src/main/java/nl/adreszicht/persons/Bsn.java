package nl.adreszicht.persons;

import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;

/**
 * A burgerservicenummer: nine digits that pass the elfproef. The elfproef weighs the digits 9, 8, … 2 and the
 * last one -1; the sum must be a multiple of 11. Because every weight is non-zero modulo the prime 11, it catches
 * every mistyped single digit.
 *
 * <p>{@link #toString()} hides the number, so that a BSN never lands in a log or an exception message by
 * accident; use {@link #value()} where the digits are really needed, such as for storage.
 *
 * @param value the nine digits
 */
public record Bsn(String value) {

    private static final String FIELD = "bsn";
    private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");
    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2, -1};

    public Bsn {
        if (!NINE_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "validation.bsn.format");
        }
        if (!passesElfproef(value)) {
            throw new InvalidValueException(FIELD, "validation.bsn.elfproef");
        }
    }

    /**
     * Reads a BSN; surrounding whitespace is ignored. A BSN that lost its leading zero (eight digits) is refused
     * rather than padded: the missing digit may as well be elsewhere.
     *
     * @throws InvalidValueException with key {@code validation.bsn.format} when it is not nine digits, or
     *     {@code validation.bsn.elfproef} when it fails the elfproef; the exception never contains the input
     */
    public static Bsn parse(String text) {
        return new Bsn(text.strip());
    }

    /** Deliberately not the number: {@code Bsn[***]}. */
    @Override
    public String toString() {
        return "Bsn[***]";
    }

    private static boolean passesElfproef(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        // All zeros passes the sum but is not a number anyone has.
        return sum % 11 == 0 && !digits.equals("000000000");
    }
}
