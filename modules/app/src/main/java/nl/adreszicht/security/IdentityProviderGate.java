package nl.adreszicht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the login flow ({@code /oauth2/authorization/*}, {@code /login/oauth2/code/*}): while this instance
 * does not know Keycloak and Keycloak does not answer, throws {@link IdentityProviderUnavailableException} after at
 * most a second, which the application answers with the "inloggen is tijdelijk niet mogelijk" page. Without it,
 * Spring Security's redirect filter turns the failed discovery into a bare 500.
 */
final class IdentityProviderGate extends OncePerRequestFilter {

    static final String[] PATTERNS = {"/oauth2/authorization/*", "/login/oauth2/code/*"};

    private final IdentityProvider keycloak;

    IdentityProviderGate(IdentityProvider keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        keycloak.metadata();
        chain.doFilter(request, response);
    }
}
