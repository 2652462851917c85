package nl.adreszicht.records;

import java.time.Duration;

/**
 * The professional read more addresses in a short time than the read guard allows (the exfiltration guard, issue 13):
 * the read is refused before anything of the address leaves the server, and the access log has the refusal. The
 * message says, in Dutch, when they can go on; {@link #retryAfter()} says it to a machine. A controller answers it 429
 * with {@code Retry-After}.
 */
public class ReadLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ReadLimitExceededException(Duration retryAfter) {
        super("U heeft in korte tijd meer adressen ingezien dan is toegestaan. U kunt over "
                + minutes(retryAfter)
                + " verder. Is dit voor uw werk nodig, neem dan contact op met uw functioneel beheerder.");
        this.retryAfter = retryAfter;
    }

    /** How long until the next read is allowed again, at least a second. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds until the next read, rounded up, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minuut" : minutes + " minuten";
    }
}
