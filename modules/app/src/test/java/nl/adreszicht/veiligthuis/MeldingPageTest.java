package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The melding page: what came in, and the veiligheidsbeoordeling recorded through a Dutch form. */
@SpringBootTest
@AutoConfigureMockMvc
class MeldingPageTest {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests VT_IJSSELLAND =
            new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aProfessionalRecordsTheAssessmentThroughTheFormAndBadInputChangesNothing() throws Exception {
        String melding = melding();

        mvc.perform(get("/meldingen/" + melding).with(VT.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Is er sprake van acute onveiligheid?")));
        mvc.perform(get("/meldingen/" + melding).with(VT_IJSSELLAND.ui())).andExpect(status().isNotFound());

        mvc.perform(post("/meldingen/" + melding + "/veiligheidsbeoordeling")
                        .param("acuteOnveiligheid", "misschien")
                        .param("statuscode", "VT-03")
                        .with(csrf())
                        .with(VT.ui()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kies ja of nee.")))
                .andExpect(content().string(containsString("error-summary")));
        assertThat(assessed(melding)).isFalse();

        mvc.perform(post("/meldingen/" + melding + "/veiligheidsbeoordeling")
                        .param("acuteOnveiligheid", "nee")
                        .param("structureleOnveiligheid", "ja")
                        .param("statuscode", "VT-01-01")
                        .with(csrf())
                        .with(VT.ui()))
                .andExpect(redirectedUrl("/werkvoorraad"))
                .andExpect(flash().attributeExists("assessed"));
        assertThat(assessed(melding)).isTrue();

        // A second assessment is refused by the protocol, in Dutch.
        mvc.perform(post("/meldingen/" + melding + "/veiligheidsbeoordeling")
                        .param("acuteOnveiligheid", "ja")
                        .param("structureleOnveiligheid", "ja")
                        .param("statuscode", "VT-01-01")
                        .with(csrf())
                        .with(VT.ui()))
                .andExpect(redirectedUrl("/meldingen/" + melding))
                .andExpect(flash().attribute("conflict", "meldingen.beoordeling.conflict"));
        mvc.perform(get("/meldingen/" + melding).with(VT.ui()))
                .andExpect(content()
                        .string(containsString("Beoordeeld, uitkomst VT-01-01: vervolg blijft bij Veilig Thuis.")));
    }

    @Test
    void theWorklistPagePagesKeepingTheSortAndAStaleCursorShowsTheFirstPage() throws Exception {
        String older = melding();
        String newer = melding();

        String first = mvc.perform(
                        get("/werkvoorraad?sorteer=ontvangen&aantal=1").with(VT.ui()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first).contains("/meldingen/" + newer).doesNotContain("/meldingen/" + older, "Eerste pagina");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile(
                        "rel=\"next\" href=\"(/werkvoorraad\\?sorteer=ontvangen&amp;aantal=1&amp;na=[A-Za-z0-9_-]+)\"")
                .matcher(first);
        assertThat(next.find())
                .as("a link to the next page with sort, size and cursor")
                .isTrue();
        String second = mvc.perform(get(next.group(1).replace("&amp;", "&")).with(VT.ui()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).contains("/meldingen/" + older, "Eerste pagina").doesNotContain("/meldingen/" + newer);

        mvc.perform(get("/werkvoorraad?sorteer=ontvangen&na=geen-cursor").with(VT.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Eerste pagina"))));
    }

    private boolean assessed(String melding) {
        return jdbc.queryForObject(
                "SELECT assessed_at IS NOT NULL FROM vt_melding WHERE id = ?::uuid", Boolean.class, melding);
    }

    private String melding() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        String body = """
                {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
                 "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                 "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
                """.formatted(address);
        String response = mvc.perform(post("/api/v1/meldingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(response).get("id").asString();
    }
}
