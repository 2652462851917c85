package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One melding followed through the Handelingsprotocol in a real browser, each person through the real Keycloak
 * login (issue 16): Vera takes it in, Sanne (supervisor) assigns it to her, Vera assesses it, runs the onderzoek and
 * offers the overdracht, Gerda of the lokaal team of Hoogeveen reads it (without the melder) and accepts it, Vera ends
 * the involvement, records a monitoring moment with an escalation that reopens the case, and ends it again. The pages
 * of each step pass axe, the contrast and width checks; screenshots go to docs/screenshots.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class FollowThroughBrowserIT {

    private static final String ADDRESS = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b16";

    @Autowired
    JdbcTemplate jdbc;

    private BrowserContext vera;
    private BrowserContext sanne;
    private BrowserContext gerda;

    @AfterEach
    void close(CapturedOutput output) {
        for (BrowserContext context : new BrowserContext[] {vera, sanne, gerda}) {
            if (context != null) {
                context.close();
            }
        }
        LogHygiene.assertClean(output.getAll());
    }

    @Test
    void aMeldingGoesFromIntakeThroughAssignmentOnderzoekOverdrachtAndMonitoringToItsEinde() {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('" + ADDRESS + "', '7906KT', 16, 'Overdrachtweg (demo)', 'Hoogeveen', 'GM0118', true)"
                + " ON CONFLICT DO NOTHING");
        vera = Browsers.newContext();
        Page vt = vera.newPage();
        Browsers.logIn(vt, "vt.drenthe");
        vt.navigate(LocalStackTest.APP_URL + "/werkvoorraad");

        // Intake, with a melder whose identity must never reach the lokaal team.
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/nieuw");
        vt.locator("#postcode").fill("7906 KT");
        vt.locator("#huisnummer").fill("16");
        vt.locator("#melderSector").selectOption("onderwijs");
        vt.locator("#melderNaam").fill("Juf Geheimhouding");
        vt.locator("#reden").fill("De leerkracht ziet dat het kind bang is om naar huis te gaan.");
        vt.locator("#gv-partnergeweld").check();
        vt.locator("#kindNaam").fill("Sam Overdracht");
        vt.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();
        assertThat(vt.locator(".notice")).containsText("is geregistreerd");
        String melding = jdbc.queryForObject(
                "SELECT id::text FROM vt_melding WHERE address_id = '" + ADDRESS
                        + "' ORDER BY received_at DESC LIMIT 1",
                String.class);
        String number = jdbc.queryForObject(
                "SELECT registration_number FROM vt_melding WHERE id = ?::uuid", String.class, melding);

        // The supervisor assigns it to Vera.
        sanne = Browsers.newContext();
        Page lead = sanne.newPage();
        Browsers.logIn(lead, "vtsupervisor.drenthe");
        // Newest first: the melding is on the first page however many the region holds.
        lead.navigate(LocalStackTest.APP_URL + "/werkvoorraad?categorie=niet-toegewezen&sorteer=ontvangen");
        assertThat(lead.locator("#werkvoorraad table")).containsText(number);
        lead.navigate(LocalStackTest.APP_URL + "/meldingen/" + melding);
        assertThat(lead.locator("#behandelaar")).hasText("Niet toegewezen");
        // Vera by her Keycloak subject (she took the melding in), shown by her name.
        String veraSubject =
                jdbc.queryForObject("SELECT registered_by FROM vt_melding WHERE id = ?::uuid", String.class, melding);
        String veraName = jdbc.queryForObject(
                "SELECT display_name FROM vt_professional WHERE subject = ?", String.class, veraSubject);
        lead.locator("#behandelaar-keuze").selectOption(veraSubject);
        lead.locator("button", new Page.LocatorOptions().setHasText("Toewijzen"))
                .click();
        assertThat(lead.locator("#stap-gedaan")).containsText("behandelaar");
        assertThat(lead.locator("#behandelaar")).hasText(veraName);
        screenshot(lead, "opvolging-1-toegewezen");

        // Vera's own worklist shows it first; she assesses it.
        vt.navigate(LocalStackTest.APP_URL + "/werkvoorraad");
        assertThat(vt.locator("#werkvoorraad tbody tr").first()).containsText(number);
        assertThat(vt.locator("#werkvoorraad tbody tr").first()).containsText("(u)");
        screenshot(vt, "opvolging-2-mijn-werkvoorraad");
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/" + melding);
        vt.locator("input[name=acuteOnveiligheid][value=nee]").check();
        vt.locator("input[name=structureleOnveiligheid][value=ja]").check();
        vt.locator("#statuscode").selectOption("VT-01-01");
        vt.locator("button", new Page.LocatorOptions().setHasText("Beoordeling vastleggen"))
                .click();
        assertThat(vt.locator(".notice")).containsText("veiligheidsbeoordeling");

        // The onderzoek: started, then completed with an outcome per violence type.
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/" + melding);
        Browsers.assertGoodEverywhere(vt, "opvolging-onderzoek");
        vt.locator("button", new Page.LocatorOptions().setHasText("Onderzoek starten"))
                .click();
        assertThat(vt.locator("main")).containsText("Onderzoek gestart op");
        vt.locator("#uitkomst-partnergeweld").selectOption("bevestigd");
        vt.locator("button", new Page.LocatorOptions().setHasText("Onderzoek afronden"))
                .click();
        assertThat(vt.locator("#uitkomsten")).containsText("partnergeweld: bevestigd");

        // The overdracht to the lokaal team of Hoogeveen.
        vt.locator("#overdrachtToelichting").fill("Gezin staat open voor hulp; graag contact met moeder.");
        vt.locator("button", new Page.LocatorOptions().setHasText("Overdragen aan het lokale team"))
                .click();
        assertThat(vt.locator("#overdrachten")).containsText("aangeboden");
        screenshot(vt, "opvolging-3-overdracht-aangeboden");

        // Gerda of the lokaal team finds it in her inbox, sees no melder, and accepts.
        gerda = Browsers.newContext();
        Page team = gerda.newPage();
        Browsers.logIn(team, "gemeente.hoogeveen");
        team.locator(".main-menu a", new Page.LocatorOptions().setHasText("Overdrachten"))
                .click();
        assertThat(team.locator("h1")).hasText("Overdrachten van Veilig Thuis");
        Browsers.assertGoodEverywhere(team, "opvolging-overdrachten");
        team.locator("#overdrachten a", new Page.LocatorOptions().setHasText(number))
                .click();
        assertThat(team.locator("main")).containsText("Gezin staat open voor hulp");
        assertThat(team.locator("main")).containsText("Sam Overdracht");
        assertThat(team.locator("main")).containsText("Overdrachtweg (demo) 16");
        assertThat(team.locator("main")).not().containsText("Juf Geheimhouding");
        assertThat(team.locator("main")).not().containsText("bang is om naar huis");
        Browsers.assertGoodEverywhere(team, "opvolging-overdracht");
        team.locator("button", new Page.LocatorOptions().setHasText("Overdracht accepteren"))
                .click();
        assertThat(team.locator("#stap-gedaan")).containsText("geaccepteerd");
        assertThat(team.locator("#status")).hasText("geaccepteerd");
        screenshot(team, "opvolging-4-overdracht-geaccepteerd");

        // Vera sees the acceptance and the planned monitoring, and ends the involvement with VT-02.
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/" + melding);
        assertThat(vt.locator("#overdrachten")).containsText("geaccepteerd");
        assertThat(vt.locator("#monitoring li")).hasCount(2);
        vt.locator("#eindcode").selectOption("VT-02");
        vt.locator("button", new Page.LocatorOptions().setHasText("Bemoeienis beëindigen"))
                .click();
        assertThat(vt.locator("#fase")).hasText("Afgesloten");

        // A monitoring moment ends in an escalation that reopens the case.
        Locator first = vt.locator("#monitoring li").first();
        first.locator("select[name=uitkomst]").selectOption("escalatie");
        first.locator("textarea[name=monitoringToelichting]").fill("Politie meldt opnieuw geweld op het adres.");
        first.locator("input[name=heropenen]").check();
        first.locator("button", new Locator.LocatorOptions().setHasText("Uitkomst vastleggen"))
                .click();
        assertThat(vt.locator("#monitoring")).containsText("escalatie");
        assertThat(vt.locator("#monitoring")).containsText("De melding is heropend.");
        assertThat(vt.locator("#fase")).not().hasText("Afgesloten");
        Browsers.assertGoodEverywhere(vt, "opvolging-monitoring");
        screenshot(vt, "opvolging-5-escalatie-heropend");

        // And the einde, this time without overdracht.
        vt.locator("#eindcode").selectOption("VT-03");
        vt.locator("button", new Page.LocatorOptions().setHasText("Bemoeienis beëindigen"))
                .click();
        assertThat(vt.locator("#einde")).containsText("VT-03");
        screenshot(vt, "opvolging-6-einde");
        assertThat(jdbc.queryForObject("SELECT end_code FROM vt_melding WHERE id = ?::uuid", String.class, melding))
                .isEqualTo("VT-03");
    }

    /**
     * The privacy officer records a person's inzage request in the browser and downloads the PDF export: its text shows
     * the person's own melding and never the melder or the other people in it.
     */
    @Test
    void anInzageRequestProducesARedactedPdfWithoutTheMelder() throws Exception {
        jdbc.update("INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                + " VALUES ('" + INZAGE_ADDRESS + "', '7906KT', 18, 'Inzageweg (demo)', 'Hoogeveen', 'GM0118', true)"
                + " ON CONFLICT DO NOTHING");
        vera = Browsers.newContext();
        Page vt = vera.newPage();
        Browsers.logIn(vt, "vt.drenthe");
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/nieuw");
        vt.locator("#postcode").fill("7906 KT");
        vt.locator("#huisnummer").fill("18");
        vt.locator("#melderSector").selectOption("huisarts");
        vt.locator("#melderNaam").fill("Dokter Geheimhouding");
        vt.locator("#reden").fill("Huisarts ziet blauwe plekken bij de moeder.");
        vt.locator("#gv-partnergeweld").check();
        vt.locator("#slachtofferNaam").fill("Ilse Inzage");
        vt.locator("#plegerNaam").fill("Kees Anderen");
        vt.locator("button", new Page.LocatorOptions().setHasText("Melding registreren"))
                .click();
        assertThat(vt.locator(".notice")).containsText("is geregistreerd");

        sanne = Browsers.newContext();
        Page officer = sanne.newPage();
        Browsers.logIn(officer, "privacy.drenthe");
        officer.locator(".main-menu a", new Page.LocatorOptions().setHasText("Inzageverzoeken"))
                .click();
        assertThat(officer.locator("h1")).hasText("Inzageverzoeken");
        // Without BSN: name, date of birth and address together; a missing date of birth is named.
        officer.locator("#naam").fill("Ilse Inzage");
        officer.locator("#adresId").fill(INZAGE_ADDRESS);
        officer.locator("button", new Page.LocatorOptions().setHasText("Verzoek vastleggen"))
                .click();
        assertThat(officer.locator(".error-summary")).containsText("Geboortedatum");
        Browsers.assertGoodEverywhere(officer, "inzage-nieuw");
        // The intake form takes no dates of birth: Vera adds the slachtoffer's by a correction (as on her request),
        // so that she can be identified by name, date of birth and address together.
        String melding = jdbc.queryForObject(
                "SELECT id::text FROM vt_melding WHERE address_id = '" + INZAGE_ADDRESS + "'", String.class);
        int position = jdbc.queryForObject(
                "SELECT position FROM vt_melding_person WHERE melding_id = ?::uuid AND name = 'Ilse Inzage'",
                Integer.class,
                melding);
        vt.navigate(LocalStackTest.APP_URL + "/meldingen/" + melding);
        vt.locator("#veld").selectOption("betrokkenen[" + position + "].geboortedatum");
        vt.locator("#waarde").fill("1990-04-12");
        vt.locator("#correctieReden").fill("Geboortedatum aangevuld op verzoek van de betrokkene.");
        vt.locator("button", new Page.LocatorOptions().setHasText("Correctie vastleggen"))
                .click();
        assertThat(vt.locator("#correcties")).containsText("1990-04-12");

        officer.locator("#naam").fill("Ilse Inzage");
        officer.locator("#geboortedatum").fill("1990-04-12");
        officer.locator("#adresId").fill(INZAGE_ADDRESS);
        officer.locator("button", new Page.LocatorOptions().setHasText("Verzoek vastleggen"))
                .click();
        assertThat(officer.locator("#stap-gedaan")).containsText("vastgelegd");
        assertThat(officer.locator("#status")).hasText("open");
        Browsers.assertGoodEverywhere(officer, "inzage-verzoek");
        screenshot(officer, "rechten-1-inzageverzoek");

        com.microsoft.playwright.Download download =
                officer.waitForDownload(() -> officer.locator("#export-pdf").click());
        byte[] pdf = Files.readAllBytes(download.path());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains("Inzage in uw gegevens", "Ilse Inzage", "Huisarts ziet blauwe plekken", "[afgeschermd]");
        assertThat(text).as("never the melder, nor anyone else").doesNotContain("Dokter Geheimhouding", "Kees Anderen");
        officer.locator("button", new Page.LocatorOptions().setHasText("Verzoek is afgehandeld"))
                .click();
        assertThat(officer.locator("#status")).hasText("afgerond");
    }

    private static final String INZAGE_ADDRESS = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5b18";

    /** A screenshot for the docs (docs/screenshots), at desktop width. */
    private static void screenshot(Page page, String name) {
        Browsers.screenshot(page, name);
        try {
            Path docs = Path.of(System.getProperty("adreszicht.project-root", "../.."), "docs", "screenshots");
            Files.createDirectories(docs);
            Files.copy(
                    Path.of("target", "screenshots", name + ".png"),
                    docs.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
