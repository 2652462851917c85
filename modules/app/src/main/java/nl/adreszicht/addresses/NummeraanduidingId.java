package nl.adreszicht.addresses;

import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;

/**
 * The BAG id of a nummeraanduiding, the national address register's id for an address: 16 digits, made of the
 * 4-digit code of the gemeente that issued it, the object type {@code 20} (nummeraanduiding) and a 10-digit
 * serial, e.g. {@code 0118200000123456}.
 *
 * <p>The object type is checked because the BAG's other ids have the same length: a verblijfsobject id
 * ({@code 01}) or a pand id ({@code 10}) pasted in by mistake would otherwise look like a valid address id.
 *
 * @param value the 16 digits
 */
public record NummeraanduidingId(String value) {

    private static final String FIELD = "nummeraanduidingId";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{16}");
    private static final String NUMMERAANDUIDING = "20";

    public NummeraanduidingId {
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "validation.nummeraanduidingId.format");
        }
        if (!value.startsWith(NUMMERAANDUIDING, 4)) {
            throw new InvalidValueException(FIELD, "validation.nummeraanduidingId.objectType");
        }
    }

    /**
     * Reads a nummeraanduiding id; surrounding whitespace is ignored.
     *
     * @throws InvalidValueException with key {@code validation.nummeraanduidingId.format} when it is not 16
     *     digits, or {@code validation.nummeraanduidingId.objectType} when it is the id of another kind of BAG
     *     object
     */
    public static NummeraanduidingId parse(String text) {
        return new NummeraanduidingId(text.strip());
    }

    /**
     * The gemeente that issued this id. After a municipal merger the id keeps the old gemeente's code, so this
     * is not necessarily the gemeente the address lies in today; take that from {@link AreaCodes}.
     */
    public GemeenteCode gemeenteCode() {
        return new GemeenteCode("GM" + value.substring(0, 4));
    }

    @Override
    public String toString() {
        return value;
    }
}
