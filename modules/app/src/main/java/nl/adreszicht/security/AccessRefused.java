package nl.adreszicht.security;

/**
 * Published when an authenticated professional is refused an endpoint that handles personal data, so the
 * access log records the attempt. Listeners run synchronously: if the attempt cannot be logged, the refusal
 * itself fails loudly rather than going unrecorded.
 *
 * @param professional who tried
 * @param permission the matrix row they were refused
 * @param remoteAddress where the request came from
 * @param client the OAuth2 client ({@code azp}) for API calls, or {@code web} for the UI
 */
public record AccessRefused(Professional professional, Permission permission, String remoteAddress, String client) {}
