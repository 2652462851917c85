package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Media;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import java.util.stream.Stream;
import nl.adreszicht.time.DutchTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shell as each role meets it in a real browser, through the real Keycloak login: the menu offers what the role
 * may do, the header names the person and their organisation (not its code), breadcrumbs say where they are, and every
 * page passes axe, the contrast check and the width check at 1366 and 375 px, in Dutch and in English. Also the
 * controls that were broken: the worklist's tabs, the area scan's year and half year, the melding form's address, the
 * account without a role.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class ShellBrowserIT {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Autowired
    DutchTime time;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newContext() {
        context = Browsers.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext(CapturedOutput output) {
        context.close();
        LogHygiene.assertClean(output.getAll());
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of(
                        "politie.drenthe",
                        "Petra",
                        "Politie Noord-Nederland",
                        "/adressen",
                        List.of(
                                "Start",
                                "Adres zoeken",
                                "Herhaaladressen",
                                "Samenloop",
                                "Overleggen",
                                "Casusoverleg",
                                "Mijn acties",
                                "Help")),
                Arguments.of(
                        "vt.drenthe",
                        "Vera",
                        "Veilig Thuis Drenthe",
                        "/werkvoorraad",
                        List.of(
                                "Start",
                                "Adres zoeken",
                                "Werkvoorraad",
                                "Herhaaladressen",
                                "Samenloop",
                                "Overleggen",
                                "Casusoverleg",
                                "Mijn acties",
                                "Help")),
                Arguments.of(
                        "vtsupervisor.drenthe",
                        "Sanne",
                        "Veilig Thuis Drenthe",
                        "/doorbraken",
                        List.of(
                                "Start",
                                "Adres zoeken",
                                "Werkvoorraad",
                                "Herhaaladressen",
                                "Samenloop",
                                "Noodtoegang beoordelen",
                                "Overleggen",
                                "Casusoverleg",
                                "Mijn acties",
                                "Help")),
                Arguments.of(
                        "gemeente.hoogeveen",
                        "Gerda",
                        "Gemeente Hoogeveen",
                        "/samenloop",
                        List.of(
                                "Start",
                                "Adres zoeken",
                                "Overdrachten",
                                "Samenloop",
                                "Overleggen",
                                "Casusoverleg",
                                "Mijn acties",
                                "Help")),
                Arguments.of(
                        "analist.hoogeveen",
                        "Anna",
                        "Gemeente Hoogeveen",
                        "/gebiedsscan",
                        List.of("Start", "Gebiedsscan", "Casusoverleg in cijfers", "Monitor", "Help")),
                Arguments.of(
                        "privacy.drenthe",
                        "Priya",
                        "Veilig Thuis Drenthe",
                        "/toegangslog",
                        List.of("Start", "Toegangslog", "Inzageverzoeken", "Vernietigingsaanvragen", "Help")),
                Arguments.of(
                        "zvh.drenthe",
                        "Zoë",
                        "Zorg- en Veiligheidshuis Drenthe",
                        "/aanmeldingen",
                        List.of("Start", "Aanmeldingen", "Overleggen", "Casusoverleg", "Help")),
                Arguments.of(
                        "reclassering.drenthe",
                        "Rik",
                        "Reclassering Nederland Drenthe",
                        "/acties",
                        List.of("Start", "Overleggen", "Casusoverleg", "Mijn acties", "Help")),
                Arguments.of(
                        "beheerder",
                        "Bart",
                        "Functioneel beheer Adreszicht",
                        "/help",
                        List.of("Start", "Registerimports", "Help")));
    }

    @ParameterizedTest
    @MethodSource("roles")
    void eachRoleSeesItsMenuItsNameAndOrganisationAndGoodPagesEverywhere(
            String username, String firstName, String organisation, String mainPage, List<String> menu) {
        Browsers.logIn(page, username);

        assertThat(page.locator("[data-testid=user]")).containsText(firstName);
        assertThat(page.locator(".user-organisation")).hasText(organisation);
        assertThat(page.locator("header")).not().containsText("-drenthe");
        assertThat(page.locator(".main-menu a")).hasText(menu.toArray(String[]::new));
        assertThat(page.locator(".main-menu a[aria-current=page]")).hasText("Start");
        assertThat(page.locator("footer a", new Page.LocatorOptions().setHasText("Privacyverklaring")))
                .isVisible();
        Browsers.assertGoodEverywhere(page, "start-" + username);

        page.navigate(LocalStackTest.APP_URL + mainPage);
        assertThat(page.locator(".breadcrumbs a").first()).hasText("Start");
        assertThat(page.locator(".breadcrumbs [aria-current=page]")).isVisible();
        Browsers.assertGoodEverywhere(page, "main-" + username);
    }

    @Test
    void theFaviconTheHelpAndThePrivacyStatementAreThere() {
        APIResponse favicon = context.request().get(LocalStackTest.APP_URL + "/favicon.ico");
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.headers().get("content-type")).contains("icon");

        page.navigate(LocalStackTest.APP_URL + "/privacyverklaring");
        assertThat(page.locator("h1")).hasText("Privacyverklaring");
        Browsers.assertAccessible(page);

        Browsers.logIn(page, "vtsupervisor.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Help"))
                .click();
        assertThat(page.locator("h1")).hasText("Help");
        assertThat(page.locator(".role-tasks h2")).hasText("Supervisor Veilig Thuis");
        Browsers.assertGoodEverywhere(page, "help-vtsupervisor");
    }

    @Test
    void theWorklistCategoryTabsAreReadable() {
        Browsers.logIn(page, "vt.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Werkvoorraad"))
                .click();

        Locator tabs = page.locator("nav.tabs a");
        assertThat(tabs.first()).isVisible();
        // White on white passed axe (only "incomplete"); the computed colours decide.
        ContrastCheck.assertReadable(page);
        assertThat(ContrastCheck.checkedElements(page)).isGreaterThan(20);
        String colour = (String) tabs.first().evaluate("a => getComputedStyle(a).color");
        assertThat(colour).isNotEqualTo("rgb(255, 255, 255)");
        tabs.nth(1).click();
        assertThat(page.locator("nav.tabs a[aria-current=page]")).not().hasText("Alle");
        ContrastCheck.assertReadable(page);
    }

    @Test
    void theAreaScanShowsAYearAndAHalfYearAndSaysWhyAPeriodIsRefused() {
        Browsers.logIn(page, "analist.hoogeveen");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Gebiedsscan"))
                .click();
        assertThat(page.locator("h1")).containsText("GM0118");

        for (String period : List.of("jaar", "halfjaar")) {
            page.locator("#periode").selectOption(period);
            page.locator("form.scan-form button").click();
            assertThat(page.locator("h1")).containsText("GM0118");
            assertThat(page.locator("main")).not().containsText("Er ging iets mis");
            assertThat(page.locator("#periode")).hasValue(period);
            assertThat(page.locator(".scan-table")).isVisible();
            Browsers.assertAccessible(page);
        }

        page.navigate(LocalStackTest.APP_URL + "/gebiedsscan?periode=eeuw");
        assertThat(page.locator(".error-summary")).containsText("Deze periode kan niet worden getoond");
        assertThat(page.locator(".error-summary")).containsText("kwartaal, halfjaar, jaar");
        assertThat(page.locator("form.scan-form")).isVisible();
        Browsers.assertAccessible(page);
    }

    @Test
    void aMeldingNamesItsAddressByPostcodeAndHouseNumberAndKeepsItAfterAnError() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b01', '7906KR', 41, 'Meldingweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        Browsers.logIn(page, "vt.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/meldingen/nieuw");
        assertThat(page.locator("#adresId")).hasCount(0);
        Browsers.assertGoodEverywhere(page, "melding-nieuw");

        page.locator("#postcode").fill("7906 kr");
        page.locator("#huisnummer").fill("41");
        page.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();

        // One round: every error at once, each naming its field, and the summary has the focus.
        Locator summary = page.locator(".error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Sector melder:");
        assertThat(summary).containsText("Reden:");
        assertThat(summary.locator("li").count()).isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#postcode")).hasValue("7906 kr");
        assertThat(page.locator("#huisnummer")).hasValue("41");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "melding-nieuw-fouten");

        page.locator("#melderSector").selectOption("huisarts");
        page.locator("#reden").fill("Huisarts ziet blauwe plekken bij het jongste kind.");
        page.locator("#gv-partnergeweld").check();
        page.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();
        assertThat(page.locator(".notice")).containsText("is geregistreerd");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding WHERE address_id = '3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b01'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anAccountWithoutARoleIsOfferedToSignOutInsteadOfALoop() {
        Browsers.logIn(page, "zonderrol");

        assertThat(page.locator("h1")).hasText("Uw account heeft nog geen rol in Adreszicht");
        assertThat(page.locator("main a", new Page.LocatorOptions().setHasText("Naar de startpagina")))
                .hasCount(0);
        assertThat(page.locator(".main-menu")).hasCount(0);
        Browsers.assertGoodEverywhere(page, "zonderrol");
        page.locator("main button", new Page.LocatorOptions().setHasText("Afmelden"))
                .click();
        page.waitForURL(LocalStackTest.APP_URL + "/afgemeld");
        assertThat(page.locator("h1")).hasText("U bent afgemeld");
    }

    @Test
    void theAddressHistoryPrintsWithoutMenuOrFilters() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b02', '7906KS', 42, 'Printlaan (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        Browsers.logIn(page, "vt.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/adressen/3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b02/historie");
        assertThat(page.locator(".breadcrumbs a")).hasText(new String[] {"Start", "Adres zoeken", "Adres"});
        Browsers.assertGoodEverywhere(page, "adreshistorie");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".main-menu")).isHidden();
        assertThat(page.locator("form.search-form")).isHidden();
        assertThat(page.locator("footer")).isHidden();
        assertThat(page.locator("h1")).isVisible();
        page.pdf(new Page.PdfOptions().setPath(java.nio.file.Path.of("target", "screenshots", "adreshistorie.pdf")));
    }

    @Test
    void anUnknownAddressIsADutchNotFoundPageAndOnTheApiAProblemNotARefusal() throws Exception {
        Browsers.logIn(page, "vt.drenthe");
        Response response = page.navigate(LocalStackTest.APP_URL + "/bestaat-niet");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Pagina niet gevonden");
        assertThat(page.locator("main")).not().containsText("geen rol");
        assertThat(page.locator(".main-menu")).isVisible();
        Browsers.assertGoodEverywhere(page, "niet-gevonden");
        page.locator("main a", new Page.LocatorOptions().setHasText("Naar de startpagina"))
                .click();
        assertThat(page.locator(".main-menu a[aria-current=page]")).hasText("Start");

        // A page that exists but is not for this role is still refused.
        assertThat(page.navigate(LocalStackTest.APP_URL + "/gebiedsscan").status())
                .isEqualTo(403);

        String token = RealmTokens.accessToken(issuer, "vt.drenthe");
        APIResponse api = context.request()
                .get(
                        LocalStackTest.APP_URL + "/api/v1/bestaat-niet",
                        RequestOptions.create().setHeader("Authorization", "Bearer " + token));
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(api.text()).contains("\"status\":404");

        // Without a role there is no start page to offer, also not on the 404 page: no loop.
        try (BrowserContext roleless = Browsers.newContext()) {
            Page other = roleless.newPage();
            Browsers.logIn(other, "zonderrol");
            assertThat(other.navigate(LocalStackTest.APP_URL + "/bestaat-niet").status())
                    .isEqualTo(404);
            assertThat(other.locator("main a", new Page.LocatorOptions().setHasText("Naar de startpagina")))
                    .hasCount(0);
            assertThat(other.locator("main button", new Page.LocatorOptions().setHasText("Afmelden")))
                    .isVisible();
        }
    }

    @Test
    void aSessionThatEndsDuringAFormKeepsTheInputToSendAgainAfterSigningIn() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b03', '7906KT', 43, 'Sessieweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        Browsers.logIn(page, "vt.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/meldingen/nieuw");
        page.locator("#postcode").fill("7906 KT");
        page.locator("#huisnummer").fill("43");
        page.locator("#melderSector").selectOption("huisarts");
        page.locator("#reden").fill("Buren horen 's nachts geschreeuw en een kind dat huilt.");
        page.locator("#gv-partnergeweld").check();

        // The session ends while the form is open.
        endTheSession();
        page.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();

        assertThat(page.locator("h1")).hasText("Uw sessie is verlopen");
        assertThat(page.locator("main")).not().containsText("geen rol");
        assertThat(page.locator("main")).containsText("is bewaard");
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "sessie-verlopen");
        page.locator("main a", new Page.LocatorOptions().setHasText("Opnieuw aanmelden en verdergaan"))
                .click();
        // Keycloak still knows the person: signing in again takes no password, and the input is back.
        assertThat(page.locator("h1")).hasText("Uw bewaarde invoer");
        assertThat(page.locator("main")).containsText("Melding registreren");
        assertThat(page.locator(".kept-fields")).containsText("7906 KT");
        assertThat(page.locator(".kept-fields")).containsText("geschreeuw");
        Browsers.assertAccessible(page);
        Browsers.assertNoHorizontalOverflow(page);
        Browsers.screenshot(page, "bewaarde-invoer");
        Browsers.assertGoodEverywhere(page, "bewaarde-invoer");
        // The page above reloaded it in two languages: the input is given back once, so it is gone now ...
        assertThat(page.locator("main")).containsText("geen bewaarde invoer");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding WHERE address_id = '3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b03'",
                        Integer.class))
                .isZero();
    }

    @Test
    void theKeptInputIsSentOnceMoreWithOneClick() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b04', '7906KV', 44, 'Sessieweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        Browsers.logIn(page, "vt.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/meldingen/nieuw");
        page.locator("#postcode").fill("7906 KV");
        page.locator("#huisnummer").fill("44");
        page.locator("#melderSector").selectOption("huisarts");
        page.locator("#reden").fill("Huisarts ziet blauwe plekken bij het jongste kind.");
        page.locator("#gv-partnergeweld").check();
        endTheSession();
        page.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();
        page.locator("main a", new Page.LocatorOptions().setHasText("Opnieuw aanmelden en verdergaan"))
                .click();
        page.locator("main button", new Page.LocatorOptions().setHasText("Opnieuw versturen"))
                .click();

        assertThat(page.locator(".notice")).containsText("is geregistreerd");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding WHERE address_id = '3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b04'",
                        Integer.class))
                .isEqualTo(1);

        // Signing out of a session that already ended says so, instead of refusing.
        endTheSession();
        page.locator("header button", new Page.LocatorOptions().setHasText("Afmelden"))
                .click();
        assertThat(page.locator("h1")).hasText("U bent afgemeld");
    }

    /**
     * A record made at 23:30 UTC on 14 March happened at 00:30 on 15 March in the Netherlands: that is the day and time
     * the page shows, in a browser that is itself Dutch (locale nl-NL, zone Europe/Amsterdam).
     */
    @Test
    void aRecordMadeAt2330UtcShowsItsDutchDayAndTime() throws Exception {
        String address = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b05";
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('" + address + "', '7906KW', 45, 'Middernachtweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        String incident =
                RealmTokens.incident("PNN-2330", address).replace("2026-03-14T22:15:00+01:00", "2026-03-14T23:30:00Z");
        APIResponse registered = context.request()
                .post(
                        LocalStackTest.APP_URL + "/api/v1/incidenten",
                        RequestOptions.create()
                                .setHeader(
                                        "Authorization", "Bearer " + RealmTokens.accessToken(issuer, "politie.drenthe"))
                                .setHeader("Content-Type", "application/json")
                                .setData(incident));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);

        Browsers.logIn(page, "vt.drenthe");
        assertThat(page.evaluate("() => navigator.language")).isEqualTo("nl-NL");
        assertThat(page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone"))
                .isEqualTo("Europe/Amsterdam");
        page.navigate(LocalStackTest.APP_URL + "/adressen/" + address + "/historie");
        Locator entry = page.locator(".timeline li[data-type=politie-incident]");
        assertThat(entry.locator("time")).hasText("15-03-2026 00:30");
        assertThat(page.locator("main")).not().containsText("14-03-2026");
        assertThat(page.locator("main")).not().containsText("2026-03-14");
        Browsers.screenshot(page, "middernacht");

        // Names, not codes: the organisation by its name, the colour and its rule in words, in Dutch and in English.
        assertThat(entry.locator(".history-organisation")).hasText("Politie Noord-Nederland");
        assertThat(entry.locator(".history-summary"))
                .hasText(java.util.regex.Pattern.compile("^Incident PNN-2330/.*, ernst S2$"));
        Locator colour = page.locator(".timeline li[data-type=kleurwijziging] .history-summary");
        assertThat(colour.first()).containsText("Kleur Geel (een incident met lichamelijk geweld of bedreiging");
        assertThat(page.locator(".timeline")).not().containsText("YELLOW");
        assertThat(page.locator(".timeline")).not().containsText("_IS_");
        assertThat(page.locator(".timeline")).not().containsText("politie-noord-nederland");
        page.navigate(LocalStackTest.APP_URL + "/adressen/" + address + "/historie?lang=en");
        assertThat(entry.locator(".history-summary"))
                .hasText(java.util.regex.Pattern.compile("^Incident PNN-2330/.*, severity S2$"));
        assertThat(colour.first()).containsText("Colour Yellow (an incident with physical violence");
        assertThat(page.locator(".timeline")).not().containsText("ernst");
        assertThat(page.locator(".timeline")).not().containsText("Kleur");
        Browsers.assertGoodEverywhere(page, "adreshistorie-zinnen");
    }

    /**
     * The area scan names the gemeente, its wijken and buurten from the CBS labels of their boundaries: in the title
     * (not only "GM0118"), the table, the chart and the CSV; the codes stay beside the names.
     */
    @Test
    void theAreaScanNamesTheGemeenteItsWijkenAndBuurten() throws Exception {
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, wijk_code, buurt_code,"
                        + " area_year, synthetic) SELECT md5('scan-names' || n)::uuid, '7906NP', n, 'Naamlaan (demo)',"
                        + " 'Hoogeveen', 'GM0118', 'WK011807', 'BU01180701', 2026, true FROM generate_series(1, 60) n"
                        + " ON CONFLICT DO NOTHING");
        String square = "'{\"type\": \"Polygon\", \"coordinates\": [[[6.50, 52.72], [6.52, 52.72], [6.52, 52.73],"
                + " [6.50, 52.73], [6.50, 52.72]]]}'";
        jdbc.update(
                "INSERT INTO area_boundary (code, area_year, level, gemeente_code, label, geometry, synthetic) VALUES"
                        + " ('GM0118', 2026, 'gemeente', 'GM0118', 'Hoogeveen', " + square + ", true),"
                        + " ('WK011807', 2026, 'wijk', 'GM0118', 'Noordwijk', " + square + ", true),"
                        + " ('BU01180701', 2026, 'buurt', 'GM0118', 'Kinholt-Noord', " + square + ", true)"
                        + " ON CONFLICT (code, area_year) DO UPDATE SET label = EXCLUDED.label");
        events.publishEvent(new nl.adreszicht.addresses.AddressesImported(60));

        Browsers.logIn(page, "analist.hoogeveen");
        page.navigate(LocalStackTest.APP_URL + "/gebiedsscan?niveau=buurt");
        // The map draws after its own request: the screenshot shows it drawn, not an empty frame.
        assertThat(page.locator("#kaart"))
                .hasAttribute("data-rendered", java.util.regex.Pattern.compile("[1-9][0-9]*"));
        Browsers.screenshot(page, "gebiedsscan-namen");
        assertThat(page.locator("h1")).hasText("Gebiedsscan Hoogeveen (GM0118)");
        Locator buurt = page.locator(".scan-table tbody tr", new Page.LocatorOptions().setHasText("BU01180701"));
        assertThat(buurt.locator(".area-name")).hasText("Kinholt-Noord");
        Locator wijk = page.locator(".scan-table tbody tr", new Page.LocatorOptions().setHasText("WK011807"));
        assertThat(wijk.locator(".area-name")).hasText("Noordwijk");
        assertThat(page.locator(".trend-chart .chart-label", new Page.LocatorOptions().setHasText("Noordwijk")))
                .hasCount(1);
        assertThat(page.locator("#grafiek-totaal")).containsText("Hoogeveen (GM0118)");
        Browsers.assertAccessible(page);

        Download download = page.waitForDownload(
                () -> page.locator("a[href*='/gebiedsscan/export']").click());
        String csv = java.nio.file.Files.readString(download.path());
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("gebied;naam;niveau");
        // An area too small on its own is merged ("BU01180701+") and keeps the name of the area it is built on.
        assertThat(csv)
                .containsPattern("\r\nBU01180701\\+?;Kinholt-Noord;buurt;")
                .containsPattern("\r\nWK011807\\+?;Noordwijk;wijk;")
                .contains("\r\nGM0118;Hoogeveen;gemeente;");

        page.navigate(LocalStackTest.APP_URL + "/gebiedsscan?niveau=buurt&lang=en");
        assertThat(page.locator("h1")).hasText("Area scan Hoogeveen (GM0118)");
    }

    /**
     * The privacy officer reads the log by name, not by Keycloak subject: searches by username, by postcode and house
     * number and within a range of days, and exports the answer as CSV in Dutch time; the export is logged too.
     */
    @Test
    void thePrivacyOfficerSearchesTheLogByUsernameAddressAndDaysAndExportsIt() throws Exception {
        String address = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b06";
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('" + address + "', '7906KX', 46, 'Logweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        Browsers.logIn(page, "vt.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/adressen/" + address);
        page.locator("header button", new Page.LocatorOptions().setHasText("Afmelden"))
                .click();
        page.waitForURL(LocalStackTest.APP_URL + "/afgemeld");

        Browsers.logIn(page, "privacy.drenthe");
        page.navigate(LocalStackTest.APP_URL + "/toegangslog");
        page.locator("#gebruiker").fill("vt.drenthe");
        page.locator("form.log-search button").click();
        Locator rows = page.locator("tbody tr");
        assertThat(rows.first()).isVisible();
        assertThat(page.locator(".log-user-name").first()).hasText("Vera van Veilig Thuis (demo)");
        assertThat(page.locator(".log-username").first()).hasText("vt.drenthe");
        assertThat(page.locator(".log-organisation").first()).hasText("Veilig Thuis Drenthe");
        // Names, not Keycloak subjects (UUIDs) and not organisation codes, in the user column.
        assertThat(page.locator(".log-user").first()).not().containsText("-4");
        assertThat(page.locator("tbody")).not().containsText("veilig-thuis-drenthe");
        assertThat(page.locator("tbody")).containsText("Lezen");
        Browsers.assertGoodEverywhere(page, "toegangslog-gebruiker");

        page.locator("#gebruiker").fill("");
        page.locator("#postcode").fill("7906 kx");
        page.locator("#huisnummer").fill("46");
        String today = time.today().toString();
        page.locator("#van").fill(today);
        page.locator("#tot").fill(today);
        page.locator("form.log-search button").click();
        // The read of the address, and the officer's own search for it (logged before it ran).
        Locator read = rows.filter(new Locator.FilterOptions().setHasText("adres.pagina"));
        assertThat(read).hasCount(1);
        assertThat(read).containsText("Vera van Veilig Thuis (demo)");
        assertThat(read.locator("td").first())
                .hasText(java.util.regex.Pattern.compile(
                        time.today().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                                + " \\d{2}:\\d{2}"));
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("toegangslog.pagina")))
                .containsText("Priya Privacy Officer (demo)");

        // The same address last year: nothing; an end before the start: said at once, naming the field.
        page.locator("#van").fill(time.today().minusYears(1).toString());
        page.locator("#tot").fill(time.today().minusYears(1).toString());
        page.locator("form.log-search button").click();
        assertThat(page.locator("main")).containsText("Geen vermeldingen gevonden");
        page.locator("#van").fill(today);
        page.locator("#tot").fill(time.today().minusDays(1).toString());
        page.locator("form.log-search button").click();
        assertThat(page.locator(".error-summary")).containsText("Tot en met: De einddatum ligt voor de begindatum");
        assertThat(page.locator(".error-summary")).isFocused();
        Browsers.assertAccessible(page);

        page.locator("#tot").fill(today);
        page.locator("form.log-search button").click();
        long exportsBefore = exports();
        Download download =
                page.waitForDownload(() -> page.locator(".export-link").click());
        String csv = java.nio.file.Files.readString(download.path());
        assertThat(download.suggestedFilename()).startsWith("toegangslog-").endsWith(".csv");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("tijdstip;soort;actie;naam;gebruikersnaam");
        assertThat(csv.lines()
                        .filter(line -> line.contains(";LEZEN;adres.pagina;"))
                        .findFirst()
                        .orElseThrow())
                .matches(
                        "\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2};LEZEN;adres.pagina;Vera van Veilig Thuis \\(demo\\);vt.drenthe;.*")
                .contains(";Veilig Thuis Drenthe;");
        assertThat(exports()).as("the export is itself in the log").isEqualTo(exportsBefore + 1);
    }

    private long exports() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM access_log WHERE kind = 'EXPORTEREN' AND action = 'toegangslog.export'"
                        + " AND object_type = 'adres'",
                Long.class);
    }

    /** Ends the browser's session as the idle timeout's cleanup does: its row is gone from PostgreSQL. */
    private void endTheSession() {
        String cookie = context.cookies().stream()
                .filter(c -> c.name.equals("SESSION"))
                .findFirst()
                .orElseThrow()
                .value;
        assertThat(jdbc.update(
                        "DELETE FROM spring_session WHERE session_id = convert_from(decode(?, 'base64'), 'UTF8')",
                        cookie))
                .isEqualTo(1);
    }
}
