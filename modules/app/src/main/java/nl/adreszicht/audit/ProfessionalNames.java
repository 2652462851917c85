package nl.adreszicht.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who a Keycloak subject is, as people read it: the username and name Keycloak gave at the last sign-in to the pages
 * (from the ID token). The log itself names only the subject; this directory lets the
 * privacy officer's page show names and search by username. A sign-in never fails for it: a directory that cannot be
 * written is only a name missing from a page, which then shows the subject.
 */
@Component
class ProfessionalNames {

    private static final Logger log = LoggerFactory.getLogger(ProfessionalNames.class);

    /** The name of a professional; {@code username} may be absent for a client without one. */
    record Name(String displayName, @Nullable String username) {}

    // Only when something changed or a day has passed: a sign-in writes nothing new most of the time.
    private static final String REMEMBER = """
            INSERT INTO professional_name (subject, username, display_name, organisation, seen_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET username = EXCLUDED.username, display_name = EXCLUDED.display_name,
                organisation = EXCLUDED.organisation, seen_at = EXCLUDED.seen_at
            WHERE professional_name.username IS DISTINCT FROM EXCLUDED.username
               OR professional_name.display_name IS DISTINCT FROM EXCLUDED.display_name
               OR professional_name.organisation IS DISTINCT FROM EXCLUDED.organisation
               OR professional_name.seen_at < EXCLUDED.seen_at - interval '1 day'
            """;

    private final JdbcTemplate jdbc;
    private final DutchTime time;

    ProfessionalNames(JdbcTemplate jdbc, DutchTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        // Page sign-ins only: an API call is authenticated on every request, and a write per call would tie every
        // call to the database (a frozen database would hold calls that are otherwise answered 503 at once).
        if (!(event.getAuthentication().getPrincipal() instanceof OidcUser user)) {
            return;
        }
        Map<String, Object> claims = user.getClaims();
        String subject = text(claims.get("sub"));
        if (subject == null || subject.length() > 64) {
            return;
        }
        String username = text(claims.get("preferred_username"));
        String name = text(claims.get("name"));
        String organisation = text(claims.get("organisatie"));
        try {
            jdbc.update(
                    REMEMBER,
                    subject,
                    clip(username),
                    clip(name != null ? name : username != null ? username : subject),
                    organisation != null && organisation.length() <= 64 ? organisation : null,
                    time.nowUtc());
        } catch (DataAccessException unavailable) {
            log.warn(
                    "The name of a professional could not be kept: {}",
                    unavailable.getClass().getSimpleName());
        }
    }

    /** The names of these subjects, where known. */
    Map<String, Name> of(Collection<String> subjects) {
        Map<String, Name> names = new HashMap<>();
        if (subjects.isEmpty()) {
            return names;
        }
        jdbc.query(
                "SELECT subject, username, display_name FROM professional_name WHERE subject = ANY (?)",
                row -> {
                    names.put(
                            row.getString("subject"),
                            new Name(row.getString("display_name"), row.getString("username")));
                },
                (Object) subjects.toArray(String[]::new));
        return names;
    }

    /**
     * The subjects a search for a person means: an exact username (case does not matter), else every professional
     * whose name contains the text; a subject itself also finds its own entries.
     */
    List<String> subjectsFor(String text) {
        String query = text.strip();
        List<String> byUsername = jdbc.queryForList(
                "SELECT subject FROM professional_name WHERE lower(username) = lower(?)", String.class, query);
        if (!byUsername.isEmpty()) {
            return byUsername;
        }
        List<String> byName = jdbc.queryForList(
                "SELECT subject FROM professional_name WHERE display_name ILIKE ? ESCAPE '\\' ORDER BY subject LIMIT 50",
                String.class,
                "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (!byName.isEmpty()) {
            return byName;
        }
        return query.matches(AccessLogApiController.OPAQUE_ID) ? List.of(query) : List.of();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static @Nullable String clip(@Nullable String value) {
        return value == null || value.length() <= 255 ? value : value.substring(0, 255);
    }
}
