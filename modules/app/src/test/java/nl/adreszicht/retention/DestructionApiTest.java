package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import nl.adreszicht.Requests;
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

/** Destruction on request: the owning organisation's privacy officer has one record deleted before its time. */
@SpringBootTest
@AutoConfigureMockMvc
class DestructionApiTest {

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

    private PoliceIncidents incidents;

    private final Requests privacyOfficer = Requests.as(Role.PRIVACY_OFFICER, PoliceIncidents.ORGANISATION);

    @BeforeEach
    void fixtures() {
        incidents = new PoliceIncidents(mvc, postgres.getPostgresDatabase());
    }

    private ResultActions destroy(Requests who, String body) throws Exception {
        return mvc.perform(post("/api/v1/vernietigingsverzoeken")
                .with(who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String request(String incident) {
        return """
                {"bron": "politie-incident", "registratieId": "%s", "ontvangenOp": "%s",
                 "reden": "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-014."}
                """.formatted(incident, TestClock.TODAY.minusDays(3));
    }

    @Test
    void thePrivacyOfficerOfTheOwnerDestroysAnIncident() throws Exception {
        String address = incidents.newAddress();
        String destroyed = incidents.register(address, 5, "S2", TestClock.TODAY.minusYears(6));
        String kept = incidents.register(address, 10, "S1", null);
        assertThat(incidents.colour(address)).isEqualTo("YELLOW");
        List<Map<String, Object>> tallyBefore = incidents.tally();

        destroy(privacyOfficer, request(destroyed)).andExpect(status().isNoContent());

        assertThat(incidents.rowsOf(destroyed)).containsExactly(0, 0, 0, 0);
        assertThat(incidents.rowsOf(kept)).containsExactly(1, 1, 1, 1);
        assertThat(incidents.colour(address)).isEqualTo("GREEN");
        assertThat(incidents.tally()).isEqualTo(tallyBefore);
        assertThat(incidents.logOf(destroyed))
                .last()
                .isEqualTo("VERWIJDEREN vernietigingsverzoeken.uitvoeren " + Requests.SUBJECT + " "
                        + PoliceIncidents.ORGANISATION + " privacy-officer");
        assertThat(jdbc.queryForMap(
                        "SELECT source, organisation, reason, destroyed_by FROM destruction WHERE record_id = ?",
                        destroyed))
                .containsEntry("source", "POLITIE_INCIDENT")
                .containsEntry("organisation", PoliceIncidents.ORGANISATION)
                .containsEntry("reason", "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-014.")
                .containsEntry("destroyed_by", Requests.SUBJECT);
    }

    @Test
    void anotherOrganisationsRecordIsNotFoundAndStays() throws Exception {
        String address = incidents.newAddress();
        String incident = incidents.register(address, 5, "S1", null);

        destroy(Requests.as(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe"), request(incident))
                .andExpect(status().isNotFound());

        assertThat(incidents.rowsOf(incident)).containsExactly(1, 1, 1, 1);
        assertThat(incidents.logOf(incident)).noneMatch(entry -> entry.startsWith("VERWIJDEREN"));
    }

    @Test
    void aPoliceOfficerCannotDestroyTheirOwnIncident() throws Exception {
        String incident = incidents.register(incidents.newAddress(), 5, "S1", null);

        destroy(PoliceIncidents.POLICE, request(incident)).andExpect(status().isForbidden());

        assertThat(incidents.rowsOf(incident)).containsExactly(1, 1, 1, 1);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        destroy(privacyOfficer, """
                        {"bron": "brief", "registratieId": "a/b", "ontvangenOp": "%s", "reden": "kort"}
                        """.formatted(TestClock.TODAY.plusDays(2)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams.length()").value(4));
    }
}
