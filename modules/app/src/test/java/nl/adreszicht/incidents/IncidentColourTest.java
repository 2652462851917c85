package nl.adreszicht.incidents;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** End to end: police incidents registered over the API change the colour of their address, with the reason. */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentColourTest {

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

    private final Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");

    @Test
    void eachIncidentRecomputesTheColourOfItsAddress() throws Exception {
        String address = newAddress();

        register(address, 30, "S1", false, "Anna");
        colourIs(address, "GREEN", "INCIDENT_IN_WINDOW_IS_GREEN");

        register(address, 10, "S1", false, "Bea");
        colourIs(address, "YELLOW", "INCIDENT_COUNT_IS_YELLOW");

        register(address, 1, "S3", true, "Cor");
        colourIs(address, "RED", "S3_WITH_CHILDREN_IS_RED");
    }

    @Test
    void anIdempotentResubmitDoesNotCountTwice() throws Exception {
        String address = newAddress();
        Map<String, Object> body = body(address, 5, "S1", false, "Dirk");

        mvc.perform(post("/api/v1/incidenten")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/incidenten")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isOk());

        colourIs(address, "GREEN", "INCIDENT_IN_WINDOW_IS_GREEN");
    }

    private void register(String address, int daysAgo, String severity, boolean children, String victim)
            throws Exception {
        mvc.perform(post("/api/v1/incidenten")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body(address, daysAgo, severity, children, victim))))
                .andExpect(status().isCreated());
    }

    private void colourIs(String address, String colour, String rule) throws Exception {
        mvc.perform(get("/api/v1/adressen/" + address).with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur.kleur").value(colour))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").value(rule));
    }

    private static Map<String, Object> body(
            String address, int daysAgo, String severity, boolean children, String victim) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "PL-KLEUR-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("tijdstip", TestClock.NOW.minusDays(daysAgo).withNano(0).toString());
        body.put("adresId", address);
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", severity);
        body.put("kinderenAanwezig", children);
        body.put("letsel", false);
        body.put("wapen", false);
        body.put("alcoholDrugs", false);
        body.put("aangifte", false);
        body.put("huisverbodOpgelegd", false);
        body.put("huisverbodOvertreden", false);
        body.put("betrokkenen", List.of(Map.of("rol", "slachtoffer", "relatie", "partner", "naam", victim)));
        return body;
    }

    private String newAddress() {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
    }
}
