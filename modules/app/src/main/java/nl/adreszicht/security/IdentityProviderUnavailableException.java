package nl.adreszicht.security;

import java.time.Duration;

/**
 * Keycloak's metadata or keys are not known to this instance yet and Keycloak does not answer: the request cannot
 * be authenticated now, but may be in a moment. Answered with 503 and {@code Retry-After}, never with 500.
 */
public final class IdentityProviderUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    IdentityProviderUnavailableException(Duration retryAfter) {
        super("Keycloak is unreachable and its keys are not known yet", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** When the caller may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
