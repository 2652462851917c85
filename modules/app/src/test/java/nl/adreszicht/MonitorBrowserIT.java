package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.adreszicht.time.DutchTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recidive and the monitor as their users meet them in a real browser, through the real Keycloak login (issue 15):
 * the analist opens the monitor from the menu, reads the chart and the table (names, not codes; Dutch dates; a
 * chart that does not depend on colour alone), chooses another measure, downloads the CSV and the yearly
 * veiligheidsanalyse and finds in the PDF's text the figures' chapters and rules but no address or person; Veilig
 * Thuis and the police find an address with repeated records of several organisations on their list of repeat
 * addresses and open its card with the repeat marker. Every page passes axe, the contrast and width checks, in Dutch
 * and English, at desktop and phone width.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class MonitorBrowserIT {

    /** A synthetic address in Hoogeveen (VT03) where the gemeente and the police record again and again. */
    static final String ADDRESS_ID = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5c15";

    static final String STREET = "Herhalingsweg (demo)";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DutchTime time;

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newContext() {
        // In Dutch and in Amsterdam time, as the people using it: the date fields read dd-mm-jjjj.
        context = Browsers.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(Browsers.DESKTOP, 900)
                        .setLocale("nl-NL")
                        .setTimezoneId("Europe/Amsterdam"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    /**
     * The counts the monitor keeps as records arrive, for every gemeente of both demo regions from January 2021 to the
     * last ended month, as they would stand after years of registrations (the tests of the counting itself register
     * through the API: {@code MonitorApiTest}). Sized by a number of addresses per gemeente; the chain's parts add up.
     */
    private void keptCounts() {
        Integer seeded = jdbc.queryForObject(
                "SELECT count(*) FROM monitor_gemeente_month WHERE gemeente_code = 'GM0106'", Integer.class);
        if (seeded != null && seeded > 0) {
            return;
        }
        jdbc.update("INSERT INTO gemeente_address_count (gemeente_code, addresses)"
                + " SELECT gemeente_code, 12000 + abs(hashtext(gemeente_code)) % 50000 FROM vt_region_gemeente"
                + " ON CONFLICT (gemeente_code) DO NOTHING");
        for (String key : List.of(
                "bron.POLITIE_INCIDENT",
                "bron.VT_MELDING",
                "bron.VT_ADVIES",
                "bron.GEMEENTE_SIGNAAL",
                "bron.HUISVERBOD",
                "geweld.partnergeweld",
                "keten.zorgmelding",
                "keten.uitkomst.VT-00",
                "keten.uitkomst.VT-01-01",
                "keten.uitkomst.VT-01-02",
                "keten.uitkomst.VT-01-03",
                "keten.uitkomst.VT-01-04",
                "keten.beoordeling",
                "termijn.beoordeling.telaat",
                "termijn.beoordeling.optijd",
                "termijn.onderzoek.optijd",
                "termijn.onderzoek.telaat",
                "recidive.index",
                "recidive.herhaald12",
                "recidive.herhaald6")) {
            jdbc.update("INSERT INTO monitor_category (key) VALUES (?) ON CONFLICT (key) DO NOTHING", key);
        }
        jdbc.update("""
                WITH g AS (
                  SELECT r.gemeente_code AS code, c.addresses FROM vt_region_gemeente r
                  JOIN gemeente_address_count c ON c.gemeente_code = r.gemeente_code
                ), b AS (
                  SELECT g.code, m::date AS month, g.addresses AS a, abs(hashtext(g.code || m::text)) AS h
                  FROM g, generate_series(date '2021-01-01',
                    date_trunc('month', now() AT TIME ZONE 'Europe/Amsterdam') - interval '1 month',
                    interval '1 month') m
                ), v AS (
                  SELECT code, month, a, h,
                    a / 9000 + (h / 31) % 3 AS o1, a / 12000 + (h / 37) % 3 AS o2, a / 15000 + (h / 41) % 2 AS o3,
                    (h / 29) % 2 AS o0, (h / 43) % 2 AS o4, a / 10000 + (h / 61) % 3 AS idx
                  FROM b
                ), n (code, month, key, n) AS (
                  SELECT code, month, 'bron.POLITIE_INCIDENT', a / 2500 + h % 7 FROM v
                  UNION ALL SELECT code, month, 'bron.VT_MELDING', a / 3000 + (h / 7) % 6 FROM v
                  UNION ALL SELECT code, month, 'bron.VT_ADVIES', a / 3500 + (h / 11) % 5 FROM v
                  UNION ALL SELECT code, month, 'bron.GEMEENTE_SIGNAAL', a / 6000 + (h / 13) % 4 FROM v
                  UNION ALL SELECT code, month, 'bron.HUISVERBOD', (h / 17) % 3 FROM v
                  UNION ALL SELECT code, month, 'geweld.partnergeweld', a / 4000 + (h / 19) % 5 FROM v
                  UNION ALL SELECT code, month, 'keten.zorgmelding', a / 4000 + (h / 23) % 4 FROM v
                  UNION ALL SELECT code, month, 'keten.uitkomst.VT-00', o0 FROM v
                  UNION ALL SELECT code, month, 'keten.uitkomst.VT-01-01', o1 FROM v
                  UNION ALL SELECT code, month, 'keten.uitkomst.VT-01-02', o2 FROM v
                  UNION ALL SELECT code, month, 'keten.uitkomst.VT-01-03', o3 FROM v
                  UNION ALL SELECT code, month, 'keten.uitkomst.VT-01-04', o4 FROM v
                  UNION ALL SELECT code, month, 'keten.beoordeling', o0 + o1 + o2 + o3 + o4 FROM v
                  UNION ALL SELECT code, month, 'termijn.beoordeling.telaat', (o0 + o1 + o2 + o3 + o4) / 6 FROM v
                  UNION ALL SELECT code, month, 'termijn.beoordeling.optijd',
                    o0 + o1 + o2 + o3 + o4 - (o0 + o1 + o2 + o3 + o4) / 6 FROM v
                  UNION ALL SELECT code, month, 'termijn.onderzoek.optijd', a / 20000 + (h / 53) % 3 FROM v
                  UNION ALL SELECT code, month, 'termijn.onderzoek.telaat', (h / 59) % 2 FROM v
                  UNION ALL SELECT code, month, 'recidive.index', idx FROM v
                  UNION ALL SELECT code, month, 'recidive.herhaald12', idx / 3 FROM v
                  UNION ALL SELECT code, month, 'recidive.herhaald6', idx / 5 FROM v
                )
                INSERT INTO monitor_gemeente_month (gemeente_code, month, category, n)
                SELECT n.code, n.month, k.id, n.n FROM n JOIN monitor_category k ON k.key = n.key WHERE n.n > 0
                ON CONFLICT DO NOTHING
                """);
    }

    @AfterEach
    void closeContext(CapturedOutput output) {
        context.close();
        LogHygiene.assertClean(output.getAll());
    }

    @Test
    void theAnalistReadsTheMonitorChoosesAMeasureAndDownloadsTheCsvAndTheReport() throws Exception {
        keptCounts();
        Browsers.logIn(page, "analist.hoogeveen");
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Monitor"))
                .click();

        assertThat(page.locator("h1")).hasText("Monitor huiselijk geweld Gemeente Hoogeveen");
        assertThat(page.locator(".breadcrumbs [aria-current=page]")).isVisible();
        // The period in Dutch dates, the levels by name.
        assertThat(page.locator(".scan-period"))
                .hasText(Pattern.compile(
                        "Afgelopen kwartalen van \\d{2}-\\d{2}-\\d{4} tot en met \\d{2}-\\d{2}-\\d{4}\\."));
        assertThat(page.locator("#niveaus li").last()).containsText("Gemeente Hoogeveen");
        assertThat(page.locator("main")).not().containsText("GM0118");
        assertThat(page.locator("main")).not().containsText("VT03");
        // The chart: a line per level with its own marker shape, labelled axes, and a title for each point.
        Browsers.screenshot(page, "monitor-analist");
        Locator chart = page.locator("svg.monitor-chart");
        assertThat(chart).isVisible();
        // A level whose figure is the same every period draws a horizontal line, which has no height and so is not
        // "visible" to Playwright (the country's 4.2 per 1,000 on the demo data): one line, at least, must be.
        assertThat(chart.locator("g path.series").first()).isAttached();
        assertThat(chart.locator("g path.series:visible").first()).isVisible();
        assertThat(chart.locator("circle.marker").first()).isAttached();
        assertThat(chart.locator("text.chart-label").first()).isVisible();
        assertThat(chart.locator("title").first()).isAttached();
        chart.screenshot(
                new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "monitor-grafiek.png")));
        List<String> xLabels = chart.locator("text.chart-label").allTextContents();
        assertThat(xLabels).anyMatch(label -> label.matches("\\d{4}-K[1-4]"));
        // The table holds the same numbers: counts rounded to 5 or shown as protected.
        Locator counts = page.locator(".monitor-table tbody td[data-label]:not([data-label*='1.000'])");
        assertThat(counts.first()).isVisible();
        for (String count : counts.allTextContents()) {
            assertThat(count.strip()).matches("<10|x|\\d+|\\d{1,3}(\\.\\d{3})+");
        }
        Browsers.assertGoodEverywhere(page, "monitor-analist");

        // Another measure and months: the chart and table follow.
        page.locator("#meting").selectOption("termijn.beoordeling.optijd");
        page.locator("#interval").selectOption("maand");
        page.locator("form.scan-form button").click();
        assertThat(page.locator("#grafiek-heading")).containsText("%");
        assertThat(page.locator("#meting")).hasValue("termijn.beoordeling.optijd");
        assertThat(page.locator("#interval")).hasValue("maand");
        assertThat(page.locator(".monitor-table tbody tr").first()).isVisible();
        Browsers.assertAccessible(page);
        Browsers.screenshot(page, "monitor-analist-termijnen");

        // A period that is still running is refused with a Dutch explanation, and the form stays.
        page.navigate(LocalStackTest.APP_URL + "/monitor?tot=2099-01-01");
        assertThat(page.locator(".error-summary")).containsText("Deze periode kan niet worden getoond");
        assertThat(page.locator("form.scan-form")).isVisible();
        Browsers.assertAccessible(page);
        page.navigate(LocalStackTest.APP_URL + "/monitor");

        Download csv = page.waitForDownload(() -> page.locator("#export").click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(csv.suggestedFilename()).endsWith(".csv");
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("gemeente;niveau;omschrijving;familie;meting");
        assertThat(text).contains("Gemeente Hoogeveen").doesNotContain(STREET);

        Download report = page.waitForDownload(() -> page.locator("#rapport").click());
        assertThat(report.suggestedFilename()).startsWith("veiligheidsanalyse-huiselijk-geweld-GM0118-");
        String pdf = pdfText(report.path());
        int year = time.today().getYear() - 1;
        assertThat(pdf)
                .contains(
                        "Veiligheidsanalyse huiselijk geweld " + year,
                        "Gemeente Hoogeveen",
                        "Registraties per bron",
                        "De keten per kwartaal",
                        "Termijnen van Veilig Thuis",
                        "Recidive",
                        "Interventies",
                        "Recidiveregels r2",
                        "Wat deze cijfers niet zeggen");
        assertThat(pdf).doesNotContain(STREET, "7906KT", "Test Persoon", ADDRESS_ID);
    }

    @Test
    void veiligThuisAndThePoliceFindTheRepeatAddressAndOpenItsCard() throws Exception {
        repeatAddress();

        for (String user : List.of("vt.drenthe", "politie.drenthe")) {
            context.clearCookies();
            Browsers.logIn(page, user);
            page.locator(".main-menu a", new Page.LocatorOptions().setHasText("Herhaaladressen"))
                    .click();
            assertThat(page.locator("h1")).hasText("Herhaaladressen");
            assertThat(page.locator("#herhaaladressen > p").first()).containsText("Veilig Thuis Drenthe");
            Locator row = page.locator(
                    "tr", new Page.LocatorOptions().setHas(page.locator("a[href='/adressen/" + ADDRESS_ID + "']")));
            assertThat(row).isVisible();
            assertThat(row.locator("td").nth(1)).hasText("Hoogeveen");
            assertThat(row.locator("td").nth(2)).hasText("3");
            assertThat(row.locator("td").nth(3)).hasText(Pattern.compile("\\d{2}-\\d{2}-\\d{4}"));
            assertThat(page.locator("main")).not().containsText("GM0118");
            Browsers.assertGoodEverywhere(page, "herhaaladressen-" + user.replace(".drenthe", ""));

            row.locator("a").click();
            assertThat(page.locator("#herhalingen")).containsText("Herhalingen in 12 maanden (alle organisaties): 3");
            Browsers.assertAccessible(page);
            Browsers.screenshot(page, "herhaaladres-kaart-" + user.replace(".drenthe", ""));
        }

        // Veilig Thuis of another region does not see it.
        context.clearCookies();
        Browsers.logIn(page, "vt.ijsselland");
        page.navigate(LocalStackTest.APP_URL + "/herhaaladressen?sorteer=recent");
        assertThat(page.locator("a[href='/adressen/" + ADDRESS_ID + "']")).hasCount(0);
    }

    /**
     * Four records at the address within a year, from the gemeente (three signalen) and the police (an incident), sent
     * through the real API with real tokens: three repeats.
     */
    private void repeatAddress() throws Exception {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('" + ADDRESS_ID + "', '7906KT', 15, '" + STREET + "', 'Hoogeveen', 'GM0118', true)"
                + " ON CONFLICT DO NOTHING");
        Integer known = jdbc.queryForObject(
                "SELECT count(*) FROM monitor_address WHERE address_id = ?::uuid AND repeats >= 3",
                Integer.class,
                ADDRESS_ID);
        if (known != null && known > 0) {
            return;
        }
        LocalDate today = time.today();
        String gemeente = RealmTokens.accessToken(issuer, "gemeente.hoogeveen");
        for (int daysAgo : List.of(300, 200, 100)) {
            post("/api/v1/gemeenteregistraties", gemeente, """
                    {"registratienummer": "HRH-%s", "soort": "signaal", "adresId": "%s", "datum": "%s",
                     "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                    """.formatted(
                            UUID.randomUUID().toString().substring(0, 8), ADDRESS_ID, today.minusDays(daysAgo)));
        }
        post("/api/v1/incidenten", RealmTokens.accessToken(issuer, "politie.drenthe"), """
                {"registratienummer": "HRH-PL-%s", "tijdstip": "%sT21:30:00+01:00", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S2", "kinderenAanwezig": false, "letsel": false,
                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 8), today.minusDays(10), ADDRESS_ID));
    }

    private static void post(String path, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(LocalStackTest.APP_URL + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
