package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL killed (SIGKILL to every server process) in the middle of concurrent registrations and started again,
 * and PostgreSQL frozen (SIGSTOP), under an instance of its own with real Keycloak tokens: health answers within
 * 2 s, readiness goes DOWN and UP again by itself, requests fail within a few seconds with 503 problem+json and
 * {@code Retry-After} (the UI with a Dutch page), never 500, and every registration acknowledged with 201 is there
 * afterwards. The measured times are printed for docs/operators.md.
 */
@LocalStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFaultsIT {

    private static final String ADDRESS = "5e1f0000-0000-4000-8000-0000000fa017";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    private Path dataDirectory;
    private SecondInstance instance;
    private PostgresProcess postgres;
    private String token;

    @BeforeAll
    void anInstanceWithADatabaseThatCanBeKilled() throws Exception {
        dataDirectory = Files.createTempDirectory("adreszicht-fault-pg");
        int port = RealmTokens.freePort();
        instance = SecondInstance.start(
                "adreszicht.oidc.issuer-uri=" + issuer,
                "adreszicht.oidc.client-secret=demo-only-web-secret",
                "adreszicht.embedded-postgres.data-directory=" + dataDirectory,
                "adreszicht.embedded-postgres.port=" + port,
                "adreszicht.embedded-postgres.synchronous-commit=true");
        postgres = PostgresProcess.of(dataDirectory);
        jdbc().update(
                        "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                                + " VALUES (?::uuid, '7907QF', 3, 'Storingsstraat', 'Proefplaats', 'GM0118', true)",
                        ADDRESS);
        token = RealmTokens.accessToken(issuer, "politie.drenthe");
    }

    @AfterAll
    void stopTheInstance() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void killedMidLoadLosesNoAcknowledgedRegistration(CapturedOutput output) throws Exception {
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                for (int n = 0; n < 2_000 && !stop.get(); n++) {
                    results.add(register());
                }
                return null;
            });
        }
        Thread.sleep(3_000);
        long acknowledgedBeforeKill =
                results.stream().filter(r -> r.status == 201).count();
        postgres.kill();
        long killed = System.nanoTime();

        Thread.sleep(500);
        Timed health = timed("/actuator/health");
        Timed readiness = timed("/actuator/health/readiness");
        Timed liveness = timed("/actuator/health/liveness");
        HttpResponse<String> page = instance.get("/adressen", "Cookie", Wire.unknownSessionCookie());
        Thread.sleep(2_000);

        postgres.restart();
        long restarted = System.nanoTime();
        Duration backUp = untilReady();
        Thread.sleep(2_000);
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        System.out.printf(
                "[fault] PostgreSQL killed: health %d in %d ms, readiness %d in %d ms, liveness %d;"
                        + " restarted after %d ms, readiness UP %d ms after the restart%n",
                health.status,
                health.took.toMillis(),
                readiness.status,
                readiness.took.toMillis(),
                liveness.status,
                Duration.ofNanos(restarted - killed).toMillis(),
                backUp.toMillis());
        assertThat(health.status).isEqualTo(503);
        assertThat(health.took).isLessThan(Duration.ofSeconds(2));
        assertThat(readiness.status).isEqualTo(503);
        assertThat(readiness.took).isLessThan(Duration.ofSeconds(2));
        assertThat(liveness.status)
                .as("nothing restarts the application for a database fault")
                .isEqualTo(200);
        assertThat(backUp).isLessThan(Duration.ofSeconds(10));

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.body()).contains("Adreszicht is tijdelijk niet beschikbaar");

        List<Result> acknowledged =
                results.stream().filter(r -> r.status == 201).toList();
        List<Result> refused = results.stream().filter(r -> r.status != 201).toList();
        long slowest = refused.stream().mapToLong(r -> r.took.toMillis()).max().orElse(0);
        System.out.printf(
                "[fault] registrations: %d acknowledged (%d before the kill), %d answered %s, slowest refusal %d ms%n",
                acknowledged.size(),
                acknowledgedBeforeKill,
                refused.size(),
                refused.stream().map(r -> r.status).distinct().toList(),
                slowest);
        assertThat(acknowledgedBeforeKill).isPositive();
        assertThat(acknowledged.size()).isGreaterThan((int) acknowledgedBeforeKill);
        assertThat(refused).as("the outage is seen by clients").isNotEmpty();
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.status).isEqualTo(503);
            assertThat(r.retryAfter).isEqualTo("5");
            assertThat(r.problem).isTrue();
            assertThat(r.took).isLessThan(Duration.ofSeconds(5));
        });

        List<String> ids = acknowledged.stream().map(r -> r.id).toList();
        Integer stored = jdbc().queryForObject(
                        "SELECT count(*) FROM incident WHERE id = ANY (?::uuid[])", Integer.class, (Object)
                                ids.toArray(String[]::new));
        assertThat(stored)
                .as("every acknowledged registration survived the kill")
                .isEqualTo(ids.size());
        assertThat(output.getAll()).doesNotContain("Unexpected error on an API request");
    }

    @Test
    void frozenDatabaseIsAnsweredWithinSecondsAndRecoveredFromByItself() throws Exception {
        Result registered = register();
        assertThat(registered.status).isEqualTo(201);

        postgres.freeze();
        long frozen = System.nanoTime();
        Timed health;
        Timed readiness;
        Timed read;
        try {
            health = timed("/actuator/health");
            readiness = timed("/actuator/health/readiness");
            read = timed("/api/v1/incidenten/" + registered.id);
            assertThat(read.response.headers().firstValue("Retry-After")).contains("5");
        } finally {
            postgres.thaw();
        }
        Duration backUp = untilReady();
        System.out.printf(
                "[fault] PostgreSQL frozen: health %d in %d ms, readiness %d in %d ms, API read %d in %d ms;"
                        + " readiness UP %d ms after the thaw (%d ms frozen)%n",
                health.status,
                health.took.toMillis(),
                readiness.status,
                readiness.took.toMillis(),
                read.status,
                read.took.toMillis(),
                backUp.toMillis(),
                Duration.ofNanos(System.nanoTime() - frozen).toMillis());
        assertThat(health.status).isEqualTo(503);
        assertThat(health.took).isLessThan(Duration.ofSeconds(2));
        assertThat(readiness.status).isEqualTo(503);
        assertThat(readiness.took).isLessThan(Duration.ofSeconds(2));
        assertThat(read.status).isEqualTo(503);
        assertThat(read.took).isLessThan(Duration.ofSeconds(5));
        assertThat(backUp).isLessThan(Duration.ofSeconds(10));
        assertThat(timed("/api/v1/incidenten/" + registered.id).status).isEqualTo(200);
    }

    private record Result(int status, String id, String retryAfter, boolean problem, Duration took) {}

    private record Timed(int status, Duration took, HttpResponse<String> response) {}

    private Result register() {
        String body = RealmTokens.incident("PL-FAULT", ADDRESS);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(instance.url() + "/api/v1/incidenten"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String id = response.statusCode() == 201
                    ? json.readTree(response.body()).path("id").asString()
                    : null;
            return new Result(
                    response.statusCode(),
                    id,
                    response.headers().firstValue("Retry-After").orElse(null),
                    type.startsWith("application/problem+json"),
                    took);
        } catch (IOException e) {
            return new Result(-1, null, null, false, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, null, null, false, Duration.ZERO);
        }
    }

    private Timed timed(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = instance.get(path, "Authorization", "Bearer " + token);
        return new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - start), response);
    }

    private Duration untilReady() throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (instance.get("/actuator/health/readiness").statusCode() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness did not come back within 30 s");
    }

    private JdbcTemplate jdbc() {
        return instance.context().getBean(JdbcTemplate.class);
    }
}
