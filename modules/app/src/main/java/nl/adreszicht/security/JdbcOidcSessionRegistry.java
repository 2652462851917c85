package nl.adreszicht.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Which browser session belongs to which Keycloak session, in PostgreSQL beside the sessions themselves: Keycloak's
 * back-channel logout reaches any instance, which must find the session whichever instance logged it in. Only ids
 * are kept (the session id, Keycloak's issuer, subject and session id), never a token or a name.
 */
final class JdbcOidcSessionRegistry implements OidcSessionRegistry {

    private static final String COLUMNS = "session_id, issuer, subject, provider_session";

    private final JdbcTemplate jdbc;
    private final DutchTime time;

    JdbcOidcSessionRegistry(JdbcTemplate jdbc, DutchTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @Override
    public void saveSessionInformation(OidcSessionInformation info) {
        OidcUser user = info.getPrincipal();
        // Sessions that ended by timeout leave their row; an hour's grace keeps rows of logins still committing.
        jdbc.update("DELETE FROM oidc_session o WHERE registered_at < now() - interval '1 hour'"
                + " AND NOT EXISTS (SELECT 1 FROM spring_session s WHERE s.session_id = o.session_id)");
        jdbc.update(
                "INSERT INTO oidc_session (" + COLUMNS + ") VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE"
                        + " SET issuer = excluded.issuer, subject = excluded.subject,"
                        + " provider_session = excluded.provider_session, registered_at = now()",
                info.getSessionId(),
                String.valueOf(user.getIssuer()),
                user.getSubject(),
                user.getClaimAsString("sid"));
    }

    @Override
    public @Nullable OidcSessionInformation removeSessionInformation(String clientSessionId) {
        return first(jdbc.query(
                "DELETE FROM oidc_session WHERE session_id = ? RETURNING " + COLUMNS,
                (row, n) -> information(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                clientSessionId));
    }

    @Override
    public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        String issuer = String.valueOf(token.getIssuer());
        if (token.getSessionId() != null) {
            return jdbc.query(
                    "DELETE FROM oidc_session WHERE issuer = ? AND provider_session = ? RETURNING " + COLUMNS,
                    (row, n) -> information(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                    issuer,
                    token.getSessionId());
        }
        return jdbc.query(
                "DELETE FROM oidc_session WHERE issuer = ? AND subject = ? RETURNING " + COLUMNS,
                (row, n) -> information(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                issuer,
                token.getSubject());
    }

    private static @Nullable OidcSessionInformation first(List<OidcSessionInformation> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    /** Only ids are kept, so the principal handed back is built from them alone. */
    private OidcSessionInformation information(
            String sessionId, String issuer, String subject, @Nullable String providerSession) {
        Instant now = time.now();
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("ended")
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(1));
        if (providerSession != null) {
            token.claim("sid", providerSession);
        }
        return new OidcSessionInformation(sessionId, Map.of(), new DefaultOidcUser(List.of(), token.build()));
    }
}
