package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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

    /** The privacy officer's own account: never the account that registered the records (separation of duties). */
    static final String OFFICER = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d";

    @BeforeEach
    void fixtures() {
        incidents = new PoliceIncidents(mvc, postgres.getPostgresDatabase());
    }

    private ResultActions destroy(Requests who, String body) throws Exception {
        return destroy(who.role() == Role.PRIVACY_OFFICER ? who.api(OFFICER) : who.api(), body);
    }

    private ResultActions destroy(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/vernietigingsverzoeken")
                .with(who)
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
                .isEqualTo("VERWIJDEREN vernietigingsverzoeken.uitvoeren " + OFFICER + " "
                        + PoliceIncidents.ORGANISATION + " privacy-officer");
        assertThat(jdbc.queryForMap(
                        "SELECT source, organisation, reason, destroyed_by FROM destruction WHERE record_id = ?",
                        destroyed))
                .containsEntry("source", "POLITIE_INCIDENT")
                .containsEntry("organisation", PoliceIncidents.ORGANISATION)
                .containsEntry("reason", "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-014.")
                .containsEntry("destroyed_by", OFFICER);
    }

    /**
     * Issue 10, gap 6: an account that is privacy officer and also has a case role cannot destroy a record it
     * registered, or changed (here: sent its zorgmelding), itself. The refusal is logged; the record stays.
     */
    @Test
    void anOfficerWithACaseRoleCannotDestroyARecordTheyRegisteredOrChanged() throws Exception {
        RequestPostProcessor officerAndPolice = jwt().jwt(token -> token.claims(claims -> {
                    claims.putAll(PoliceIncidents.POLICE.claims());
                    claims.put("realm_access", Map.of("roles", List.of("privacy-officer", "politie-medewerker")));
                }))
                .authorities(
                        new SimpleGrantedAuthority(Role.PRIVACY_OFFICER.authority()),
                        new SimpleGrantedAuthority(Role.POLITIE_MEDEWERKER.authority()));
        String registeredByThem = incidents.register(incidents.newAddress(), 5, "S1", null);
        String changedByThem = incidents.register(incidents.newAddress(), 5, "S1", null);
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "UPDATE incident SET registered_by = 'another-officer-of-police' WHERE id = ?::uuid",
                        changedByThem);
        mvc.perform(post("/api/v1/incidenten/" + changedByThem + "/zorgmelding")
                        .with(officerAndPolice)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zorgen\": \"Kinderen waren getuige; moeder wil hulp.\"}"))
                .andExpect(status().isCreated());

        destroy(officerAndPolice, request(registeredByThem))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("zelf")));
        destroy(officerAndPolice, request(changedByThem)).andExpect(status().isForbidden());

        assertThat(incidents.rowsOf(registeredByThem)).containsExactly(1, 1, 1, 1);
        assertThat(incidents.rowsOf(changedByThem)).containsExactly(1, 1, 1, 1);
        assertThat(incidents.logOf(registeredByThem)).last().asString().startsWith("GEWEIGERD");
        // Another privacy officer of the organisation can.
        destroy(privacyOfficer, request(registeredByThem)).andExpect(status().isNoContent());
    }

    /**
     * Issue 10, gap 6: a melding stored before meldingen carried their organisation has only its VT region; it is
     * still destroyable, by the privacy officer of the organisation of that region, and by no one else.
     */
    @Test
    void aMeldingStoredWithoutOrganisationIsDestroyedByThePrivacyOfficerOfItsRegion() throws Exception {
        String address = incidents.newAddress();
        String melding = java.util.UUID.randomUUID().toString();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO vt_melding (id, kind, registration_number, vt_region, gemeente_code, address_id,"
                                + " received_at, received_on, melder_sector, reason, acute, severity, children_involved,"
                                + " vervolgmelding, assessment_due, registered_by, registered_at) VALUES (?::uuid,"
                                + " 'melding', ?, 'VT03', 'GM0118', ?::uuid, now(), current_date, 'politie', 'Oud.',"
                                + " false, 'S1', false, false, current_date + 5, 'vt-medewerker-oud', now())",
                        melding,
                        "VT03-OUD-" + melding.substring(0, 8),
                        address);
        String body = """
                {"bron": "vt-melding", "registratieId": "%s", "ontvangenOp": "%s",
                 "reden": "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-015."}
                """.formatted(melding, TestClock.TODAY.minusDays(3));

        destroy(new Requests(Role.PRIVACY_OFFICER, "veilig-thuis-ijsselland", "VT04", null), body)
                .andExpect(status().isNotFound());
        destroy(new Requests(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe", "VT03", null), body)
                .andExpect(status().isNoContent());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM vt_melding WHERE id = ?::uuid", Integer.class, melding))
                .isZero();
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
