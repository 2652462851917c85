package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record and the access-log entry of its creation commit together or not at all (issue 13, fault 1; ADR 0013).
 * Concurrent registrations of all three recording modules are held at their access-log insert (the test holds a lock
 * on the log), their connections are then killed mid-transaction, as a crash of the application or a network cut
 * would, and afterwards no record exists without its {@code AANMAKEN} entry: none of them was stored. When the entry
 * was written in a transaction of its own after the record's (the code before), each record here committed first and
 * stayed without its entry. The verifier reports a record whose entry is gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordWithItsEntryTest {

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, null);
    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests LOKAAL_TEAM =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    private static final Requests PRIVACY = new Requests(Role.PRIVACY_OFFICER, "politie-drenthe", null, null);

    /** The statement a registration's entry is written with, as pg_stat_activity shows it. */
    private static final String ENTRY_INSERT = "INSERT INTO access_log%";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void connectionsKilledBeforeTheEntryLeaveNoRecordWithoutIt() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118", "WK011801", "BU01180101")
                .toString();
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        int registrations = 9;
        ExecutorService clients = Executors.newFixedThreadPool(registrations);
        List<Future<Integer>> answers = new ArrayList<>();
        int killed;
        try (Connection lock = postgres.getPostgresDatabase().getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // Readers go on; every insert into the log waits for this transaction.
                statement.execute("LOCK TABLE access_log IN SHARE MODE");
            }
            for (int i = 0; i < registrations / 3; i++) {
                answers.add(clients.submit(
                        () -> status(post("/api/v1/incidenten"), POLICE, StatementCountTest.incident(address))));
                answers.add(clients.submit(
                        () -> status(post("/api/v1/meldingen"), VT, StatementCountTest.melding(address))));
                answers.add(clients.submit(() -> status(
                        post("/api/v1/gemeenteregistraties"), LOKAAL_TEAM, StatementCountTest.signaal(address))));
            }
            // Registrations at one address queue behind each other (the address row, the tally): each reaches its
            // entry in turn, and is killed there.
            killed = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers.stream().allMatch(Future::isDone)) {
                assertThat(System.nanoTime())
                        .as(() -> "every registration reached its access-log entry: "
                                + owner.queryForList(
                                        "SELECT state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity"
                                                + " WHERE datname = current_database() AND pid <> pg_backend_pid()"))
                        .isLessThan(deadline);
                killed += owner.queryForObject(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE ?",
                        Integer.class,
                        ENTRY_INSERT);
                Thread.sleep(20);
            }
            lock.rollback();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        clients.shutdown();
        System.out.printf(
                "[record+entry] %d concurrent registrations, %d connections killed at their entry, answered %s%n",
                registrations, killed, statuses);
        assertThat(killed).isEqualTo(registrations);
        assertThat(statuses)
                .as("no registration was acknowledged")
                .allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(500));
        assertThat(recordsAt(owner, address))
                .as("no record stored without the entry of its creation")
                .isZero();
        assertThat(unlogged(address)).isEmpty();

        // The same registrations without the fault: stored, each with its entry.
        assertThat(status(post("/api/v1/incidenten"), POLICE, StatementCountTest.incident(address)))
                .isEqualTo(201);
        assertThat(status(post("/api/v1/meldingen"), VT, StatementCountTest.melding(address)))
                .isEqualTo(201);
        assertThat(status(post("/api/v1/gemeenteregistraties"), LOKAAL_TEAM, StatementCountTest.signaal(address)))
                .isEqualTo(201);
        assertThat(recordsAt(owner, address)).isEqualTo(3);
        assertThat(unlogged(address)).isEmpty();
    }

    @Test
    void theVerifierReportsARecordWhoseEntryIsGone() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118", "WK011801", "BU01180101")
                .toString();
        JsonNode stored = json.readTree(mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(StatementCountTest.incident(address))))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String id = stored.path("id").asString();
        assertThat(unlogged(address)).isEmpty();

        // As someone with the schema owner's rights would: the entry of its creation deleted.
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update("DELETE FROM access_log WHERE object_id = ? AND kind = 'AANMAKEN'", id);

        assertThat(unlogged(address)).containsExactly("incident " + id);
    }

    private int status(MockHttpServletRequestBuilder request, Requests who, Map<String, Object> body) throws Exception {
        return mvc.perform(request.with(who.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static int recordsAt(JdbcTemplate owner, String address) {
        return owner.queryForObject(
                "SELECT (SELECT count(*) FROM incident WHERE address_id = ?::uuid)"
                        + " + (SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid)"
                        + " + (SELECT count(*) FROM municipal_record WHERE address_id = ?::uuid)",
                Integer.class,
                address,
                address,
                address);
    }

    /**
     * The verifier's findings of a record without its entry ({@code ZONDER_VERMELDING}), as "type id", for the records
     * at {@code address}.
     */
    private List<String> unlogged(String address) throws Exception {
        JsonNode report =
                json.readTree(mvc.perform(get("/api/v1/toegangslog/verificatie").with(PRIVACY.api()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        List<String> here = owner.queryForList(
                "SELECT id::text FROM incident WHERE address_id = ?::uuid UNION ALL SELECT id::text FROM vt_melding"
                        + " WHERE address_id = ?::uuid UNION ALL SELECT id::text FROM municipal_record"
                        + " WHERE address_id = ?::uuid",
                String.class,
                address,
                address,
                address);
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.path("findings")) {
            if (finding.path("kind").asString().equals("ZONDER_VERMELDING")
                    && here.contains(finding.path("objectId").asString())) {
                findings.add(finding.path("objectType").asString() + " "
                        + finding.path("objectId").asString());
            }
        }
        return findings;
    }
}
