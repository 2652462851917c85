package nl.adreszicht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, gap 8: the access log answers the owner of a record. Its privacy officer sees every access to the record,
 * by anyone (another organisation's attempt, Veilig Thuis reading it in the address history); a read refused as not
 * found because the record lies outside the caller's scope is a refusal in the log; and the purpose and legal ground of
 * an entry follow the action, not merely the first role of the account.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessLogGapsTest {

    private static final String POLICE_ORGANISATION = "politie-noord-nederland";
    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, POLICE_ORGANISATION, null, "GM0118");
    private static final Requests OTHER_POLICE =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-oost-nederland", null, "GM0193");
    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final String OTHER = "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f";
    private static final String VT_SUBJECT = "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a";
    private static final String OFFICER = "0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theOwnersPrivacyOfficerSeesEveryAccessToItsRecordByAnyone() throws Exception {
        String address = newAddress("GM0118");
        String incident = registerIncident(address);
        mvc.perform(get("/api/v1/incidenten/" + incident).with(OTHER_POLICE.api(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(VT.api(VT_SUBJECT)))
                .andExpect(status().isOk());

        JsonNode seen = json.readTree(mvc.perform(get("/api/v1/toegangslog/objecten/" + incident)
                        .with(Requests.as(Role.PRIVACY_OFFICER, POLICE_ORGANISATION)
                                .api(OFFICER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

        List<String> entries = java.util.stream.StreamSupport.stream(seen.spliterator(), false)
                .map(entry -> entry.path("soort").asString() + " "
                        + entry.path("actie").asString() + " "
                        + entry.path("gebruiker").asString() + " "
                        + entry.path("organisatie").asString())
                .toList();
        assertThat(entries)
                .contains(
                        "AANMAKEN incidenten.registreren " + Requests.SUBJECT + " " + POLICE_ORGANISATION,
                        "GEWEIGERD incident.lezen " + OTHER + " politie-oost-nederland",
                        "LEZEN adres.historie.lezen " + VT_SUBJECT + " veilig-thuis-drenthe");
    }

    @Test
    void aReadRefusedAsNotFoundOutsideTheCallersScopeIsLoggedAsARefusal() throws Exception {
        String address = newAddress("GM0118");
        String incident = registerIncident(address);
        Requests zwolle = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-zwolle", null, "GM0193");

        mvc.perform(get("/api/v1/incidenten/" + incident).with(OTHER_POLICE.api(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/adressen/" + address).with(zwolle.api(OTHER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidenten/" + UUID.randomUUID()).with(OTHER_POLICE.api(OTHER)))
                .andExpect(status().isNotFound());

        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || action || ' ' || object_type FROM access_log WHERE actor_subject = ?"
                                + " AND object_id IN (?, ?) ORDER BY id",
                        String.class,
                        OTHER,
                        incident,
                        address))
                .containsExactly("GEWEIGERD incident.lezen incident", "GEWEIGERD adres.lezen adres");
    }

    @Test
    void purposeAndLegalGroundFollowTheAction() throws Exception {
        String subject = UUID.randomUUID().toString();
        RequestPostProcessor supervisorAndOfficer = jwt().jwt(token -> token.claims(claims -> {
                    claims.putAll(new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null).claims());
                    claims.put("sub", subject);
                    claims.put("realm_access", Map.of("roles", List.of("vt-supervisor", "privacy-officer")));
                }))
                .authorities(
                        new SimpleGrantedAuthority(Role.VT_SUPERVISOR.authority()),
                        new SimpleGrantedAuthority(Role.PRIVACY_OFFICER.authority()));
        String address = newAddress("GM0118");

        mvc.perform(get("/api/v1/toegangslog/objecten/" + address).with(supervisorAndOfficer))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(supervisorAndOfficer))
                .andExpect(status().isOk());

        assertThat(jdbc.queryForList(
                        "SELECT action || ': ' || purpose || ' (' || legal_basis || ')' FROM access_log"
                                + " WHERE actor_subject = ? ORDER BY id",
                        String.class,
                        subject))
                .containsExactly(
                        "toegangslog.object: toezicht op gegevensbescherming (AVG art. 39; NEN 7513)",
                        "adres.historie.lezen: Veilig Thuis-taak (Wmo 2015 art. 4.1.1 en 5.2.6)");
    }

    @Test
    void destructionIsLoggedWithThePurposeOfTheRequest() throws Exception {
        String incident = registerIncident(newAddress("GM0118"));

        mvc.perform(post("/api/v1/vernietigingsverzoeken")
                        .with(Requests.as(Role.PRIVACY_OFFICER, POLICE_ORGANISATION)
                                .api(OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"bron": "politie-incident", "registratieId": "%s", "ontvangenOp": "%s",
                                 "reden": "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-030."}
                                """.formatted(incident, LocalDate.now().minusDays(1))))
                .andExpect(status().isNoContent());

        assertThat(jdbc.queryForObject(
                        "SELECT purpose || ' (' || legal_basis || ')' FROM access_log WHERE object_id = ?"
                                + " AND kind = 'VERWIJDEREN'",
                        String.class,
                        incident))
                .isEqualTo("vernietiging op verzoek van de betrokkene (AVG art. 17)");
    }

    private String registerIncident(String address) throws Exception {
        String body = """
                {"registratienummer": "LOG-%s", "tijdstip": "%sT21:30:00+01:00", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false, "letsel": false,
                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                """.formatted(address.substring(0, 8), LocalDate.now().minusDays(3), address);
        return json.readTree(mvc.perform(post("/api/v1/incidenten")
                                .with(POLICE.api())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
    }

    private String newAddress(String gemeente) {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code)"
                                + " VALUES (?, '7908LG', ?, ?, 'Logpad', 'Hoogeveen', ?)",
                        id,
                        1 + Math.floorMod(id.hashCode(), 99_999),
                        Integer.toString(Math.floorMod(id.hashCode() >> 8, 9999)),
                        gemeente);
        return id.toString();
    }
}
