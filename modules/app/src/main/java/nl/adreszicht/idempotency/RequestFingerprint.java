package nl.adreszicht.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request body in canonical form, so that a retry with the same content matches however its client
 * spaced or ordered it: a JSON body without insignificant whitespace and with every object's names sorted; any other
 * body (or none) as its bytes. A JSON body and the same text sent as something else never match.
 */
final class RequestFingerprint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestFingerprint() {}

    static byte[] of(byte[] body) {
        String canonical = canonicalJson(body);
        MessageDigest sha256 = sha256();
        if (canonical == null) {
            sha256.update((byte) 'b');
            sha256.update(body);
        } else {
            sha256.update((byte) 'j');
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
        }
        return sha256.digest();
    }

    /** The body as canonical JSON, or null when it is not one JSON value. */
    static @Nullable String canonicalJson(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                return null;
            }
            StringBuilder out = new StringBuilder(body.length);
            write(root, out);
            return out.toString();
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            Collections.sort(names);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JSON.writeValueAsString(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
