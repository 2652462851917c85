package nl.adreszicht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The access log's guarantees: its fields, its scope, its append-only rights, and failing closed. */
@SpringBootTest
@AutoConfigureMockMvc
class AccessLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccessLog accessLog;

    @Autowired
    EmbeddedPostgres postgres;

    private final Requests privacyOfficer = Requests.as(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe");

    @Test
    void aReadOfTheLogIsItselfLoggedWithEveryField() throws Exception {
        String objectId = UUID.randomUUID().toString();

        mvc.perform(get("/api/v1/toegangslog/objecten/" + objectId).with(privacyOfficer.api()))
                .andExpect(status().isOk());

        Map<String, Object> entry = jdbc.queryForMap("select * from access_log where object_id = ?", objectId);
        assertThat(entry)
                .containsEntry("kind", "ZOEKEN")
                .containsEntry("action", "toegangslog.object")
                .containsEntry("actor_subject", Requests.SUBJECT)
                .containsEntry("actor_organisation", "veilig-thuis-drenthe")
                .containsEntry("actor_roles", "privacy-officer")
                .containsEntry("object_type", "object")
                .containsEntry("purpose", "toezicht op gegevensbescherming")
                .containsEntry("legal_basis", "AVG art. 39; NEN 7513")
                .containsEntry("break_the_glass", false)
                .containsEntry("origin_ip", "127.0.0.1")
                .containsEntry("origin_client", "adreszicht-cli");
        assertThat(entry.get("logged_at")).isNotNull();
    }

    @Test
    void privacyOfficersSeeAccessByTheirOwnOrganisationOnly() throws Exception {
        String objectId = UUID.randomUUID().toString();
        accessLog.record(professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER), read(objectId), "10.0.0.1", "web");
        accessLog.record(
                professional("politie-noord-nederland", Role.POLITIE_MEDEWERKER), read(objectId), "10.0.0.2", "web");

        // Each officer's own search is logged before the query runs, so it is in their answer too.
        mvc.perform(get("/api/v1/toegangslog/objecten/" + objectId).with(privacyOfficer.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.soort == 'LEZEN')].organisatie").value("veilig-thuis-drenthe"))
                .andExpect(jsonPath("$[?(@.organisatie != 'veilig-thuis-drenthe')]")
                        .isEmpty());
        mvc.perform(get("/api/v1/toegangslog/objecten/" + objectId)
                        .with(Requests.as(Role.PRIVACY_OFFICER, "politie-noord-nederland")
                                .api()))
                .andExpect(jsonPath("$[?(@.soort == 'LEZEN')].organisatie").value("politie-noord-nederland"))
                .andExpect(jsonPath("$[?(@.organisatie != 'politie-noord-nederland')]")
                        .isEmpty());
    }

    @Test
    void theBreakTheGlassQueueShowsOnlyBreakTheGlass() throws Exception {
        String objectId = UUID.randomUUID().toString();
        Professional vt = professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER);
        accessLog.record(
                vt,
                new AccessEntry(AccessKind.BREAK_THE_GLASS, "adres.historie", "adres", objectId, true),
                null,
                "web");
        accessLog.record(vt, read(objectId), null, "web");

        mvc.perform(get("/api/v1/toegangslog/break-the-glass")
                        .with(Requests.as(Role.VT_SUPERVISOR, "veilig-thuis-drenthe")
                                .api()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.objectId == '" + objectId + "')].soort").value("BREAK_THE_GLASS"))
                .andExpect(jsonPath("$[?(@.breakTheGlass == false)]").isEmpty());
    }

    @Test
    void anythingButAnOpaqueIdIsRefusedWith400() throws Exception {
        mvc.perform(get("/api/v1/toegangslog/objecten/Dam 1A Amsterdam").with(privacyOfficer.api()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrRemoveEntries() {
        accessLog.record(professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER), read("x1"), null, "web");

        assertThatThrownBy(() -> jdbc.update("update access_log set object_id = 'x2'"))
                .hasStackTraceContaining("permission denied for table access_log");
        assertThatThrownBy(() -> jdbc.update("delete from access_log"))
                .hasStackTraceContaining("permission denied for table access_log");
        assertThatThrownBy(() -> jdbc.execute("truncate access_log_seal"))
                .hasStackTraceContaining("permission denied for table access_log_seal");
        assertThatThrownBy(() -> jdbc.update("delete from access_log_seal"))
                .hasStackTraceContaining("permission denied for table access_log_seal");
    }

    @Test
    void whenTheEntryCannotBeWrittenTheRequestFailsAndReturnsNoData() throws Exception {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        String objectId = UUID.randomUUID().toString();
        accessLog.record(professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER), read(objectId), null, "web");
        owner.execute("revoke insert on access_log from adreszicht_app");
        try {
            mvc.perform(get("/api/v1/toegangslog/objecten/" + objectId).with(privacyOfficer.api()))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(500))
                    .andExpect(content()
                            .string(org.hamcrest.Matchers.not(
                                    org.hamcrest.Matchers.containsString("veilig-thuis-drenthe"))));
        } finally {
            owner.execute("grant insert on access_log to adreszicht_app");
        }
    }

    static Professional professional(String organisation, Role role) {
        return new Professional(
                UUID.randomUUID().toString(),
                "Test",
                Set.of(role),
                Optional.of(organisation),
                Optional.empty(),
                Optional.empty());
    }

    static AccessEntry read(String objectId) {
        return AccessEntry.of(AccessKind.LEZEN, "adres.historie", "adres", objectId);
    }
}
