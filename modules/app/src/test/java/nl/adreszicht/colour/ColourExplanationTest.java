package nl.adreszicht.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, gap 3: the colour of an address and why, as each role may see it (domain.md section 2). Veilig Thuis sees
 * every rule and every record that counted; the police and the municipality see the colour, the rules their own
 * organisation's records fire, their own records, and for the rest only "a record of" the other organisation (whom
 * to contact, as in signal matching), never what it recorded: no "Veilig Thuis stelde acute onveiligheid vast".
 */
@SpringBootTest
@AutoConfigureMockMvc
class ColourExplanationTest {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests POLICE =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");
    private static final Requests GEMEENTE =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void outsideVeiligThuisAnotherAgencysFindingIsARecordOfThatAgencyNeverItsContent() throws Exception {
        String address = newAddress();
        // The police's own incident (S1, no children) and Veilig Thuis's melding with acute onveiligheid: red.
        mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "EXPL-%s", "tijdstip": "%sT21:30:00+01:00",
                                 "adresId": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S1",
                                 "kinderenAanwezig": false, "letsel": false, "wapen": false, "alcoholDrugs": false,
                                 "aangifte": false, "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(
                                        address.substring(0, 8), LocalDate.now().minusDays(10), address)))
                .andReturn();
        var intake = mvc.perform(post("/api/v1/meldingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
                                 "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                                 "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
                                """.formatted(address)))
                .andReturn()
                .getResponse();
        String melding = json.readTree(intake.getContentAsString()).get("id").asString();
        mvc.perform(
                post("/api/v1/meldingen/" + melding + "/veiligheidsbeoordeling")
                        .with(VT.api())
                        .header("If-Match", intake.getHeader("ETag"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"acuteOnveiligheid\": true, \"structureleOnveiligheid\": true, \"statuscode\": \"VT-01-01\"}"));

        JsonNode forVt = colour(VT, address);
        assertThat(forVt.path("kleur").asString()).isEqualTo("RED");
        assertThat(forVt.path("beslissendeRegel").asString()).isEqualTo("ACUTE_ONVEILIGHEID_IS_RED");
        assertThat(forVt.path("meegeteldeRegistraties").toString()).contains(melding);

        JsonNode forPolice = colour(POLICE, address);
        assertThat(forPolice.path("kleur").asString())
                .as("the colour itself is for everyone")
                .isEqualTo("RED");
        assertThat(forPolice.toString()).as("no other agency's content").doesNotContain("ACUTE_ONVEILIGHEID", melding);
        assertThat(forPolice.path("gevuurdeRegels").toString())
                .as("the rule its own incident fires")
                .contains("INCIDENT_IN_WINDOW_IS_GREEN");
        assertThat(forPolice.path("eigenRegistraties").size()).isEqualTo(1);
        assertThat(forPolice.path("andereOrganisaties").toString()).isEqualTo("[\"veilig-thuis-drenthe\"]");
        String page = mvc.perform(get("/adressen/" + address).with(POLICE.ui()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The other agency by its name, never its code (issue 12).
        assertThat(page)
                .doesNotContain("acute onveiligheid", "een registratie van veilig-thuis-drenthe")
                .contains("een registratie van Veilig Thuis Drenthe");

        JsonNode forGemeente = colour(GEMEENTE, address);
        assertThat(forGemeente.toString()).doesNotContain("ACUTE_ONVEILIGHEID", "INCIDENT_IN_WINDOW", melding);
        assertThat(forGemeente.path("andereOrganisaties").toString())
                .isEqualTo("[\"politie-noord-nederland\",\"veilig-thuis-drenthe\"]");
        String gemeentePage = mvc.perform(get("/adressen/" + address).with(GEMEENTE.ui()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(gemeentePage).doesNotContain("acute onveiligheid", "één incident");
    }

    private JsonNode colour(Requests who, String address) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/adressen/" + address).with(who.api()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("kleur");
    }

    private String newAddress() {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code)"
                                + " VALUES (?, '7906XA', ?, ?, 'Uitlegstraat', 'Hoogeveen', 'GM0118')",
                        id,
                        1 + Math.floorMod(id.hashCode(), 99_999),
                        Integer.toString(Math.floorMod(id.hashCode() >> 8, 9999)));
        return id.toString();
    }
}
