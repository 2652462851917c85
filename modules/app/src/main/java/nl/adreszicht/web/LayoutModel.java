package nl.adreszicht.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page, error pages included: who is signed in, the menu, breadcrumbs, footer. */
@ControllerAdvice
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

    LayoutModel(
            CurrentProfessional currentProfessional,
            Organisations organisations,
            ApiContactProperties contact,
            ObjectProvider<BuildProperties> build) {
        this.currentProfessional = currentProfessional;
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
