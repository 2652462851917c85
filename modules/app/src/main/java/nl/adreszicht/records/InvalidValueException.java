package nl.adreszicht.records;

/**
 * A value that breaks its format or range, such as a postcode with an {@code SS} suffix or a BSN that fails the
 * elfproef. It names the field and a message-bundle key, so that a form or an API problem response can tell the
 * professional what is wrong in their own language.
 *
 * <p>The rejected input is deliberately not part of the exception: it may be personal data (a BSN, an address),
 * and exception messages end up in logs.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageKey;

    /**
     * @param field the API field name, in Dutch camelCase, e.g. {@code postcode} or {@code huisnummer}
     * @param messageKey the key of the explanation in {@code messages.properties}, e.g.
     *     {@code validation.postcode.format}
     */
    public InvalidValueException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The API field name, in Dutch camelCase, e.g. {@code postcode}. */
    public String field() {
        return field;
    }

    /** The key of the explanation in {@code messages.properties}, e.g. {@code validation.postcode.format}. */
    public String messageKey() {
        return messageKey;
    }

    /**
     * Runs a parse of a shared value type (a postcode, an address id, a BSN) and reports its refusal under the field
     * name of the request at hand, e.g. {@code betrokkenen[0].bsn} instead of {@code bsn}.
     */
    public static <T> T underField(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.messageKey());
        }
    }
}
