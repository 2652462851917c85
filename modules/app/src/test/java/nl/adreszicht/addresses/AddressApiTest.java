package nl.adreszicht.addresses;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Finding and reading addresses over the API, on PostgreSQL: results, scope, logging and every kind of bad input. */
@SpringBootTest
@AutoConfigureMockMvc
class AddressApiTest {

    static final String HOOGEVEEN = "7e2b6f7a-0c1d-4b8e-9f3a-1d2c3b4a5e01";
    static final String ZWOLLE = "7e2b6f7a-0c1d-4b8e-9f3a-1d2c3b4a5e02";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");

    @BeforeEach
    void addresses() {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.update(
                "INSERT INTO address (id, nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging,"
                        + " straat, woonplaats, gemeente_code, wijk_code, buurt_code, area_year)"
                        + " VALUES (?::uuid, '0118200000012345', '7902CD', 14, 'B', '2', 'Dorpsstraat', 'Hoogeveen', 'GM0118',"
                        + " 'WK011802', 'BU01180203', 2026) ON CONFLICT DO NOTHING",
                HOOGEVEEN);
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code)"
                        + " VALUES (?::uuid, '8011AA', 3, 'Grote Markt', 'Zwolle', 'GM0193') ON CONFLICT DO NOTHING",
                ZWOLLE);
    }

    @Test
    void aPoliceOfficerFindsAnAddressWrittenAnyAcceptedWay() throws Exception {
        find(police, "{\"postcode\": \"7902 cd\", \"huisnummer\": 14, \"huisletter\": \"b\", \"toevoeging\": \"2\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(HOOGEVEEN))
                .andExpect(jsonPath("$.weergave").value("Dorpsstraat 14B-2"))
                .andExpect(jsonPath("$.nummeraanduidingId").value("0118200000012345"))
                .andExpect(jsonPath("$.buurtCode").value("BU01180203"));

        Assertions.assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_id = ? and action = 'adressen.zoeken'",
                        Integer.class,
                        HOOGEVEEN))
                .isPositive();
    }

    @Test
    void anAddressThatIsNotThereIs404AndNotLogged() throws Exception {
        long before = jdbc.queryForObject("select count(*) from access_log", Long.class);

        expectProblem(find(police, "{\"postcode\": \"7902CD\", \"huisnummer\": 15}"), 404);

        Assertions.assertThat(jdbc.queryForObject("select count(*) from access_log", Long.class))
                .isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceInDutch() throws Exception {
        expectProblem(find(police, "{\"postcode\": \"1234 SS\", \"huisnummer\": 0, \"toevoeging\": \"ABCDE\"}"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("postcode", "huisnummer")))
                .andExpect(
                        jsonPath("$.invalidParams[0].reason").value(org.hamcrest.Matchers.containsString("postcode")));
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        expectProblem(find(police, "{}"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("postcode", "huisnummer")))
                .andExpect(jsonPath("$.invalidParams[0].reason").value("Vul dit veld in."));
    }

    @Test
    void malformedJsonAndWrongTypesAre400NotErrors() throws Exception {
        expectProblem(find(police, "{\"postcode\": "), 400);
        expectProblem(find(police, "{\"postcode\": \"7902CD\", \"huisnummer\": \"veertien\"}"), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("huisnummer"));
        expectProblem(find(police, "[1, 2]"), 400);
    }

    @Test
    void aGemeenteProfessionalFindsOnlyAddressesInTheirOwnGemeente() throws Exception {
        Requests zwolle = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-zwolle", null, "GM0193");

        find(zwolle, "{\"postcode\": \"8011AA\", \"huisnummer\": 3}").andExpect(status().isOk());
        expectProblem(
                find(
                        zwolle,
                        "{\"postcode\": \"7902CD\", \"huisnummer\": 14, \"huisletter\": \"B\", \"toevoeging\": \"2\"}"),
                404);
        mvc.perform(get("/api/v1/adressen/" + HOOGEVEEN).with(zwolle.api())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/adressen/" + ZWOLLE).with(zwolle.api())).andExpect(status().isOk());
    }

    @Test
    void readingByIdTakesAnOpaqueIdOnly() throws Exception {
        mvc.perform(get("/api/v1/adressen/" + HOOGEVEEN).with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.postcode").value("7902CD"));
        expectProblem(mvc.perform(get("/api/v1/adressen/Dorpsstraat-14").with(police.api())), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("id"));
    }

    @Test
    void theMunicipalityAnalystNeverReceivesAnAddress() throws Exception {
        Requests analyst = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");

        expectProblem(find(analyst, "{\"postcode\": \"7902CD\", \"huisnummer\": 14}"), 403);
        expectProblem(mvc.perform(get("/api/v1/adressen/" + HOOGEVEEN).with(analyst.api())), 403);
    }

    private ResultActions find(Requests who, String body) throws Exception {
        return mvc.perform(post("/api/v1/adressen/_zoek")
                .with(who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
