package nl.adreszicht.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The menu and the breadcrumbs of the shell. The menu offers the pages in a fixed order and shows a page only to the
 * roles that {@link AccessMatrix} lets read it, so the menu can never promise what the matrix refuses. The
 * breadcrumbs name the pages above the current one, by the path's place in the site.
 */
final class Navigation {

    /** A menu entry: a page and the bundle key of its name; {@code current} marks the page the person is on. */
    record MenuItem(String href, String labelKey, boolean current) {}

    /** A breadcrumb above the current page. */
    record Crumb(String href, String labelKey) {}

    /** The pages of the menu, in the order people work through them. */
    private static final List<MenuItem> PAGES = List.of(
            new MenuItem("/", "menu.start", false),
            new MenuItem("/adressen", "menu.adressen", false),
            new MenuItem("/werkvoorraad", "menu.werkvoorraad", false),
            new MenuItem("/overdrachten", "menu.overdrachten", false),
            new MenuItem("/herhaaladressen", "menu.herhaaladressen", false),
            new MenuItem("/samenloop", "menu.samenloop", false),
            new MenuItem("/doorbraken", "menu.doorbraken", false),
            new MenuItem("/aanmeldingen", "menu.aanmeldingen", false),
            new MenuItem("/overleggen", "menu.overleggen", false),
            new MenuItem("/casussen", "menu.casussen", false),
            new MenuItem("/acties", "menu.acties", false),
            new MenuItem("/gebiedsscan", "menu.gebiedsscan", false),
            new MenuItem("/casusoverleg/cijfers", "menu.casusoverleg.cijfers", false),
            new MenuItem("/monitor", "menu.monitor", false),
            new MenuItem("/toegangslog", "menu.toegangslog", false),
            new MenuItem("/inzageverzoeken", "menu.inzageverzoeken", false),
            new MenuItem("/vernietigingsaanvragen", "menu.vernietigingsaanvragen", false),
            new MenuItem("/beheer/registerimports", "menu.registerimports", false),
            new MenuItem("/help", "menu.help", false));

    private static final Crumb START = new Crumb("/", "menu.start");
    private static final Crumb ADDRESSES = new Crumb("/adressen", "menu.adressen");
    private static final Crumb WORKLIST = new Crumb("/werkvoorraad", "menu.werkvoorraad");
    private static final Crumb MEETINGS = new Crumb("/overleggen", "menu.overleggen");
    private static final Crumb CASES = new Crumb("/casussen", "menu.casussen");

    /** The pages above each page, by path pattern; the first pattern that matches wins. */
    private static final List<Map.Entry<PathPattern, List<Crumb>>> TRAILS = List.of(
            trail("/adressen/{id}/historie", START, ADDRESSES, new Crumb("/adressen/{id}", "breadcrumb.adres")),
            trail("/adressen/{id}/doorbraken", START, ADDRESSES, new Crumb("/adressen/{id}", "breadcrumb.adres")),
            trail("/adressen/{id}", START, ADDRESSES),
            trail("/incidenten/**", START, ADDRESSES),
            trail("/gemeenteregistraties/**", START, ADDRESSES),
            trail("/meldingen/**", START, WORKLIST),
            trail("/overdrachten/**", START, new Crumb("/overdrachten", "menu.overdrachten")),
            trail("/inzageverzoeken/**", START, new Crumb("/inzageverzoeken", "menu.inzageverzoeken")),
            trail("/doorbraken/**", START, new Crumb("/doorbraken", "menu.doorbraken")),
            trail("/gebiedsscan/**", START, new Crumb("/gebiedsscan", "menu.gebiedsscan")),
            trail("/aanmeldingen/nieuw", START, ADDRESSES),
            trail("/overleggen/{id}/agenda", START, MEETINGS, new Crumb("/overleggen/{id}", "breadcrumb.overleg")),
            trail("/overleggen/**", START, MEETINGS),
            trail("/casussen/**", START, CASES),
            trail("/casusoverleg/**", START),
            trail("/monitor/**", START, new Crumb("/monitor", "menu.monitor")));

    private Navigation() {}

    /** The menu for a professional with these roles, the current page marked. Empty without a role. */
    static List<MenuItem> menu(Set<Role> roles, String path) {
        List<MenuItem> menu = new ArrayList<>();
        for (MenuItem page : PAGES) {
            boolean allowed = AccessMatrix.find("GET", page.href())
                    .map(Permission::roles)
                    .filter(allowedRoles -> allowedRoles.stream().anyMatch(roles::contains))
                    .isPresent();
            if (allowed) {
                menu.add(new MenuItem(page.href(), page.labelKey(), isCurrent(page.href(), path)));
            }
        }
        return menu;
    }

    /** The pages above the page at {@code path}, the start page first; none on the start page itself. */
    static List<Crumb> breadcrumbs(String path) {
        if (path.equals("/") || path.isEmpty()) {
            return List.of();
        }
        PathContainer container = PathContainer.parsePath(path);
        for (Map.Entry<PathPattern, List<Crumb>> trail : TRAILS) {
            PathPattern.PathMatchInfo match = trail.getKey().matchAndExtract(container);
            if (match != null) {
                // A section's own page is not its own ancestor (/gebiedsscan is not above /gebiedsscan).
                return trail.getValue().stream()
                        .map(crumb -> new Crumb(expand(crumb.href(), match.getUriVariables()), crumb.labelKey()))
                        .filter(crumb -> !crumb.href().equals(path))
                        .toList();
            }
        }
        return List.of(START);
    }

    private static boolean isCurrent(String href, String path) {
        return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
    }

    private static String expand(String href, Map<String, String> variables) {
        String expanded = href;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            expanded = expanded.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        return expanded;
    }

    private static Map.Entry<PathPattern, List<Crumb>> trail(String pattern, Crumb... crumbs) {
        return Map.entry(PathPatternParser.defaultInstance.parse(pattern), List.of(crumbs));
    }
}
