package nl.adreszicht.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Gives application services the professional behind the current request, whichever way they logged in.
 * Services take scope from here, never from request parameters.
 */
@Component
public class CurrentProfessional {

    /** The current professional, or empty for anonymous requests. */
    public Optional<Professional> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The current professional; fails when called without authentication (a programming error). */
    public Professional require() {
        return get().orElseThrow(() -> new IllegalStateException("No authenticated professional"));
    }

    /** The OAuth2 client behind the current request: the token's {@code azp} for API calls, else the web UI. */
    public static String client() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            Object azp = jwt.getToken().getClaims().get("azp");
            return azp instanceof String name ? name : "onbekend";
        }
        return "web";
    }

    static Optional<Professional> from(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(Professional.fromClaims(user.getClaims()));
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(Professional.fromClaims(jwt.getToken().getClaims()));
        }
        return Optional.empty();
    }
}
