package nl.adreszicht.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The radar over the API on PostgreSQL: one timeline of every agency's records at an address for Veilig Thuis in
 * its own region; another region refused and logged; break-the-glass allowed, time-limited, logged and queued for
 * a supervisor of the same organisation who is not the professional.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RadarApiTest {

    private static final Requests VT_DRENTHE = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests SUPERVISOR_DRENTHE =
            new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests SUPERVISOR_IJSSELLAND =
            new Requests(Role.VT_SUPERVISOR, "veilig-thuis-ijsselland", "VT04", null);
    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final String OTHER_SUBJECT = "5f4e3d2c-1b0a-4c9d-8e7f-6a5b4c3d2e1f";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void veiligThuisSeesEveryAgencysRecordsInOneTimelineNewestFirst() throws Exception {
        String address = address("GM0118");
        String older = incident(address, "2026-02-01T10:00:00+01:00", "Anna Jansen", "slachtoffer");
        String newer = incident(address, "2026-03-01T10:00:00+01:00", "Anna Jansen", "getuige");

        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(VT_DRENTHE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toegang").value("regio"))
                // The colour changes of today are the newest entries; the incidents follow, newest first.
                .andExpect(jsonPath("$.tijdlijn[0].soort").value("kleurwijziging"))
                .andExpect(jsonPath("$.tijdlijn[?(@.soort == 'politie-incident')].id")
                        .value(contains(newer, older)))
                .andExpect(jsonPath("$.tijdlijn[?(@.id == '" + newer + "')].organisatie")
                        .value(contains("politie-noord-nederland")))
                .andExpect(jsonPath("$.tijdlijn[?(@.id == '" + newer + "')].betrokkenen[0].naam")
                        .value(contains("Anna Jansen")))
                // One person over time, with their role in each incident.
                .andExpect(jsonPath("$.betrokkenen.length()").value(1))
                .andExpect(jsonPath("$.betrokkenen[0].optredens[*].rol")
                        .value(containsInAnyOrder("slachtoffer", "getuige")));

        mvc.perform(get("/api/v1/adressen/" + address + "/historie")
                        .param("soort", "politie-incident")
                        .param("van", "2026-02-15")
                        .with(VT_DRENTHE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tijdlijn.length()").value(1))
                .andExpect(jsonPath("$.tijdlijn[0].id").value(newer));
        assertThat(logged(address, "LEZEN", "adres.historie.lezen", false)).isEqualTo(2);
    }

    @Test
    void aBadFilterIsRefusedWithEveryField() throws Exception {
        String address = address("GM0118");

        mvc.perform(get("/api/v1/adressen/" + address + "/historie")
                        .param("van", "2026-05-01")
                        .param("tot", "gisteren")
                        .param("soort", "roddel")
                        .with(VT_DRENTHE.api()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("tot", "soort")));
        mvc.perform(get("/api/v1/adressen/" + address + "/historie")
                        .param("van", "2026-05-01")
                        .param("tot", "2026-04-01")
                        .with(VT_DRENTHE.api()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("tot"));
    }

    @Test
    void anotherRegionIsRefusedAndLoggedUntilTheGlassIsBrokenWhichIsLoggedAndQueued() throws Exception {
        String zwolle = address("GM0193");
        incident(zwolle, "2026-03-01T10:00:00+01:00", "Bert Smit", "pleger");

        mvc.perform(get("/api/v1/adressen/" + zwolle + "/historie").with(VT_DRENTHE.api()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("break-the-glass")));
        assertThat(logged(zwolle, "GEWEIGERD", "adres.historie.lezen", false)).isEqualTo(1);

        breakTheGlass(zwolle, VT_DRENTHE, "{\"reden\": \"te kort\"}").andExpect(status().isBadRequest());
        String grant =
                id(breakTheGlass(zwolle, VT_DRENTHE, "{\"reden\": \"Kind uit Hoogeveen verblijft hier bij vader.\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.geldigTot").exists()));
        assertThat(logged(zwolle, "BREAK_THE_GLASS", "adres.doorbreken", true)).isEqualTo(1);

        mvc.perform(get("/api/v1/adressen/" + zwolle + "/historie").with(VT_DRENTHE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toegang").value("break-the-glass"))
                .andExpect(jsonPath("$.tijdlijn[?(@.soort == 'politie-incident')].betrokkenen[0].naam")
                        .value(contains("Bert Smit")));
        assertThat(logged(zwolle, "LEZEN", "adres.historie.lezen", true)).isEqualTo(1);

        // In the queue of Drenthe's supervisors, not of IJsselland's.
        mvc.perform(get("/api/v1/doorbraken").with(SUPERVISOR_DRENTHE.api(OTHER_SUBJECT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + grant + "')].reden")
                        .value(containsInAnyOrder("Kind uit Hoogeveen verblijft hier bij vader.")));
        mvc.perform(get("/api/v1/doorbraken").with(SUPERVISOR_IJSSELLAND.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + grant + "')]").isEmpty());

        // Expired: the way in closes again.
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update("ALTER TABLE break_the_glass DISABLE TRIGGER break_the_glass_review_once;"
                        + " UPDATE break_the_glass SET granted_at = now() - interval '5 hours',"
                        + " expires_at = now() - interval '1 hour' WHERE id = '" + grant + "';"
                        + " ALTER TABLE break_the_glass ENABLE TRIGGER break_the_glass_review_once");
        mvc.perform(get("/api/v1/adressen/" + zwolle + "/historie").with(VT_DRENTHE.api()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorOfTheSameOrganisationReviewsOnceAndNeverTheirOwn() throws Exception {
        String zwolle = address("GM0193");
        String grant =
                id(breakTheGlass(zwolle, SUPERVISOR_DRENTHE, "{\"reden\": \"Acute zorg om het jongste kind.\"}"));

        review(grant, SUPERVISOR_DRENTHE, "terecht").andExpect(status().isForbidden());
        review(grant, SUPERVISOR_IJSSELLAND, "terecht").andExpect(status().isNotFound());
        review(grant, new RequestsAs(SUPERVISOR_DRENTHE, OTHER_SUBJECT), "misschien")
                .andExpect(status().isBadRequest());
        review(grant, new RequestsAs(SUPERVISOR_DRENTHE, OTHER_SUBJECT), "terecht")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.oordeel").value("terecht"));
        review(grant, new RequestsAs(SUPERVISOR_DRENTHE, OTHER_SUBJECT), "onterecht")
                .andExpect(status().isConflict());

        assertThatThrownBy(() -> jdbc.update("DELETE FROM break_the_glass WHERE id = ?::uuid", grant))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() ->
                        jdbc.update("UPDATE break_the_glass SET reason = 'anders, achteraf' WHERE id = ?::uuid", grant))
                .hasStackTraceContaining("only ever changed by its one review");
    }

    @Test
    void theGlassIsNotBrokenInTheOwnRegionAndThePoliceNeverSeeTheHistory() throws Exception {
        String address = address("GM0118");

        breakTheGlass(address, VT_DRENTHE, "{\"reden\": \"Kind uit Hoogeveen verblijft hier bij vader.\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(POLICE.api()))
                .andExpect(status().isForbidden());
        breakTheGlass(address, POLICE, "{\"reden\": \"Kind uit Hoogeveen verblijft hier bij vader.\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/adressen/" + UUID.randomUUID() + "/historie").with(VT_DRENTHE.api()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM break_the_glass WHERE address_id = ?::uuid", Integer.class, address))
                .isZero();
    }

    private ResultActions breakTheGlass(String address, Requests who, String body) throws Exception {
        return mvc.perform(post("/api/v1/adressen/" + address + "/doorbraken")
                .with(who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions review(String grant, RequestsAs who, String verdict) throws Exception {
        return mvc.perform(post("/api/v1/doorbraken/" + grant + "/beoordeling")
                .with(who.api())
                .header("If-Match", etagOf(grant, who))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"oordeel\": \"" + verdict + "\"}"));
    }

    /** The grant's ETag as the reviewer's queue shows it; any revision when the queue is not theirs to read. */
    private String etagOf(String grant, RequestsAs who) throws Exception {
        var queue = mvc.perform(get("/api/v1/doorbraken").with(who.api()))
                .andReturn()
                .getResponse();
        if (queue.getStatus() == 200) {
            for (tools.jackson.databind.JsonNode listed : json.readTree(queue.getContentAsString())) {
                if (listed.get("id").asString().equals(grant)) {
                    return listed.get("etag").asString();
                }
            }
        }
        return "*";
    }

    private ResultActions review(String grant, Requests who, String verdict) throws Exception {
        return review(grant, new RequestsAs(who, Requests.SUBJECT), verdict);
    }

    /** A caller with a subject of its own. */
    record RequestsAs(Requests requests, String subject) {
        org.springframework.test.web.servlet.request.RequestPostProcessor api() {
            return requests.api(subject);
        }
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString();
    }

    private String incident(String address, String at, String name, String role) throws Exception {
        String body = """
                {"registratienummer": "RADAR-%s", "tijdstip": "%s", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S2", "kinderenAanwezig": true, "letsel": false,
                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "%s", "naam": "%s", "geboortedatum": "1990-01-01"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), at, address, role, name);
        return id(mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated()));
    }

    private String address(String gemeente) {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create(gemeente)
                .toString();
    }

    private long logged(String address, String kind, String action, boolean breakTheGlass) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM access_log WHERE object_id = ? AND kind = ? AND action = ? AND break_the_glass = ?",
                Long.class,
                address,
                kind,
                action,
                breakTheGlass);
    }
}
