package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import nl.adreszicht.Requests;
import nl.adreszicht.Standby;
import nl.adreszicht.operations.ReadOnlyDatabase;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area scan reads a read-only replica when one is configured: two PostgreSQL servers in streaming replication
 * (the embedded primary and a hot standby made from its base backup). With replay paused on the standby, a tally
 * written on the primary is not in the scan; once replay resumes, it is, so the scan read the standby.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaIT {

    private static final int STANDBY_PORT = freePort();
    private static final Requests ANALIST = new Requests(Role.GEMEENTE_ANALIST, "gemeente-zwolle", null, "GM0193");

    @DynamicPropertySource
    static void readFromTheStandby(DynamicPropertyRegistry registry) {
        registry.add(
                "adreszicht.read-only-datasource.url",
                () -> "jdbc:postgresql://localhost:" + STANDBY_PORT + "/postgres");
        registry.add("adreszicht.read-only-datasource.username", () -> "adreszicht");
        registry.add("adreszicht.read-only-datasource.password", () -> "demo-only-db");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    ReadOnlyDatabase reads;

    private final JsonMapper json = JsonMapper.builder().build();

    private Standby standby;
    private JdbcTemplate owner;

    @BeforeAll
    void aStandbyFollowsTheEmbeddedPrimary() {
        owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.update("INSERT INTO gemeente_address_count VALUES ('GM9901', 100000)"
                + " ON CONFLICT (gemeente_code) DO UPDATE SET addresses = 100000");
        standby = Standby.follow(postgres, STANDBY_PORT);
    }

    @AfterAll
    void stopTheStandby() {
        if (standby != null) {
            standby.close();
        }
    }

    @Test
    void theAreaScanReadsTheReplica() throws Exception {
        assertThat(reads.isReplica()).isTrue();
        tally(1_000);
        awaitReplayed();
        assertThat(reads.jdbc().queryForObject("SELECT pg_is_in_recovery()", Boolean.class))
                .as("the read-only pool is connected to the standby")
                .isTrue();
        long replicated = nationalRegistrations();

        standby.pauseReplay();
        try {
            tally(500);
            assertThat(nationalRegistrations())
                    .as("written on the primary, not yet replayed on the standby the scan reads")
                    .isEqualTo(replicated);
        } finally {
            standby.resumeReplay();
        }
        awaitReplayed();
        assertThat(nationalRegistrations()).isEqualTo(DisclosureControl.round(replicatedTruth()));
        assertThat(nationalRegistrations()).isGreaterThan(replicated);

        try (Connection connection = standby.connect();
                Statement statement = connection.createStatement();
                ResultSet scans =
                        statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = 'adreszicht'")) {
            scans.next();
            assertThat(scans.getInt(1))
                    .as("the application's read-only pool is connected to the standby")
                    .isPositive();
        }
    }

    private void tally(int records) {
        owner.update(
                "INSERT INTO gemeente_tally VALUES ('GM9901', '2026-08-01', 'POLITIE_INCIDENT', false, ?)"
                        + " ON CONFLICT (gemeente_code, month, source, children_present)"
                        + " DO UPDATE SET records = gemeente_tally.records + excluded.records",
                records);
        // And its national stripe (9901 % 16), which the national scan reads, as RecordTally keeps both.
        owner.update(
                "INSERT INTO national_tally VALUES ('2026-08-01', 13, 'POLITIE_INCIDENT', false, ?)"
                        + " ON CONFLICT (month, stripe, source, children_present)"
                        + " DO UPDATE SET records = national_tally.records + excluded.records",
                records);
    }

    private long replicatedTruth() {
        return owner.queryForObject(
                "SELECT coalesce(sum(records), 0) FROM gemeente_tally WHERE month >= '2026-07-01'"
                        + " AND month < '2026-10-01'",
                Long.class);
    }

    private void awaitReplayed() throws Exception {
        // The insert position: with the tests' synchronous_commit=off, a commit's WAL may not be written yet.
        String lsn = owner.queryForObject("SELECT pg_current_wal_insert_lsn()::text", String.class);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection connection = standby.connect();
                    Statement statement = connection.createStatement();
                    ResultSet replayed =
                            statement.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn")) {
                replayed.next();
                if (replayed.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the standby did not replay " + lsn + " within 20 s");
    }

    private long nationalRegistrations() throws Exception {
        String body = mvc.perform(get("/api/v1/gebiedsscans")
                        .param("niveau", "land")
                        .param("periode", "kwartaal")
                        .param("tot", "2026-10-01")
                        .with(ANALIST.api()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        tools.jackson.databind.JsonNode value = json.readTree(body)
                .path("gebieden")
                .path(0)
                .path("registraties")
                .path("huidig")
                .path("waarde");
        assertThat(value.isNumber()).as(body).isTrue();
        return value.asLong();
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
