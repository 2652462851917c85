package nl.adreszicht;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The casusoverleg as its people do it, in a real browser through the real Keycloak login (issue 14): the police refer
 * a household from the address page; the procesregisseur of ZVH Drenthe accepts it with three partners, plans a
 * meeting, accepts its confidentiality statement, minutes the case in place, and records the plan van aanpak with a
 * regisseur and three actions of three partners; Reclassering updates its own action under "Mijn acties" and sees the
 * decisions but not what was discussed; a new police incident at the address puts the case on the next agenda with a
 * marker; the procesregisseur closes the case with an outcome, which the police then see at the address. Every page on
 * the way passes axe and the contrast check, shows organisations and gemeenten by name and times in Dutch; the pages a
 * person reads most are also checked at phone width and in English.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class CasusoverlegBrowserIT {

    /** A demo address of its own in Hoogeveen (GM0118, ZVH Drenthe): no other test records anything there. */
    static final String ADDRESS = "3c9e0f1a-6b7d-4e2f-8a1b-0c2d3e4f5c14";

    /** A moment as people read it in Dutch: {@code dd-mm-jjjj HH:mm}. */
    static final Pattern DUTCH_DATE_TIME = Pattern.compile("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}");

    static final String REASON = "Derde incident dit jaar; de kinderen zijn getuige en de pleger drinkt.";
    static final String DISCUSSED = "Escalatie na drankgebruik; moeder wil hulp, vader staat open voor toezicht.";
    static final String DECIDED = "Regie bij Reclassering; Jeugdbescherming maakt een veiligheidsplan.";

    @Autowired
    JdbcTemplate jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @AfterEach
    void closeContexts(CapturedOutput output) {
        contexts.forEach(BrowserContext::close);
        LogHygiene.assertClean(output.getAll());
    }

    @Test
    void theWholeLoopFromReferralToClosing() {
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '7906CA', 14, 'Casuslaan (demo)', 'Hoogeveen', 'GM0118', true)"
                        + " ON CONFLICT DO NOTHING",
                ADDRESS);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

        // 1. Aanmelding: the police officer refers the household from the address page.
        Page politie = logIn("politie.drenthe");
        politie.navigate(LocalStackTest.APP_URL + "/adressen/" + ADDRESS);
        assertThat(politie.locator(".casus-at-address")).containsText("geen casus");
        Browsers.assertAccessible(politie);
        politie.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Aanmelden bij het Zorg- en Veiligheidshuis"))
                .click();
        assertThat(politie.locator("h1")).hasText("Aanmelden bij het Zorg- en Veiligheidshuis");
        Browsers.assertGoodEverywhere(politie, "casus-1-aanmelden");
        // Without a reason: a Dutch message, and nothing is referred.
        politie.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden"))
                .click();
        assertThat(politie.locator(".error-summary")).isVisible();
        assertThat(politie.locator(".error-summary")).containsText("Reden: Beschrijf in 10 tot 1000 tekens");
        assertThat(casesAtAddress()).isZero();
        Browsers.assertAccessible(politie);
        politie.locator("#reden").fill(REASON);
        politie.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aanmelden"))
                .click();
        assertThat(politie.locator(".success")).containsText("is aangemeld bij het Zorg- en Veiligheidshuis");
        String number = matched(
                Pattern.compile("ZVH03-\\d{4}-\\d{5}"),
                politie.locator(".success").innerText());
        assertThat(politie.locator(".casus-at-address")).containsText(number + ": Aangemeld, wacht op triage");
        assertThat(politie.locator(".casus-at-address")).containsText("Zorg- en Veiligheidshuis Drenthe");
        Browsers.assertAccessible(politie);
        Browsers.screenshot(politie, "casus-1-aangemeld");

        // 2. Triage: the procesregisseur of the region accepts, with three partners to invite.
        Page zvh = logIn("zvh.drenthe");
        assertThat(zvh.locator(".user-organisation")).hasText("Zorg- en Veiligheidshuis Drenthe");
        assertThat(zvh.locator(".main-menu a"))
                .hasText(new String[] {"Start", "Aanmeldingen", "Overleggen", "Casusoverleg", "Help"});
        menu(zvh, "Aanmeldingen");
        Locator referral = zvh.locator("article.referral", new Page.LocatorOptions().setHasText(number));
        assertThat(referral).containsText("Casuslaan (demo) 14");
        assertThat(referral).containsText("Politie Noord-Nederland");
        assertThat(referral).containsText("Hoogeveen");
        assertThat(referral).not().containsText("GM0118");
        assertThat(referral).containsText(REASON);
        assertThat(referral.locator("time").first()).hasText(DUTCH_DATE_TIME);
        Browsers.assertGoodEverywhere(zvh, "casus-2-triage");
        referral = zvh.locator("article.referral", new Page.LocatorOptions().setHasText(number));
        referral.getByLabel("Accepteren").check();
        for (String partner : List.of(
                "Reclassering Nederland Drenthe", "Verslavingszorg Noord Nederland", "Jeugdbescherming Noord")) {
            referral.getByLabel(partner, new Locator.GetByLabelOptions().setExact(true))
                    .check();
        }
        referral.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Besluit vastleggen"))
                .click();
        zvh.waitForURL(Pattern.compile(".*/casussen/[0-9a-f-]{36}$"));
        String caseId = zvh.url().replaceAll(".*/casussen/", "");
        assertThat(zvh.locator(".success")).containsText("is geaccepteerd");
        assertThat(zvh.locator("h1")).containsText(number);

        // 3. Overleg: planned for today, its statement before its cases, the minutes recorded in place.
        menu(zvh, "Overleggen");
        zvh.locator("#datum").fill(today.toString());
        zvh.locator("#aanvang").fill("09:30");
        zvh.getByLabel("Hoogeveen", new Page.GetByLabelOptions().setExact(true)).check();
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overleg plannen"))
                .click();
        zvh.waitForURL(Pattern.compile(".*/overleggen/[0-9a-f-]{36}(#.*)?$"));
        String meeting = zvh.url().replaceAll(".*/overleggen/", "").replaceAll("#.*", "");
        assertThat(zvh.locator("h1")).hasText("Overleg van " + dutch(today));
        assertThat(zvh.locator("main")).containsText("Zorg- en Veiligheidshuis Drenthe");
        assertThat(zvh.locator("h2", new Page.LocatorOptions().setHasText("Geheimhoudingsverklaring")))
                .isVisible();
        assertThat(zvh.locator("#casus-" + caseId)).hasCount(0);
        assertThat(zvh.locator("main")).not().containsText("Casuslaan");
        Browsers.assertGoodEverywhere(zvh, "casus-3-verklaring");
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ik ga akkoord"))
                .click();
        assertThat(zvh.locator(".attendance li"))
                .containsText(Pattern.compile(
                        "Zoë .*, Zorg- en Veiligheidshuis Drenthe \\(akkoord " + DUTCH_DATE_TIME.pattern() + "\\)"));
        Locator item = zvh.locator("#casus-" + caseId);
        assertThat(item).containsText(number + " · Casuslaan (demo) 14");
        assertThat(item.locator(".tag").first()).hasText("Nieuw");
        item.getByLabel("Besproken (kort)").fill(DISCUSSED);
        item.getByLabel("Besluiten").fill(DECIDED);
        item.getByLabel("Risico volgens de tafel").selectOption("hoog");
        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verslag opslaan"))
                .click();
        // htmx swapped the item in place: the page stayed, the item says it is saved.
        assertThat(zvh.locator("#casus-" + caseId + " .success")).hasText("Het verslag is opgeslagen.");
        assertThat(zvh).hasURL(Pattern.compile(".*/overleggen/" + meeting + "(#.*)?$"));
        assertThat(jdbc.queryForObject(
                        "SELECT risk FROM overleg_casus WHERE overleg_id = ?::uuid AND casus_id = ?::uuid",
                        String.class,
                        meeting,
                        caseId))
                .isEqualTo("hoog");
        Browsers.assertAccessible(zvh);
        Browsers.screenshot(zvh, "casus-3-overleg");
        // The printable agenda: numbers, gemeenten and organisations; no address, no reason, no minutes.
        zvh.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agenda afdrukken"))
                .click();
        assertThat(zvh.locator("main")).containsText(number);
        assertThat(zvh.locator("main")).containsText("Hoogeveen");
        assertThat(zvh.locator("main")).not().containsText("Casuslaan");
        assertThat(zvh.locator("main")).not().containsText(REASON);
        assertThat(zvh.locator("main")).not().containsText(DISCUSSED);
        Browsers.assertAccessible(zvh);
        zvh.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(zvh.locator(".main-menu")).isHidden();
        Browsers.screenshot(zvh, "casus-3-agenda-afdruk");
        zvh.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // 4. Plan van aanpak: goals, one regisseur of an invited organisation, three actions of three partners.
        zvh.navigate(LocalStackTest.APP_URL + "/casussen/" + caseId);
        zvh.locator("#doelen-0-soort").selectOption("veiligheid");
        zvh.locator("#doelen-0-omschrijving").fill("Geen geweld meer in het gezin; de kinderen zijn veilig.");
        zvh.locator("#doelen-1-soort").selectOption("herstel");
        zvh.locator("#doelen-1-omschrijving").fill("Vader in behandeling voor zijn alcoholgebruik.");
        zvh.locator("#regisseurOrganisatie")
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("Reclassering Nederland Drenthe"));
        zvh.locator("#regisseurNaam").fill("R. de Regisseur");
        zvh.locator("#herbeoordelingsdatum").fill(today.plusMonths(3).toString());
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plan opslaan"))
                .click();
        assertThat(zvh.locator(".success")).hasText("Het plan van aanpak is opgeslagen.");
        assertThat(zvh.locator("dl.profile").nth(1)).containsText("Reclassering Nederland Drenthe (R. de Regisseur)");
        assertThat(zvh.locator("dl.profile").nth(1)).containsText(dutch(today.plusMonths(3)));
        // An action without an owner and with a deadline before today: Dutch messages, nothing stored.
        zvh.locator("#omschrijving").fill("Huisbezoek afleggen.");
        zvh.locator("#deadline").fill(today.minusDays(1).toString());
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actie toevoegen"))
                .click();
        assertThat(zvh.locator(".error-summary")).isVisible();
        assertThat(zvh.locator(".error-summary li")).hasCount(2);
        assertThat(actionsOf(caseId)).isZero();
        Browsers.assertAccessible(zvh);
        Browsers.screenshot(zvh, "casus-4-actie-fouten");
        String[][] actions = {
            {"Toezicht en gesprek met vader over zijn drankgebruik.", "Reclassering Nederland Drenthe"},
            {"Intake alcoholbehandeling plannen.", "Verslavingszorg Noord Nederland"},
            {"Veiligheidsplan met de kinderen opstellen.", "Jeugdbescherming Noord"}
        };
        for (String[] action : actions) {
            zvh.locator("#omschrijving").fill(action[0]);
            zvh.locator("#eigenaar")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(action[1]));
            zvh.locator("#deadline").fill(today.plusDays(14).toString());
            zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Actie toevoegen"))
                    .click();
            assertThat(zvh.locator(".success")).hasText("De actie is toegevoegd.");
        }
        Locator rows = zvh.locator("table.actions-table tbody tr");
        assertThat(rows).hasCount(3);
        for (String[] action : actions) {
            Locator row = rows.filter(new Locator.FilterOptions().setHasText(action[0]));
            assertThat(row).containsText(action[1]);
            assertThat(row).containsText(dutch(today.plusDays(14)));
            assertThat(row).containsText("Open");
        }
        assertThat(zvh.locator("table.actions-table")).not().containsText("-drenthe");
        zvh.navigate(LocalStackTest.APP_URL + "/casussen/" + caseId);
        Browsers.assertGoodEverywhere(zvh, "casus-4-plan");

        menu(zvh, "Casusoverleg");
        Locator listed = zvh.locator("table.stack tbody tr", new Page.LocatorOptions().setHasText(number));
        assertThat(listed).containsText("Casuslaan (demo) 14");
        assertThat(listed).containsText("Lopend");
        assertThat(listed).containsText("Reclassering Nederland Drenthe");
        assertThat(listed).containsText(dutch(today.plusMonths(3)));
        Browsers.assertGoodEverywhere(zvh, "casus-4-casussen");

        // 5. A partner: its own action under "Mijn acties", updated in place; the plan and decisions, never the talk.
        Page reclassering = logIn("reclassering.drenthe");
        assertThat(reclassering.locator(".user-organisation")).hasText("Reclassering Nederland Drenthe");
        menu(reclassering, "Mijn acties");
        Locator mine = reclassering.locator("table.actions-table tbody tr");
        assertThat(mine).hasCount(1);
        assertThat(mine).containsText(actions[0][0]);
        assertThat(mine).containsText(number);
        Browsers.assertGoodEverywhere(reclassering, "casus-5-mijn-acties");
        mine = reclassering.locator("table.actions-table tbody tr");
        mine.getByLabel("Nieuwe status").selectOption("gestart");
        mine.getByLabel("Toelichting").fill("Eerste gesprek op het kantoor staat gepland.");
        mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bijwerken"))
                .click();
        assertThat(reclassering.locator("table.actions-table tbody tr strong")).hasText("Gestart");
        assertThat(reclassering.locator("table.actions-table tbody tr"))
                .containsText("Eerste gesprek op het kantoor staat gepland.");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM casus_action WHERE casus_id = ?::uuid AND status = 'gestart'",
                        Integer.class,
                        caseId))
                .isEqualTo(1);
        Browsers.assertAccessible(reclassering);
        Browsers.screenshot(reclassering, "casus-5-actie-bijgewerkt");
        reclassering.navigate(LocalStackTest.APP_URL + "/casussen/" + caseId);
        assertThat(reclassering.locator("main")).containsText(DECIDED);
        assertThat(reclassering.locator("main")).not().containsText(DISCUSSED);
        assertThat(reclassering.locator("main")).not().containsText(REASON);
        assertThat(reclassering.locator("table.actions-table tbody tr")).hasCount(3);
        assertThat(reclassering
                        .locator("table.actions-table tbody tr")
                        .filter(new Locator.FilterOptions().setHasText(actions[1][0])))
                .containsText("Werkt de eigenaar bij");
        assertThat(reclassering.locator("form.plan-form")).hasCount(0);
        Browsers.assertGoodEverywhere(reclassering, "casus-5-casus-als-partner");

        // 6. A new police incident at the address puts the case on the next agenda, marked.
        politie.navigate(LocalStackTest.APP_URL + "/incidenten/nieuw?adres=" + ADDRESS);
        politie.locator("#registratienummer").fill("PL0100-2026-CASUS");
        politie.locator("#datum").fill(today.minusDays(1).toString());
        politie.locator("#tijd").fill("22:15");
        politie.locator("#ernst-S2").check();
        politie.locator("#gv-partnergeweld").check();
        politie.locator("#slachtofferNaam").fill("M. de Vries (demo)");
        politie.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registreren"))
                .click();
        assertThat(politie.locator(".success")).containsText("geregistreerd");
        zvh.navigate(LocalStackTest.APP_URL + "/casussen/" + caseId);
        assertThat(zvh.locator(".warning-box")).containsText("nieuwe registratie op dit adres");
        menu(zvh, "Overleggen");
        assertThat(zvh.locator("table.stack tbody tr").first()).containsText(dutch(today) + " 09:30");
        assertThat(zvh.locator("table.stack tbody tr").first()).containsText("Hoogeveen");
        Browsers.assertAccessible(zvh);
        zvh.locator("#datum").fill(today.plusDays(14).toString());
        zvh.locator("#aanvang").fill("10:00");
        zvh.getByLabel("Hoogeveen", new Page.GetByLabelOptions().setExact(true)).check();
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overleg plannen"))
                .click();
        assertThat(zvh.locator("h1")).hasText("Overleg van " + dutch(today.plusDays(14)));
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ik ga akkoord"))
                .click();
        Locator again = zvh.locator("#casus-" + caseId);
        assertThat(again.locator(".tag", new Locator.LocatorOptions().setHasText("Nieuwe registratie sinds")))
                .isVisible();
        assertThat(again).containsText("Open acties (3)");
        Browsers.assertAccessible(zvh);
        Browsers.screenshot(zvh, "casus-6-volgend-overleg");

        // 7. Closing with an outcome; the police see at the address that the case was closed.
        zvh.navigate(LocalStackTest.APP_URL + "/casussen/" + caseId);
        zvh.getByLabel("Veiligheid bereikt").check();
        zvh.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Casus sluiten"))
                .click();
        assertThat(zvh.locator(".success")).hasText("De casus is gesloten.");
        assertThat(zvh.locator("dl.profile").first()).containsText("Gesloten");
        assertThat(zvh.locator("dl.profile").first()).containsText("Veiligheid bereikt");
        assertThat(zvh.locator("dl.profile").first()).containsText("op " + dutch(today));
        assertThat(zvh.locator("form.close-form")).hasCount(0);
        assertThat(zvh.locator(".warning-box")).hasCount(0);
        Browsers.assertGoodEverywhere(zvh, "casus-7-gesloten");
        politie.navigate(LocalStackTest.APP_URL + "/adressen/" + ADDRESS);
        assertThat(politie.locator(".casus-at-address")).containsText(number + ": Gesloten");
        assertThat(politie.locator(".casus-at-address")).containsText("regisseur: Reclassering Nederland Drenthe");
        assertThat(politie.locator(".casus-at-address")).containsText("gesloten op " + dutch(today));
        Browsers.assertAccessible(politie);
        Browsers.screenshot(politie, "casus-7-adres-na-sluiten");

        // 8. The gemeente-analist: counts of the own gemeente, disclosure-controlled; no case, no address.
        Page analist = logIn("analist.hoogeveen");
        menu(analist, "Casusoverleg in cijfers");
        assertThat(analist.locator("h1")).hasText("Casusoverleg in cijfers");
        assertThat(analist.locator("main")).containsText("Hoogeveen");
        assertThat(analist.locator("main")).not().containsText("GM0118");
        // A year is a year, not a number with a thousands separator ("2.025").
        assertThat(analist.locator("caption")).hasText(Pattern.compile("Casusoverleg \\d{4}"));
        assertThat(analist.locator("main")).not().containsText(number);
        assertThat(analist.locator("main")).not().containsText("Casuslaan");
        Browsers.assertGoodEverywhere(analist, "casus-8-cijfers");
    }

    private Page logIn(String username) {
        // A Dutch browser in Dutch time, as the people of a Zorg- en Veiligheidshuis have (the date fields follow it).
        BrowserContext context = Browsers.browser()
                .newContext(new Browser.NewContextOptions()
                        .setViewportSize(Browsers.DESKTOP, 900)
                        .setLocale("nl-NL")
                        .setTimezoneId("Europe/Amsterdam"));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        Browsers.logIn(page, username);
        return page;
    }

    private static void menu(Page page, String label) {
        page.locator(".main-menu a", new Page.LocatorOptions().setHasText(label))
                .first()
                .click();
        assertThat(page.locator("h1")).isVisible();
    }

    private int casesAtAddress() {
        return jdbc.queryForObject("SELECT count(*) FROM casus WHERE address_id = ?::uuid", Integer.class, ADDRESS);
    }

    private int actionsOf(String caseId) {
        return jdbc.queryForObject("SELECT count(*) FROM casus_action WHERE casus_id = ?::uuid", Integer.class, caseId);
    }

    private static String dutch(LocalDate date) {
        return "%02d-%02d-%04d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static String matched(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text + " names a case number").isTrue();
        return matcher.group();
    }
}
