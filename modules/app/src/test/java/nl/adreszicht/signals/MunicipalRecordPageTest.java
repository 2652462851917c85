package nl.adreszicht.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Dutch form for gemeente-medewerkers: it registers through the same check and register as the API, shows
 * every wrong field with an error summary and stores nothing then, and the address page links to it for that role
 * only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MunicipalRecordPageTest {

    static final String ADDRESS = "9c1d2e3f-4444-4d6e-9a51-2b1f0c9d7e31";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock.Settable clock;

    @BeforeEach
    void fixTheDay() {
        // Dates in these tests are counted from one fixed day, whatever day the suite runs.
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final Requests gemeente = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @BeforeEach
    void address() {
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                                + " VALUES (?::uuid, '7907CD', 9, 'Formulierweg', 'Hoogeveen', 'GM0118', true)"
                                + " ON CONFLICT DO NOTHING",
                        ADDRESS);
    }

    @Test
    void theAddressPageLinksTheGemeenteToTheFormAndThePoliceNot() throws Exception {
        mvc.perform(get("/adressen/" + ADDRESS).with(gemeente.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/gemeenteregistraties/nieuw?adres=" + ADDRESS)))
                .andExpect(content().string(not(containsString("/incidenten/nieuw"))));

        Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, null);
        mvc.perform(get("/adressen/" + ADDRESS).with(police.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/gemeenteregistraties/nieuw"))));
    }

    @Test
    void theFormIsInDutchWithTodayAsTheDate() throws Exception {
        String today = TestClock.TODAY.toString();

        mvc.perform(get("/gemeenteregistraties/nieuw").param("adres", ADDRESS).with(gemeente.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Signaal of huisverbod registreren")))
                .andExpect(content().string(containsString("value=\"" + today + "\"")))
                .andExpect(content().string(containsString("name=\"adresId\" value=\"" + ADDRESS + "\"")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("style="))));
    }

    @Test
    void aValidHuisverbodIsRegisteredAndLeadsBackToTheAddress() throws Exception {
        String number = "HV-FORM-" + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(post("/gemeenteregistraties")
                        .with(gemeente.ui())
                        .with(csrf())
                        .param("adresId", ADDRESS)
                        .param("soort", "huisverbod")
                        .param("registratienummer", number)
                        .param("datum", "2026-03-02")
                        // Fields of the other kind are ignored by the form, as the browser sends every input.
                        .param("ernst", "S2")
                        .param("overtreden", "true")
                        .param("overtredenOp", "2026-03-05"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/adressen/" + ADDRESS))
                .andExpect(flash().attribute("gemeenteRegistered", "created"));

        assertThat(jdbc.queryForMap(
                        "select kind, severity, huisverbod_ends_on::text, huisverbod_broken from municipal_record"
                                + " where registration_number = ?",
                        number))
                .containsEntry("kind", "huisverbod")
                .containsEntry("severity", null)
                .containsEntry("huisverbod_ends_on", "2026-03-12")
                .containsEntry("huisverbod_broken", true);
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'gemeenteregistraties.formulier.registreren'"
                                + " and kind = 'AANMAKEN' and object_type = 'gemeenteregistratie'",
                        Long.class))
                .isPositive();
    }

    @Test
    void wrongFieldsAreShownWithASummaryAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("select count(*) from municipal_record", Long.class);

        mvc.perform(post("/gemeenteregistraties")
                        .with(gemeente.ui())
                        .with(csrf())
                        .param("adresId", ADDRESS)
                        .param("soort", "signaal")
                        .param("registratienummer", "LT 1?")
                        .param("datum", "gisteren"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"error-summary\"")))
                .andExpect(content().string(containsString("href=\"#registratienummer\"")))
                .andExpect(content().string(containsString("href=\"#datum\"")))
                .andExpect(content().string(containsString("href=\"#ernst\"")))
                .andExpect(content().string(containsString("href=\"#geweldsvormen\"")))
                .andExpect(content().string(containsString("Vul een geldige datum in.")))
                .andExpect(content().string(containsString("value=\"LT 1?\"")));

        assertThat(jdbc.queryForObject("select count(*) from municipal_record", Long.class))
                .isEqualTo(before);
    }

    @Test
    void anAddressOfAnotherGemeenteIsRefusedOnTheForm() throws Exception {
        Requests zwolle = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-zwolle", null, "GM0193");
        long before = jdbc.queryForObject("select count(*) from municipal_record", Long.class);

        mvc.perform(post("/gemeenteregistraties")
                        .with(zwolle.ui())
                        .with(csrf())
                        .param("adresId", ADDRESS)
                        .param("soort", "huisverbod")
                        .param("registratienummer", "HV-ZW-1")
                        .param("datum", "2026-03-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#adresId\"")));

        assertThat(jdbc.queryForObject("select count(*) from municipal_record", Long.class))
                .isEqualTo(before);
    }

    @Test
    void thePoliceCannotOpenTheForm() throws Exception {
        Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, "GM0118");

        mvc.perform(get("/gemeenteregistraties/nieuw").param("adres", ADDRESS).with(police.ui()))
                .andExpect(status().isForbidden());
    }
}
