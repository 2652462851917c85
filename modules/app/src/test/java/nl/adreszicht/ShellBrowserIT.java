package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
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
                        List.of("Start", "Adres zoeken", "Samenloop", "Help")),
                Arguments.of(
                        "vt.drenthe",
                        "Vera",
                        "Veilig Thuis Drenthe",
                        "/werkvoorraad",
                        List.of("Start", "Adres zoeken", "Werkvoorraad", "Samenloop", "Help")),
                Arguments.of(
                        "vtsupervisor.drenthe",
                        "Sanne",
                        "Veilig Thuis Drenthe",
                        "/doorbraken",
                        List.of(
                                "Start",
                                "Adres zoeken",
                                "Werkvoorraad",
                                "Samenloop",
                                "Noodtoegang beoordelen",
                                "Help")),
                Arguments.of(
                        "gemeente.hoogeveen",
                        "Gerda",
                        "Gemeente Hoogeveen",
                        "/samenloop",
                        List.of("Start", "Adres zoeken", "Overdrachten", "Samenloop", "Help")),
                Arguments.of(
                        "analist.hoogeveen",
                        "Anna",
                        "Gemeente Hoogeveen",
                        "/gebiedsscan",
                        List.of("Start", "Gebiedsscan", "Help")),
                Arguments.of(
                        "privacy.drenthe",
                        "Priya",
                        "Veilig Thuis Drenthe",
                        "/toegangslog",
                        List.of("Start", "Toegangslog", "Inzageverzoeken", "Vernietigingsaanvragen", "Help")),
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
        assertThat(page.locator("h1")).hasText("Gebiedsscan GM0118");

        for (String period : List.of("jaar", "halfjaar")) {
            page.locator("#periode").selectOption(period);
            page.locator("form.scan-form button").click();
            assertThat(page.locator("h1")).hasText("Gebiedsscan GM0118");
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
}
