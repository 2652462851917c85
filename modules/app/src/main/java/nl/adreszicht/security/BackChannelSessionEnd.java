package nl.adreszicht.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.SessionRepository;

/**
 * Ends the browser sessions of a Keycloak session that Keycloak logged out over the back channel (its logout token
 * has been validated before this runs): they are deleted from the session store every instance shares, so the next
 * request of that browser, on whichever instance, is a new visitor.
 */
final class BackChannelSessionEnd implements LogoutHandler {

    private final OidcSessionRegistry registry;
    private final SessionRepository<?> sessions;

    BackChannelSessionEnd(OidcSessionRegistry registry, SessionRepository<?> sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof OidcLogoutToken token) {
            for (OidcSessionInformation session : registry.removeSessionInformation(token)) {
                sessions.deleteById(session.getSessionId());
            }
        }
    }
}
