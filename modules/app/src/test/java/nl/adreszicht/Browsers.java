package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One headless Debian Chromium for every browser test class in the run (started on first use, closed when the JVM
 * ends), and what every browser test checks on a page: WCAG 2.1 A/AA by axe-core, the contrast of every visible
 * text by {@link ContrastCheck}, nothing wider than the window, and a screenshot in {@code target/screenshots}.
 */
final class Browsers {

    /** The widths every page is checked at: a laptop and a small phone. */
    static final int DESKTOP = 1366;

    static final int PHONE = 375;

    static final String LOCALE = "nl-NL";

    static final String TIME_ZONE = "Europe/Amsterdam";

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {}

    static synchronized Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--font-render-hinting=none",
                                    // Native date inputs take their format from the browser's own language (its
                                    // environment and Debian's chromium-l10n), not the context's locale: a Dutch
                                    // professional's browser shows dd-mm-jjjj.
                                    "--lang=" + LOCALE))
                            .setEnv(dutch()));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    /** The test run's environment, in Dutch: the browser takes its language from it. */
    private static Map<String, String> dutch() {
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        environment.put("LANGUAGE", "nl");
        environment.put("LANG", "nl_NL.UTF-8");
        return environment;
    }

    /** A fresh browser context (own cookies, so its own login) at desktop width, in Dutch and in Dutch time. */
    static BrowserContext newContext() {
        // A Dutch professional's browser: Dutch locale (date inputs read dd-mm-jjjj) and Dutch time, whatever the
        // machine running the tests is set to.
        BrowserContext context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(DESKTOP, 900)
                        .setLocale(LOCALE)
                        .setTimezoneId(TIME_ZONE));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Logs in through the real Keycloak login page and lands on the page asked for. */
    static void logIn(Page page, String username) {
        page.navigate(LocalStackTest.APP_URL + "/");
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo-only");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(LocalStackTest.APP_URL + "/") && !url.contains("/login/oauth2/"));
    }

    /** axe-core (WCAG 2.1 A and AA) and the contrast of every visible text. */
    static void assertAccessible(Page page) {
        // Judge the page as a person sees it: laid out, with its fonts, every part of it on screen. axe places an
        // element that lies below the window by where it would be scrolled to, and on a long table put a row's button
        // over the link of a row further down (the screenshot shows them apart); with the window as tall as the page,
        // every element is judged where it is.
        page.evaluate("() => document.fonts.ready.then(() => true)");
        com.microsoft.playwright.options.ViewportSize window = page.viewportSize();
        int height = ((Number)
                        page.evaluate("() => Math.max(document.documentElement.scrollHeight, window.innerHeight)"))
                .intValue();
        List<Rule> violations;
        try {
            if (window != null) {
                page.setViewportSize(window.width, Math.min(height, 12_000));
            }
            violations = new AxeBuilder(page)
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze()
                    .getViolations();
        } finally {
            if (window != null) {
                page.setViewportSize(window.width, window.height);
            }
        }
        assertThat(violations)
                .as(() -> page.url() + "\n"
                        + violations.stream()
                                .map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        ContrastCheck.assertReadable(page);
    }

    /** Nothing on the page is wider than the window: no sideways scrolling of the page itself. */
    static void assertNoHorizontalOverflow(Page page) {
        Number overflow = (Number)
                page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow.intValue() > 0) {
            // Name the outermost elements that stick out, so the failure says what to fix.
            Object culprits = page.evaluate("() => { const w = document.documentElement.clientWidth;"
                    + " return Array.from(document.body.querySelectorAll('*'))"
                    + ".filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement"
                    + " && e.parentElement.getBoundingClientRect().right > w + 1))"
                    + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)); }");
            assertThat(overflow.intValue())
                    .as("page wider than the window on " + page.url() + ": " + culprits)
                    .isLessThanOrEqualTo(0);
        }
    }

    /**
     * The page checked at desktop and at phone width, each in Dutch and in English (the language switch in the
     * header): accessible, readable and within the window; screenshots under {@code target/screenshots/<name>-*}.
     */
    static void assertGoodEverywhere(Page page, String name) {
        String url = page.url();
        for (String language : List.of("nl", "en")) {
            page.navigate(withLanguage(url, language));
            for (int width : List.of(DESKTOP, PHONE)) {
                page.setViewportSize(width, width == DESKTOP ? 900 : 812);
                assertThat(page.locator("html")).hasAttribute("lang", language);
                // The screenshot first: a page that fails the checks can then be looked at.
                screenshot(page, name + "-" + language + "-" + width);
                assertAccessible(page);
                assertNoHorizontalOverflow(page);
            }
        }
        page.setViewportSize(DESKTOP, 900);
        page.navigate(withLanguage(url, "nl"));
    }

    static void screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private static String withLanguage(String url, String language) {
        String base = url.replaceAll("([?&])lang=[a-z]+&?", "$1").replaceAll("[?&]$", "");
        return base + (base.contains("?") ? "&" : "?") + "lang=" + language;
    }
}
