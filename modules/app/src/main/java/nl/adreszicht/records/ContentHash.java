package nl.adreszicht.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content hash of a registration: SHA-256 over its fields in canonical form, each length-prefixed so that no two
 * different contents share one text. A registration sent again under the same registration number is the same one
 * exactly when its hash is; the recording modules decide which fields count and in which form.
 */
public final class ContentHash {

    private ContentHash() {}

    /** The hash of these values in this order; null is a value of its own, distinct from any text. */
    public static String of(List<@Nullable Object> values) {
        StringBuilder canonical = new StringBuilder();
        for (Object value : values) {
            if (value == null) {
                canonical.append("-;");
            } else {
                String text = value.toString();
                canonical.append(text.length()).append(':').append(text).append(';');
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
