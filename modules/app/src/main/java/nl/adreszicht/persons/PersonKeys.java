package nl.adreszicht.persons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Opaque keys that recognise one person across records (a police incident and a Veilig Thuis melding about the
 * same event) without carrying the person's identity: the SHA-256 of the BSN when there is one, else of the
 * lower-cased name and the birth date. Every module derives its keys here, so equal persons get equal keys.
 */
public final class PersonKeys {

    private PersonKeys() {}

    /** The key of a person known by BSN. */
    public static String of(Bsn bsn) {
        return sha256("bsn:" + bsn.value());
    }

    /** The key of a person known by name and (if known) birth date only. */
    public static String of(String name, @Nullable LocalDate birthDate) {
        return sha256("naam:" + name.strip().toLowerCase(Locale.ROOT) + "|" + (birthDate == null ? "" : birthDate));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
