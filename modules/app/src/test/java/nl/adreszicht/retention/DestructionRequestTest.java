package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Destruction on request with its deadline (issue 16): recorded when it comes in, due in three months, late after
 * that, refused once with grounds or carried out (the record goes); within the officer's own organisation only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DestructionRequestTest {

    static final Requests POLICE = Requests.as(Role.POLITIE_MEDEWERKER, "politie-noord-nederland");
    static final Requests OFFICER = Requests.as(Role.PRIVACY_OFFICER, "politie-noord-nederland");
    static final Requests OTHER_OFFICER = Requests.as(Role.PRIVACY_OFFICER, "gemeente-zwolle");
    static final String OFFICER_SUBJECT = "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void aRequestIsDueInThreeMonthsAndEndsRefusedWithGroundsOrCarriedOut() throws Exception {
        String refused = incident();
        String destroyed = incident();

        send(
                        "/api/v1/vernietigingsaanvragen",
                        OTHER_OFFICER,
                        Map.of("bron", "politie-incident", "registratieId", refused, "ontvangenOp", "2026-03-02"))
                .andExpect(status().isNotFound());
        ResultActions firstCreated = send(
                        "/api/v1/vernietigingsaanvragen",
                        OFFICER,
                        Map.of(
                                "bron",
                                "politie-incident",
                                "registratieId",
                                refused,
                                "ontvangenOp",
                                TestClock.TODAY.toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ontvangen"))
                .andExpect(jsonPath("$.uiterlijk")
                        .value(TestClock.TODAY.plusMonths(3).toString()))
                .andExpect(header().string("ETag", "\"1\""));
        String first = id(firstCreated);
        String firstEtag = firstCreated.andReturn().getResponse().getHeader("ETag");
        ResultActions secondCreated = send(
                        "/api/v1/vernietigingsaanvragen",
                        OFFICER,
                        Map.of(
                                "bron",
                                "politie-incident",
                                "registratieId",
                                destroyed,
                                "ontvangenOp",
                                TestClock.TODAY.toString()))
                .andExpect(status().isCreated());
        String second = id(secondCreated);
        String secondEtag = secondCreated.andReturn().getResponse().getHeader("ETag");

        clock.startAt(TestClock.NOW.plusMonths(3).plusDays(2).toInstant());
        String list = mvc.perform(get("/api/v1/vernietigingsaanvragen").with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(list).findValuesAsString("status")).contains("te-laat");
        assertThat(mvc.perform(get("/api/v1/vernietigingsaanvragen").with(OTHER_OFFICER.api()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(first);

        send("/api/v1/vernietigingsaanvragen/" + first + "/weigering", OFFICER, Map.of("gronden", "kort"), firstEtag)
                .andExpect(status().isBadRequest());
        send(
                        "/api/v1/vernietigingsaanvragen/" + first + "/weigering",
                        OFFICER,
                        Map.of("gronden", "Wettelijke bewaarplicht: strafrechtelijk onderzoek loopt."),
                        firstEtag)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.status").value("geweigerd"))
                .andExpect(jsonPath("$.weigeringsgronden")
                        .value("Wettelijke bewaarplicht: strafrechtelijk onderzoek loopt."));
        send(
                        "/api/v1/vernietigingsaanvragen/" + first + "/uitvoering",
                        OFFICER,
                        Map.of("reden", "Toch uitvoeren, zaak PRIV-1."),
                        "\"2\"")
                .andExpect(status().isConflict());
        assertThat(exists(refused)).isTrue();

        send(
                        "/api/v1/vernietigingsaanvragen/" + second + "/uitvoering",
                        OFFICER,
                        Map.of("reden", "Verzoek AVG art. 17 toegewezen, zaak PRIV-2."),
                        secondEtag)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("uitgevoerd"));
        assertThat(exists(destroyed)).isFalse();
        send(
                        "/api/v1/vernietigingsaanvragen/" + second + "/weigering",
                        OTHER_OFFICER,
                        Map.of("gronden", "Geen grond hiervoor."),
                        "*")
                .andExpect(status().isNotFound());
    }

    private boolean exists(String incident) {
        return jdbc.queryForObject("select count(*) from incident where id = ?::uuid", Long.class, incident) == 1;
    }

    private String incident() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        return id(send(
                        "/api/v1/incidenten",
                        POLICE,
                        Map.ofEntries(
                                Map.entry(
                                        "registratienummer",
                                        "VERNIETIG-"
                                                + UUID.randomUUID().toString().substring(0, 8)),
                                Map.entry("tijdstip", "2026-01-10T21:30:00+01:00"),
                                Map.entry("adresId", address),
                                Map.entry("geweldsvormen", List.of("partnergeweld")),
                                Map.entry("ernst", "S1"),
                                Map.entry("kinderenAanwezig", false),
                                Map.entry("letsel", false),
                                Map.entry("wapen", false),
                                Map.entry("alcoholDrugs", false),
                                Map.entry("aangifte", false),
                                Map.entry("huisverbodOpgelegd", false),
                                Map.entry("huisverbodOvertreden", false)))
                .andExpect(status().isCreated()));
    }

    private ResultActions send(String path, Requests who, Map<String, Object> body) throws Exception {
        return mvc.perform(post(path)
                .with(who == OFFICER ? who.api(OFFICER_SUBJECT) : who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /** A change of a request, from the revision the client read ({@code ifMatch}: its ETag). */
    private ResultActions send(String path, Requests who, Map<String, Object> body, String ifMatch) throws Exception {
        return mvc.perform(post(path)
                .with(who == OFFICER ? who.api(OFFICER_SUBJECT) : who.api())
                .header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString();
    }
}
