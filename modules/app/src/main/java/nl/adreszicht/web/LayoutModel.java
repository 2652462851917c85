package nl.adreszicht.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the layout needs on every page, error pages included: who is signed in, the menu, breadcrumbs, footer. It runs
 * before the handlers of {@link PageController}s and of the error page ({@code /error}) only: a {@code @RestController}
 * is a {@code @Controller} to Spring too, and an API answer renders no page, so the API never pays for a menu (it was
 * 5.7 % of the address history's CPU at land scale, docs/performance.md). {@code PageControllersTest} keeps every
 * controller that renders a view a {@code PageController}, and no API controller one.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class LayoutModel {

    /**
     * The person in the header: their name and the display name of their organisation (never the slug), and whether
     * they have any Adreszicht role at all (an account without one gets no menu and no start page to go back to).
     */
    record Shell(String name, @Nullable String organisation, boolean hasRole) {}

    private final CurrentProfessional currentProfessional;
    private final Organisations organisations;
    private final ApiContactProperties contact;
    private final @Nullable String version;
    private final DutchTime time;

    LayoutModel(
            CurrentProfessional currentProfessional,
            Organisations organisations,
            ApiContactProperties contact,
            ObjectProvider<BuildProperties> build,
            DutchTime time) {
        this.currentProfessional = currentProfessional;
        this.time = time;
        this.organisations = organisations;
        this.contact = contact;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? null : properties.getVersion();
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return currentProfessional.get().isPresent();
    }

    @ModelAttribute("shell")
    @Nullable
    Shell shell() {
        Optional<Professional> professional = currentProfessional.get();
        return professional
                .map(p -> new Shell(
                        p.displayName(),
                        p.organisation().map(organisations::displayName).orElse(null),
                        !p.roles().isEmpty()))
                .orElse(null);
    }

    @ModelAttribute("menu")
    List<Navigation.MenuItem> menu(HttpServletRequest request) {
        return currentProfessional
                .get()
                .map(p -> Navigation.menu(p.roles(), path(request)))
                .orElse(List.of());
    }

    @ModelAttribute("breadcrumbs")
    List<Navigation.Crumb> breadcrumbs(HttpServletRequest request) {
        return currentProfessional.get().filter(p -> !p.roles().isEmpty()).isPresent()
                ? Navigation.breadcrumbs(path(request))
                : List.of();
    }

    /**
     * Whether the page is the refusal of a form whose CSRF token belongs to an earlier session of a signed-in person
     * (a tab left open across a new login): the error page says so instead of suggesting a missing role.
     */
    @ModelAttribute("staleForm")
    boolean staleForm(HttpServletRequest request) {
        return request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException;
    }

    /** On the refusal of a stale form: its input, kept in the session to be sent again from {@code /bewaarde-invoer}. */
    @ModelAttribute("staleFormKept")
    boolean staleFormKept(HttpServletRequest request) {
        return staleForm(request) && FormRescue.keepInSession(request, path(request), time.now());
    }

    /**
     * On the refusal of a read past the read guard's limit (429): the minutes until the professional can go on, set
     * by {@link DomainExceptions}; null on any other page.
     */
    @ModelAttribute("readLimitMinutes")
    @Nullable
    Long readLimitMinutes(HttpServletRequest request) {
        return request.getAttribute(DomainExceptions.READ_LIMIT_MINUTES) instanceof Long minutes ? minutes : null;
    }

    @ModelAttribute("support")
    ApiContactProperties support() {
        return contact;
    }

    @ModelAttribute("appVersion")
    @Nullable
    String appVersion() {
        return version;
    }

    /** The path the person asked for; on an error page, the page that failed rather than {@code /error}. */
    private static String path(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String original ? original : request.getRequestURI();
        return uri.substring(request.getContextPath().length());
    }
}
