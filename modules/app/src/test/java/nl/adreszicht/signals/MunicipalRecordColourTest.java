package nl.adreszicht.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end: municipal records change the colour of their address like any other agency's record, and the
 * gemeente-medewerker sees that colour and why, but never the content of another agency's records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MunicipalRecordColourTest {

    private static final LocalDate TODAY = TestClock.TODAY;

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
    EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Requests gemeente = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    private final Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);

    @Test
    void aHuisverbodMakesTheAddressOrange() throws Exception {
        String address = newAddress();

        record(address, huisverbod(address, 3, false));

        colourIs(address, "ORANGE", "HUISVERBOD_IMPOSED_IS_ORANGE");
    }

    @Test
    void aBrokenHuisverbodMakesTheAddressRed() throws Exception {
        String address = newAddress();

        record(address, huisverbod(address, 3, true));

        colourIs(address, "RED", "HUISVERBOD_BROKEN_IS_RED");
    }

    @Test
    void aSignaalCountsAsAnIncidentTogetherWithThePolicesIncidents() throws Exception {
        String address = newAddress();

        record(address, signaal(address, 20));
        colourIs(address, "GREEN", "INCIDENT_IN_WINDOW_IS_GREEN");

        policeIncident(address, "Anna Geheim");
        // Together they make yellow; the gemeente sees its own signaal's rule and the police only by name.
        mvc.perform(get("/api/v1/adressen/" + address).with(gemeente.api()))
                .andExpect(jsonPath("$.kleur.kleur").value("YELLOW"))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").doesNotExist())
                .andExpect(jsonPath("$.kleur.gevuurdeRegels[0]").value("INCIDENT_IN_WINDOW_IS_GREEN"))
                .andExpect(jsonPath("$.kleur.andereOrganisaties[0]").value("politie-noord-nederland"));
        mvc.perform(get("/api/v1/adressen/" + address)
                        .with(new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null).api()))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").value("INCIDENT_COUNT_IS_YELLOW"));
    }

    @Test
    void theGemeenteSeesTheColourButNeverThePolicesContent() throws Exception {
        String address = newAddress();
        String incident = policeIncident(address, "Anna Geheim");

        String seen = mvc.perform(get("/api/v1/adressen/" + address).with(gemeente.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur.kleur").value("GREEN"))
                .andExpect(jsonPath("$.kleur.aantalMeegeteld").value(1))
                .andExpect(jsonPath("$.kleur.meegeteldeRegistraties").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(seen).doesNotContain(incident, "Anna", "Ruzie", "PL-GEM-");

        mvc.perform(get("/api/v1/incidenten/" + incident).with(gemeente.api()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("Anna"))));
    }

    @Test
    void thePoliceSeeTheColourButNotTheMunicipalitysRecord() throws Exception {
        String address = newAddress();
        String created = record(address, huisverbod(address, 1, false));

        mvc.perform(get("/api/v1/adressen/" + address).with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur.kleur").value("ORANGE"));
        mvc.perform(get("/api/v1/gemeenteregistraties/" + created).with(police.api()))
                .andExpect(status().isForbidden());
    }

    private String record(String address, Map<String, Object> body) throws Exception {
        String response = mvc.perform(post("/api/v1/gemeenteregistraties")
                        .with(gemeente.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.adresId").value(address))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    private void colourIs(String address, String colour, String rule) throws Exception {
        mvc.perform(get("/api/v1/adressen/" + address).with(gemeente.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur.kleur").value(colour))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").value(rule));
    }

    private static Map<String, Object> huisverbod(String address, int daysAgo, boolean broken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "HV-KLEUR-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("soort", "huisverbod");
        body.put("adresId", address);
        body.put("datum", TODAY.minusDays(daysAgo).toString());
        body.put("overtreden", broken);
        if (broken) {
            body.put("overtredenOp", TODAY.toString());
        }
        return body;
    }

    private static Map<String, Object> signaal(String address, int daysAgo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "LT-KLEUR-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("soort", "signaal");
        body.put("adresId", address);
        body.put("datum", TODAY.minusDays(daysAgo).toString());
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", "S1");
        body.put("kinderenAanwezig", false);
        return body;
    }

    private String policeIncident(String address, String victim) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "PL-GEM-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("tijdstip", TestClock.NOW.minusDays(5).withNano(0).toString());
        body.put("adresId", address);
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", "S1");
        body.put("kinderenAanwezig", false);
        body.put("letsel", false);
        body.put("wapen", false);
        body.put("alcoholDrugs", false);
        body.put("aangifte", false);
        body.put("huisverbodOpgelegd", false);
        body.put("huisverbodOvertreden", false);
        body.put("toelichting", "Ruzie over geld.");
        body.put("betrokkenen", List.of(Map.of("rol", "slachtoffer", "relatie", "partner", "naam", victim)));
        String response = mvc.perform(post("/api/v1/incidenten")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    private String newAddress() {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
    }
}
