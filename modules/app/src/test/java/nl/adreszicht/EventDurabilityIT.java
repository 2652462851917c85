package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An after-commit listener is never lost (ADR 0011): an instance in a process of its own is killed (SIGKILL) after a
 * registration committed and was answered, and before signal matching, its asynchronous after-commit listener, could
 * write the match; a new instance on the same database resubmits the publication the registry kept, and the match is
 * there. The listener is held between the two by a lock the test takes on the match table: the registration commits
 * and answers, the listener waits for the lock on its own thread, and the process dies while it waits. Without the
 * registry the event dies with the process (with the executor's queue) and no match is ever written, so this test
 * fails.
 */
@LocalStackTest
class EventDurabilityIT {

    private static final String ADDRESS = "5e1f0000-0000-4000-8000-0000000d0ab1";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aListenerCutOffByAKillRunsAfterTheRestart() throws Exception {
        String database = "durability_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        Path log = Files.createTempFile("adreszicht-durability", ".log");

        Instance first = Instance.start(url, issuer, "PT10M", log);
        HttpResponse<String> acknowledged;
        long killedAt;
        try (Connection test = DriverManager.getConnection(url, "postgres", "")) {
            first.awaitReady(http);
            acknowledged = registerWhileMatchingIsHeld(first, test, url);
            first.kill();
            killedAt = System.nanoTime();
            test.rollback();
        } finally {
            first.kill();
        }
        assertThat(acknowledged.body()).as("the acknowledged registration").contains("PL-DUUR");

        try (Connection test = DriverManager.getConnection(url, "postgres", "")) {
            JdbcTemplate jdbc = jdbc(test);
            assertThat(count(jdbc, "SELECT count(*) FROM incident")).isEqualTo(2);
            assertThat(count(jdbc, "SELECT count(*) FROM signal_match"))
                    .as("the kill cut the listener off")
                    .isZero();
            assertThat(incompletePublications(jdbc)).isEqualTo(1);

            Instance second = Instance.start(url, issuer, "PT1S", log);
            try {
                second.awaitReady(http);
                await("the restarted instance resubmits the event")
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> count(jdbc, "SELECT count(*) FROM signal_match") >= 2);
                long matchedAfter =
                        Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
                List<String> pairs = jdbc.queryForList(
                        "SELECT organisation || ' > ' || other_organisation FROM signal_match WHERE address_id = ?::uuid"
                                + " ORDER BY 1",
                        String.class,
                        ADDRESS);
                assertThat(pairs)
                        .containsExactly(
                                "politie-noord-nederland > politie-oost-nederland",
                                "politie-oost-nederland > politie-noord-nederland");
                assertThat(incompletePublications(jdbc))
                        .as("the publication is complete (and deleted)")
                        .isZero();
                System.out.printf(
                        "[durability] killed between commit and listener; after the restart the listener ran,"
                                + " the match written %d ms after the kill (instance start included)%n",
                        matchedAfter);
            } finally {
                second.kill();
            }
        }
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("DROP DATABASE " + database + " WITH (FORCE)");
    }

    /**
     * A stopping instance (SIGTERM) completes the after-commit listeners it has begun before it closes its connections:
     * the listener held by the lock is still waiting when the executor is shut down, and the lock is released only
     * then; the instance runs it to completion and exits, with no other instance to resubmit it.
     */
    @Test
    void aStoppingInstanceCompletesItsListenersBeforeItExits() throws Exception {
        String database = "durability_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + database);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
        Path log = Files.createTempFile("adreszicht-stopping", ".log");

        Instance instance = Instance.start(url, issuer, "PT10M", log);
        try (Connection test = DriverManager.getConnection(url, "postgres", "")) {
            instance.awaitReady(http);
            registerWhileMatchingIsHeld(instance, test, url);
            instance.process().destroy();
            await("the instance shuts its after-commit executor down")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(log).contains("after-commit listeners running and"));
            test.rollback();
            assertThat(instance.process().waitFor(60, TimeUnit.SECONDS))
                    .as("the instance exits")
                    .isTrue();
            test.setAutoCommit(true);
            JdbcTemplate jdbc = jdbc(test);
            assertThat(count(jdbc, "SELECT count(*) FROM signal_match"))
                    .as("the stopping instance ran the listener it had begun")
                    .isEqualTo(2);
            assertThat(incompletePublications(jdbc)).isZero();
            assertThat(Files.readString(log)).doesNotContain("stay incomplete");
        } finally {
            instance.kill();
        }
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("DROP DATABASE " + database + " WITH (FORCE)");
    }

    /**
     * At an address in the instance's database, one police organisation's incident (matching nothing alone), then
     * another's while the test holds a lock on the match table ({@code test} stays in its transaction): the second
     * registration is answered and its matching listener waits for the lock.
     */
    private HttpResponse<String> registerWhileMatchingIsHeld(Instance instance, Connection test, String url)
            throws Exception {
        JdbcTemplate jdbc = jdbc(test);
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '7907QD', 11, 'Duurzaamstraat', 'Proefplaats', 'GM0118', true)",
                ADDRESS);
        // Another police organisation's incident there first: the next one is a match.
        assertThat(instance.register(http, RealmTokens.accessToken(issuer, "politie.ijsselland"))
                        .statusCode())
                .isEqualTo(201);
        // Its listener runs after the answer, on the instance's after-commit executor: alone, it matches nothing.
        await().atMost(AfterCommit.AT_MOST).until(() -> incompletePublications(jdbc) == 0);
        assertThat(count(jdbc, "SELECT count(*) FROM signal_match")).isZero();

        test.setAutoCommit(false);
        try (Statement lock = test.createStatement()) {
            lock.execute("LOCK TABLE signal_match IN ACCESS EXCLUSIVE MODE");
        }
        // The listener no longer runs on the request thread (ADR 0011): the registration is answered while its
        // listener waits for the lock.
        HttpResponse<String> acknowledged = instance.register(http, RealmTokens.accessToken(issuer, "politie.drenthe"));
        assertThat(acknowledged.statusCode()).isEqualTo(201);

        // Committed and answered, and its listener waiting for the lock: between the commit and the listener.
        try (Connection observer = DriverManager.getConnection(url, "postgres", "")) {
            JdbcTemplate watch = jdbc(observer);
            await("the listener reached the lock")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> count(
                                    watch,
                                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                            + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO signal_match%'")
                            == 1);
            assertThat(count(watch, "SELECT count(*) FROM incident WHERE organisation = 'politie-noord-nederland'"))
                    .isEqualTo(1);
            assertThat(incompletePublications(watch))
                    .as("the registry kept the event for the listener that has not run")
                    .isEqualTo(1);
        }
        return acknowledged;
    }

    private static JdbcTemplate jdbc(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    private static int incompletePublications(JdbcTemplate jdbc) {
        return count(jdbc, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer count = jdbc.queryForObject(sql, Integer.class);
        return count == null ? 0 : count;
    }

    /** The application in a JVM of its own on an external database, as an operator runs it, so it can be killed. */
    private record Instance(Process process, String base, Path log) {

        static Instance start(String url, String issuer, String resubmitAfter, Path log) throws IOException {
            int port = RealmTokens.freePort();
            ProcessBuilder builder = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Dadreszicht.project-root=" + System.getProperty("adreszicht.project-root", "../.."),
                            "-cp",
                            System.getProperty("java.class.path"),
                            AdreszichtApplication.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("SPRING_MAIN_BANNER_MODE", "off");
            builder.environment().put("SPRING_DATASOURCE_URL", url);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
            builder.environment().put("ADRESZICHT_OIDC_ISSUER_URI", issuer);
            builder.environment().put("ADRESZICHT_OIDC_CLIENT_SECRET", "demo-only-web-secret");
            builder.environment().put("ADRESZICHT_EVENTS_RESUBMIT_AFTER", resubmitAfter);
            return new Instance(builder.start(), "http://localhost:" + port, log);
        }

        void awaitReady(HttpClient http) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive())
                        .as(() -> "the instance stopped: " + tail())
                        .isTrue();
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                                    .timeout(Duration.ofSeconds(5))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException starting) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("the instance did not become ready: " + tail());
        }

        HttpResponse<String> register(HttpClient http, String token) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/incidenten"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(RealmTokens.incident("PL-DUUR", ADDRESS)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
