package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.adreszicht.localstack.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Logs in through the real Keycloak login page in headless Debian Chromium, as every demo user of the realm
 * file, and checks each lands on their role's start page without WCAG 2.1 A/AA violations.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class LoginBrowserIT {

    @AfterEach
    void theApplicationLoggedNoPersonalDataOrTokens(CapturedOutput output) {
        LogHygiene.assertClean(output.getAll());
    }

    private static final Path REALM_FILE = Path.of(System.getProperty("adreszicht.project-root", "../.."))
            .resolve("infra/keycloak/adreszicht-realm.json");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
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
                                "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    static List<DemoLogin> demoUsers() {
        return DemoLogin.readAll(REALM_FILE);
    }

    @ParameterizedTest
    @MethodSource("demoUsers")
    void everyDemoUserLogsInAndSeesTheirStartPage(DemoLogin user) {
        logIn(user.username());

        if (user.role().isEmpty()) {
            assertThat(page.locator("main")).containsText("geen rol");
            return;
        }
        assertThat(page.locator("h1")).hasText("Mijn werk");
        assertThat(page.locator(".welcome")).containsText("Welkom, " + user.firstName());
        assertThat(page.locator("[data-role='" + user.role().get() + "']")).isVisible();
        assertThat(page.locator(".role-tasks")).hasCount(1);
        assertNoAccessibilityViolations();
    }

    @Test
    void theSessionLivesInPostgresqlBehindAHardenedCookieThatLoginRenews() {
        page.navigate(LocalStackTest.APP_URL + "/");
        String beforeLogin = sessionCookie().value;
        page.locator("#username").fill("gemeente.zwolle");
        page.locator("#password").fill("demo-only");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(LocalStackTest.APP_URL + "/") && !url.contains("/login/oauth2/"));

        Cookie session = sessionCookie();
        assertThat(session.value).as("a new session id on login").isNotEqualTo(beforeLogin);
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        Integer rows = jdbc.queryForObject(
                "select count(*) from spring_session s join spring_session_attributes a"
                        + " on a.session_primary_id = s.primary_id"
                        + " where s.session_id = convert_from(decode(?, 'base64'), 'UTF8')",
                Integer.class,
                session.value);
        assertThat(rows).isPositive();
    }

    private Cookie sessionCookie() {
        return context.cookies(LocalStackTest.APP_URL).stream()
                .filter(cookie -> cookie.name.equals("SESSION"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void logoutEndsTheKeycloakSessionToo() {
        logIn("vt.drenthe");

        page.locator("button", new Page.LocatorOptions().setHasText("Afmelden")).click();

        page.waitForURL(LocalStackTest.APP_URL + "/afgemeld");
        assertThat(page.locator("h1")).hasText("U bent afgemeld");
        assertNoAccessibilityViolations();
        page.navigate(LocalStackTest.APP_URL + "/");
        assertThat(page.locator("#username")).isVisible();
    }

    /**
     * Issue 10, gap 4, with the real Keycloak: an administrator signs a user out in Keycloak, Keycloak tells the
     * application over the back channel (the realm's logout URL), and the user's browser session is gone at once.
     */
    @Test
    void whenKeycloakEndsTheUsersSessionTheBrowserSessionEndsToo() throws Exception {
        logIn("gemeente.hoogeveen");
        assertThat(page.locator(".welcome")).containsText("Welkom");
        String session = sessionCookie().value;

        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String admin = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(http.send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                keycloak + "/realms/master/protocol/openid-connect/token"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "grant_type=password&client_id=admin-cli&username=admin"
                                                        + "&password=demo-only-admin"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString())
                        .body())
                .path("access_token")
                .asString();
        String users = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(keycloak
                                        + "/admin/realms/adreszicht/users?exact=true&username=gemeente.hoogeveen"))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        String userId = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(users)
                .path(0)
                .path("id")
                .asString();
        int signedOut = http.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        keycloak + "/admin/realms/adreszicht/users/" + userId + "/logout"))
                                .header("Authorization", "Bearer " + admin)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(signedOut).isEqualTo(204);

        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session where session_id = convert_from(decode(?, 'base64'),"
                                + " 'UTF8')",
                        Integer.class,
                        session))
                .as("the browser session, deleted by the back-channel logout")
                .isZero();
        page.navigate(LocalStackTest.APP_URL + "/");
        assertThat(page.locator("#username")).isVisible();
    }

    @org.springframework.beans.factory.annotation.Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Test
    void thePrivacyOfficerSearchesTheAccessLogAndTheSearchIsLoggedToo() {
        logIn("privacy.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Toegangslog"))
                .click();

        page.locator("#object").fill("Dam 1A Amsterdam");
        page.locator("button", new Page.LocatorOptions().setHasText("Zoeken")).click();
        assertThat(page.locator("[role=alert]")).containsText("geen adres of naam");
        assertNoAccessibilityViolations();

        String objectId = java.util.UUID.randomUUID().toString();
        page.locator("#object").fill(objectId);
        page.locator("button", new Page.LocatorOptions().setHasText("Zoeken")).click();
        // The officer's own search is the first entry about this object.
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody tr")).containsText("toegangslog.pagina");
        assertThat(page.locator("tbody tr")).containsText("Privacy officer (FG)");
        assertThat(page.locator("tbody tr .log-user-name")).hasText("Priya Privacy Officer (demo)");
        assertNoAccessibilityViolations();
    }

    @Test
    void aPoliceOfficerFindsAnAddressAndSeesItsColourAndWhy() {
        String id = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a60";
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, huisletter, straat, woonplaats, gemeente_code,"
                        + " wijk_code, buurt_code, area_year, synthetic) VALUES (?::uuid, '7906KL', 21, 'A', 'Testlaan (demo)',"
                        + " 'Hoogeveen', 'GM0118', 'WK011806', 'BU01180601', 2026, true) ON CONFLICT DO NOTHING",
                id);
        // An incident of the officer's own organisation (politie.drenthe works for politie-noord-nederland) with
        // children present: outside Veilig Thuis the colour's rule is shown when the own records fire it.
        String incident = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a6f";
        jdbc.update(
                "INSERT INTO incident (id, organisation, registration_number, occurred_at, occurred_zone, address_id,"
                        + " severity, children_present, injury, weapon, alcohol_drugs, aangifte, huisverbod_imposed,"
                        + " huisverbod_broken, zorgmelding, content_hash, registered_by) VALUES (?::uuid,"
                        + " 'politie-noord-nederland', 'BROWSER-KLEUR', now() - interval '3 days', 'Europe/Amsterdam',"
                        + " ?::uuid, 'S1', true, false, false, false, false, false, false, false, repeat('0', 64),"
                        + " 'fixture') ON CONFLICT DO NOTHING",
                incident,
                id);
        jdbc.update(
                "INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                        + " counted_record_ids, computed_at) VALUES (?::uuid, 'YELLOW', 'v1', 'CHILDREN_PRESENT_IS_YELLOW',"
                        + " ARRAY['CHILDREN_PRESENT_IS_YELLOW', 'INCIDENT_IN_WINDOW_IS_GREEN'], ARRAY[?], now())"
                        + " ON CONFLICT DO NOTHING",
                id,
                incident);
        logIn("politie.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Adres zoeken"))
                .click();

        page.locator("#postcode").fill("1234 SS");
        page.locator("#huisnummer").fill("nul");
        page.locator("form.search-form button").click();
        assertThat(page.locator(".error-summary")).containsText("postcode");
        assertThat(page.locator("#huisnummer")).hasAttribute("aria-invalid", "true");
        assertNoAccessibilityViolations();

        page.locator("#postcode").fill("7906 kl");
        page.locator("#huisnummer").fill("21");
        page.locator("#huisletter").fill("a");
        page.locator("form.search-form button").click();
        assertThat(page.locator("#address-heading")).containsText("Testlaan (demo) 21A");
        assertThat(page.locator(".colour-badge")).hasText("Geel");
        assertThat(page.locator(".address-card")).containsText("een incident met kinderen aanwezig");
        assertThat(page).hasURL(LocalStackTest.APP_URL + "/adressen");
        assertNoAccessibilityViolations();
    }

    @Test
    void aPoliceOfficerRegistersAnIncidentThroughTheFormAndSeesTheColourAndWhy() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a61', '7906KM', 22, 'Formulierweg (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        logIn("politie.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Adres zoeken"))
                .click();
        page.locator("#postcode").fill("7906KM");
        page.locator("#huisnummer").fill("22");
        page.locator("form.search-form button").click();
        assertThat(page.locator(".colour-badge")).hasCount(0);
        page.locator("a", new Page.LocatorOptions().setHasText("Incident registreren op dit adres"))
                .click();
        assertNoAccessibilityViolations();

        page.locator("button", new Page.LocatorOptions().setHasText("Registreren"))
                .click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator(".error-summary li")).not().hasCount(0);
        assertNoAccessibilityViolations();

        page.locator("#registratienummer")
                .fill("PL0100-2026-" + java.util.UUID.randomUUID().toString().substring(0, 6));
        // Yesterday evening: always in the past, whenever the test runs (a registration in the future is refused).
        page.locator("#datum")
                .fill(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                        .minusDays(1)
                        .toString());
        page.locator("#tijd").fill("21:30");
        page.locator("#ernst-S2").check();
        page.locator("#gv-partnergeweld").check();
        page.locator("#kinderenAanwezig").check();
        page.locator("#slachtofferNaam").fill("Demo Slachtoffer");
        page.locator("button", new Page.LocatorOptions().setHasText("Registreren"))
                .click();

        assertThat(page.locator(".success")).containsText("Het incident is geregistreerd");
        assertThat(page.locator("#address-heading")).containsText("Formulierweg (demo) 22");
        assertThat(page.locator(".colour-badge")).hasText("Geel");
        assertThat(page.locator(".address-card")).containsText("Beslissende regel");
        assertNoAccessibilityViolations();
    }

    @Test
    void aGemeenteMedewerkerRecordsAHuisverbodThroughTheFormAndSeesTheColourTurnOrange() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a62', '7906KN', 23, 'Huisverbodlaan (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        logIn("gemeente.hoogeveen");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Adres zoeken"))
                .click();
        page.locator("#postcode").fill("7906KN");
        page.locator("#huisnummer").fill("23");
        page.locator("form.search-form button").click();
        assertThat(page.locator(".colour-badge")).hasCount(0);
        page.locator("a", new Page.LocatorOptions().setHasText("Signaal of huisverbod registreren op dit adres"))
                .click();
        assertNoAccessibilityViolations();

        page.locator("button", new Page.LocatorOptions().setHasText("Registreren"))
                .click();
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator(".error-summary li")).not().hasCount(0);
        assertNoAccessibilityViolations();

        page.locator("#soort-huisverbod").check();
        page.locator("#registratienummer")
                .fill("HV-2026-" + java.util.UUID.randomUUID().toString().substring(0, 6));
        page.locator("#datum")
                .fill(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                        .minusDays(1)
                        .toString());
        page.locator("button", new Page.LocatorOptions().setHasText("Registreren"))
                .click();

        assertThat(page.locator(".success")).containsText("De registratie is opgeslagen");
        assertThat(page.locator("#address-heading")).containsText("Huisverbodlaan (demo) 23");
        assertThat(page.locator(".colour-badge")).hasText("Oranje");
        assertThat(page.locator(".address-card")).containsText("een huisverbod opgelegd");
        assertNoAccessibilityViolations();
    }

    @Test
    void aPoliceZorgmeldingArrivesAndVeiligThuisTakesItInSeesTheHistoryAndAssessesIt() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a63', '7906KP', 31, 'Zorgstraat (demo)', 'Hoogeveen',"
                + " 'GM0118', true) ON CONFLICT DO NOTHING");
        String number = "PL0100-ZM-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        logIn("politie.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Adres zoeken"))
                .click();
        page.locator("#postcode").fill("7906KP");
        page.locator("#huisnummer").fill("31");
        page.locator("form.search-form button").click();
        page.locator("a", new Page.LocatorOptions().setHasText("Incident registreren op dit adres"))
                .click();
        page.locator("#registratienummer").fill(number);
        page.locator("#datum")
                .fill(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam"))
                        .minusDays(1)
                        .toString());
        page.locator("#tijd").fill("22:10");
        page.locator("#ernst-S2").check();
        page.locator("#gv-partnergeweld").check();
        page.locator("#kinderenAanwezig").check();
        page.locator("#slachtofferNaam").fill("Demo Moeder");
        page.locator("#zorgen").fill("Kinderen waren getuige; moeder vraagt om hulp.");
        page.locator("button", new Page.LocatorOptions().setHasText("Registreren"))
                .click();
        assertThat(page.locator(".success").last()).containsText("De zorgmelding is naar Veilig Thuis verstuurd.");

        // Veilig Thuis, in a browser of its own: the zorgmelding waits in the worklist.
        context.close();
        context = browser.newContext();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        logIn("vt.drenthe");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Werkvoorraad"))
                .click();
        String zorgmelding = jdbc.queryForObject(
                "SELECT z.id::text FROM zorgmelding z JOIN incident i ON i.id = z.incident_id"
                        + " WHERE i.registration_number = ?",
                String.class,
                number);
        assertNoAccessibilityViolations();
        page.locator("a[href*='" + zorgmelding + "']").click();
        page.locator("#reden").fill("Zorgmelding politie: kinderen getuige van partnergeweld.");
        page.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();
        assertThat(page.locator(".notice")).containsText("is geregistreerd");
        assertThat(page.locator("a[href*='" + zorgmelding + "']")).hasCount(0);

        page.navigate(LocalStackTest.APP_URL + "/adressen/3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5a63/historie");
        assertThat(page.locator(".timeline")).containsText("Politie-incident");
        assertThat(page.locator(".timeline")).containsText("Melding Veilig Thuis");
        assertThat(page.locator(".timeline")).containsText("Zorgmelding");
        // Times in Dutch time: the zorgmelding was sent a moment ago, so it reads as the Dutch clock now (it was UTC,
        // an hour or two before the incident it came from), and it stands above that incident, newest first.
        String sent = page.locator(".timeline li[data-type=zorgmelding] time").textContent();
        java.time.LocalDateTime sentAt =
                java.time.LocalDateTime.parse(sent, java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
        java.time.LocalDateTime dutchNow = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Amsterdam"));
        assertThat(java.time.Duration.between(sentAt, dutchNow).abs()).isLessThan(java.time.Duration.ofMinutes(5));
        assertThat(page.locator(".timeline li[data-type=politie-incident] time"))
                .containsText(":10");
        List<String> order = page.locator(".timeline > li").evaluateAll("items => items.map(i => i.dataset.type)")
                        instanceof List<?> types
                ? types.stream().map(String::valueOf).toList()
                : List.of();
        assertThat(order.indexOf("zorgmelding")).isLessThan(order.indexOf("politie-incident"));
        assertNoAccessibilityViolations();

        String melding = jdbc.queryForObject(
                "SELECT m.registration_number FROM vt_melding m JOIN zorgmelding z ON z.id = m.zorgmelding_id"
                        + " WHERE z.id = ?::uuid",
                String.class,
                zorgmelding);
        page.navigate(LocalStackTest.APP_URL + "/werkvoorraad");
        page.locator("a", new Page.LocatorOptions().setHasText(melding)).click();
        assertNoAccessibilityViolations();
        page.locator("#statuscode").selectOption("VT-01-01");
        page.locator("button", new Page.LocatorOptions().setHasText("Beoordeling vastleggen"))
                .click();
        assertThat(page.locator(".error-summary")).isVisible();
        page.locator("input[name=acuteOnveiligheid][value=nee]").check();
        page.locator("input[name=structureleOnveiligheid][value=ja]").check();
        page.locator("#statuscode").selectOption("VT-01-01");
        page.locator("button", new Page.LocatorOptions().setHasText("Beoordeling vastleggen"))
                .click();

        assertThat(page.locator(".notice").first()).containsText("De veiligheidsbeoordeling van " + melding);
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(melding)))
                .containsText("Beoordeeld");
        assertNoAccessibilityViolations();
        // The terugkoppeling reaches the police's zorgmelding after the step answered (ADR 0011).
        await().atMost(AfterCommit.AT_MOST)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT feedback_code FROM zorgmelding WHERE id = ?::uuid", String.class, zorgmelding))
                        .isEqualTo("VT-01-01"));
    }

    @Test
    void theAnalistOpensTheAreaScanAndTheMapRendersWithoutExternalRequests() {
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, wijk_code, buurt_code,"
                        + " area_year, synthetic) SELECT md5('browser-scan' || n)::uuid, '7906MN', n, 'Kaartlaan (demo)',"
                        + " 'Hoogeveen', 'GM0118', 'WK011806', 'BU01180602', 2026, true FROM generate_series(1, 60) n"
                        + " ON CONFLICT DO NOTHING");
        jdbc.update(
                "INSERT INTO area_boundary (code, area_year, level, gemeente_code, label, geometry, synthetic) VALUES"
                        + " ('BU01180602', 2026, 'buurt', 'GM0118', 'Test', '{\"type\": \"Polygon\", \"coordinates\":"
                        + " [[[6.47, 52.72], [6.49, 52.72], [6.49, 52.73], [6.47, 52.73], [6.47, 52.72]]]}', true)"
                        + " ON CONFLICT DO NOTHING");
        // As an import of addresses announces itself, so the area scan counts them.
        events.publishEvent(new nl.adreszicht.addresses.AddressesImported(60));
        logIn("analist.hoogeveen");
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> requests.add(request.url()));

        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Gebiedsscan"))
                .click();

        assertThat(page.locator("h1")).containsText("GM0118");
        assertThat(page.locator("#kaart"))
                .hasAttribute("data-rendered", java.util.regex.Pattern.compile("[1-9][0-9]*"));
        assertThat(page.locator("#kaart path.area").first()).isVisible();
        assertThat(page.locator("#kaart-legenda li")).hasCount(6);
        assertThat(page.locator(".scan-table")).containsText("BU01180602");
        org.assertj.core.api.Assertions.assertThat(requests)
                .as("no tile server or any other host")
                .isNotEmpty()
                .allMatch(url -> url.startsWith(LocalStackTest.APP_URL + "/") || url.startsWith("data:"));
        assertNoAccessibilityViolations();
    }

    @Test
    void theBeheerderReadsTheRegisterImportsInDutchOnADesktopAndOnAPhone() throws Exception {
        jdbc.update("INSERT INTO register_import (id, register, file_name, checksum, options, started_by, started_at,"
                + " heartbeat_at, finished_at, status, rows_read, rows_written, rows_rejected, rows_unplaced, rows_ended)"
                + " VALUES ('6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e51', 'bag-mutaties', 'BAGNLDM-08112025-09112025.zip',"
                + " repeat('ab', 32), '', 'beheerder', '2025-11-09 06:15:00+00', '2025-11-09 06:16:00+00',"
                + " '2025-11-09 06:16:00+00', 'afgewezen', 20413, 20388, 25, 3, 647) ON CONFLICT DO NOTHING");
        jdbc.update("INSERT INTO register_import (id, register, file_name, checksum, options, started_by, started_at,"
                + " heartbeat_at, finished_at, status, message) VALUES ('6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e52',"
                + " 'cbs-postcodes', 'pc6hnr20240801_gwb.csv', repeat('cd', 32), 'jaar=2025', 'beheerder',"
                + " '2025-11-10 13:05:00+00', '2025-11-10 13:05:00+00', '2025-11-10 13:05:00+00', 'mislukt',"
                + " 'pc6hnr20240801_gwb.csv heeft de indeling van 2024 (kolom Buurt2024), niet van 2025: kies het"
                + " bestand van het gevraagde jaar of geef --adreszicht.registers.jaar=2024.') ON CONFLICT DO NOTHING");
        logIn("beheerder");

        page.locator("a", new Page.LocatorOptions().setHasText("Imports van registers"))
                .click();

        assertThat(page.locator("h1")).hasText("Imports van registers");
        com.microsoft.playwright.Locator bag =
                page.locator("tbody tr", new Page.LocatorOptions().setHasText("BAGNLDM"));
        assertThat(bag).containsText("BAG-mutaties");
        assertThat(bag).containsText("09-11-2025 07:15"); // Dutch time, not UTC
        assertThat(bag).containsText("voltooid, met afgewezen rijen");
        assertThat(bag).containsText("20.388 geschreven");
        assertThat(bag).containsText("647 beëindigd");
        com.microsoft.playwright.Locator failed =
                page.locator("tbody tr", new Page.LocatorOptions().setHasText("pc6hnr20240801"));
        assertThat(failed).containsText("CBS-postcodetabel");
        assertThat(failed).containsText("mislukt");
        assertThat(failed).containsText("niet van 2025");
        assertNoAccessibilityViolations();
        // On a desktop the whole table fits: nothing is cut off at the right of the message column.
        assertThat(
                        (Boolean)
                                page.evaluate(
                                        "() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth; }"))
                .isTrue();
        Path shots = Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("registerimports-desktop.png"))
                .setFullPage(true));

        page.setViewportSize(375, 812);
        page.reload();
        assertThat(page.locator("h1")).isVisible();
        // The page itself never scrolls sideways on a phone; the wide table scrolls inside its own region.
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(375);
        assertThat(page.locator(".table-wrap")).isVisible();
        assertNoAccessibilityViolations();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(shots.resolve("registerimports-375.png"))
                .setFullPage(true));
    }

    @Test
    void theSkipLinkLeadsToTheContent() {
        logIn("analist.hoogeveen");

        page.keyboard().press("Tab");
        assertThat(page.locator(".skip-link")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
    }

    private void logIn(String username) {
        page.navigate(LocalStackTest.APP_URL + "/");
        page.locator("#username").fill(username);
        page.locator("#password").fill("demo-only");
        page.locator("#kc-login").click();
        // Back from Keycloak, Spring Security lands on the saved request, marked with "?continue".
        page.waitForURL(url -> url.startsWith(LocalStackTest.APP_URL + "/") && !url.contains("/login/oauth2/"));
    }

    /** axe-core and the contrast of every visible text (see {@link Browsers#assertAccessible}). */
    private void assertNoAccessibilityViolations() {
        Browsers.assertAccessible(page);
    }
}
