package nl.adreszicht.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps what a person typed when their session ended while they filled in a form. A form posted with the cookie of a
 * session that no longer exists (it expired, or the recheck or Keycloak ended it) would otherwise be refused by the CSRF check
 * as if the account had no role, and the input would be gone. Instead its fields are kept in a new session, which
 * lives in PostgreSQL like every session (Spring Session JDBC), so any instance can give them back, and the person is
 * sent to a page that explains and lets them sign in again and send the same input once more ({@code /bewaarde-invoer}).
 * Runs after the session repository (so an expired session reads as none) and before Spring Security.
 */
final class FormRescue extends OncePerRequestFilter {

    /** The session attribute that holds the kept form. */
    static final String ATTRIBUTE = FormRescue.class.getName() + ".form";

    /** How long a kept form is offered back: the idle timeout of a session. */
    static final Duration KEPT_FOR = Duration.ofMinutes(30);

    /** Bounds on what an unauthenticated post can make the server keep. */
    private static final int MAX_FIELDS = 200;

    private static final int MAX_CHARACTERS = 64 * 1024;

    /** One submitted field, in the order the form sent it. */
    record Field(String name, String value) implements Serializable {}

    /** A form as it was posted: where to, its fields (without the stale CSRF token), and when. */
    record KeptForm(String action, List<Field> fields, Instant keptAt) implements Serializable {}

    private final DutchTime time;

    FormRescue(DutchTime time) {
        this.time = time;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!HttpMethod.POST.matches(request.getMethod()) || !sessionEnded(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals("/logout")) {
            // Signing out of a session that already ended: there is nothing to end, so say so (not a refusal).
            seeOther(request, response, "/afgemeld");
            return;
        }
        if (!isPageForm(request, path)) {
            chain.doFilter(request, response);
            return;
        }
        keepInSession(request, path, time.now());
        seeOther(request, response, "/sessie-verlopen");
    }

    /**
     * The browser sent the cookie of a session that no longer exists: it expired, was ended by the session recheck or
     * by Keycloak's logout. (A request without any session cookie was never signed in: it goes the usual way.)
     */
    private static boolean sessionEnded(HttpServletRequest request) {
        return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
    }

    /** 303: the browser follows with a GET, so reloading the page it lands on never posts the form again. */
    private static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + path);
    }

    /** A form post to a page of ours that needs a signed-in professional (not the API, not the login flow). */
    private static boolean isPageForm(HttpServletRequest request, String path) {
        if (path.startsWith("/api/")) {
            return false;
        }
        String type = request.getContentType();
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type))) {
            return false;
        }
        return AccessMatrix.find(HttpMethod.POST.name(), path)
                .filter(permission -> !permission.isApi() && !permission.anonymous())
                .isPresent();
    }

    /**
     * Keeps the fields of a page form that was posted in vain in the request's (new or current) session; returns
     * whether there was a form to keep.
     */
    static boolean keepInSession(HttpServletRequest request, String path, Instant now) {
        if (!HttpMethod.POST.matches(request.getMethod()) || !isPageForm(request, path)) {
            return false;
        }
        Optional<KeptForm> form = keep(request, path, now);
        HttpSession session = request.getSession(true);
        form.ifPresentOrElse(kept -> session.setAttribute(ATTRIBUTE, kept), () -> session.removeAttribute(ATTRIBUTE));
        return form.isPresent();
    }

    private static Optional<KeptForm> keep(HttpServletRequest request, String path, Instant now) {
        List<Field> fields = new ArrayList<>();
        int characters = 0;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().equals("_csrf")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                characters += parameter.getKey().length() + value.length();
                fields.add(new Field(parameter.getKey(), value));
            }
        }
        if (fields.isEmpty() || fields.size() > MAX_FIELDS || characters > MAX_CHARACTERS) {
            return Optional.empty();
        }
        return Optional.of(new KeptForm(path, List.copyOf(fields), now));
    }

    /**
     * Takes the kept form out of the session: it is offered back once, to a professional whose roles may send it, and
     * only while it is fresh; otherwise it is dropped.
     */
    static @Nullable KeptForm take(HttpServletRequest request, Set<Role> roles, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof KeptForm kept)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        boolean allowed = AccessMatrix.find(HttpMethod.POST.name(), kept.action())
                .filter(permission -> roles.stream().anyMatch(permission::allows))
                .isPresent();
        return allowed && now.isBefore(kept.keptAt().plus(KEPT_FOR)) ? kept : null;
    }

    /** Whether a kept form waits in this session (for the explanation page, which may be read before signing in). */
    static boolean waiting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof KeptForm;
    }
}
