package nl.adreszicht.idempotency;

import java.util.regex.Pattern;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * A client's {@code Idempotency-Key}: 1 to 64 letters, digits, dots, dashes, colons or underscores. Which requests
 * take one is {@link #covers}: every POST under {@code /api/v1} except a search.
 *
 * @param value the key as the client sent it
 */
public record IdempotencyKey(String value) {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";

    /** The response header that marks an answer as the replay of an earlier one. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The message key of a malformed key, one for every endpoint. */
    public static final String FORMAT_MESSAGE = "validation.idempotencyKey.format";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String API = "/api/v1/";

    /** @throws InvalidValueException when the value breaks the format */
    public IdempotencyKey {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(HEADER, FORMAT_MESSAGE);
        }
    }

    /**
     * The key of a header as sent: none for a missing or blank header (the request then runs as without one).
     *
     * @throws InvalidValueException when the header breaks the format
     */
    public static @Nullable IdempotencyKey parse(@Nullable String header) {
        return header == null || header.isBlank() ? null : new IdempotencyKey(header);
    }

    /**
     * Whether a request may carry a key: a POST under {@code /api/v1} that writes. A search ({@code .../_zoek}, the
     * NL API Design Rules' name for a POST that only reads) writes nothing, so there is nothing to run once.
     */
    public static boolean covers(String method, String path) {
        return "POST".equals(method) && path.startsWith(API) && !path.endsWith("/_zoek");
    }
}
