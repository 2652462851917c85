package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance as Kubernetes runs it (management port of its own, JSON logs): the Prometheus scrape with the business
 * signals answers on the management port and is refused on the public port; log lines are JSON with the request's
 * trace id, and carry no personal data.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    private static final String ADDRESS = "5e1f0000-0000-4000-8000-00000000ab5e";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Test
    void metricsOnTheManagementPortOnlyAndJsonLogsWithTraceIds(CapturedOutput output) throws Exception {
        int port = RealmTokens.freePort();
        int managementPort = RealmTokens.freePort();
        int databasePort = RealmTokens.freePort();
        String base = "http://localhost:" + port;
        String management = "http://localhost:" + managementPort;
        Path log = Files.createTempFile("adreszicht-instance", ".log");
        // A process of its own, from the packaged jar and configured through the environment as infra/k8s runs it:
        // the logging system is per JVM, so JSON logs cannot be switched on for a second application inside this one,
        // and only the jar's own classpath shows what a deployment (and the run command) really has on it.
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Dadreszicht.project-root=" + System.getProperty("adreszicht.project-root", "../.."),
                        "-jar",
                        packagedJar(),
                        "--adreszicht.embedded-postgres.port=" + databasePort)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        builder.environment().put("SPRING_MAIN_BANNER_MODE", "off");
        builder.environment().put("ADRESZICHT_OIDC_ISSUER_URI", issuer);
        builder.environment().put("ADRESZICHT_OIDC_CLIENT_SECRET", "demo-only-web-secret");
        Process instance = builder.start();
        try {
            awaitReady(management, instance, log);
            try (Connection database = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
                    PreparedStatement insert = database.prepareStatement(
                            "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code,"
                                    + " synthetic) VALUES (?::uuid, '7907QM', 9, 'Meetstraat', 'Proefplaats',"
                                    + " 'GM0118', true)")) {
                insert.setString(1, ADDRESS);
                insert.executeUpdate();
            }

            HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidenten"))
                    .header("Authorization", "Bearer " + RealmTokens.accessToken(issuer, "politie.drenthe"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"registratienummer":"PL-METRICS/1","tijdstip":"2026-03-14T22:15:00+01:00",\
                            "adresId":"%s","geweldsvormen":["partnergeweld"],"ernst":"S2",\
                            "kinderenAanwezig":false,"letsel":false,"wapen":false,"alcoholDrugs":false,\
                            "aangifte":false,"huisverbodOpgelegd":false,"huisverbodOvertreden":false,\
                            "betrokkenen":[{"rol":"slachtoffer","naam":"Meta Meetpunt","geboortedatum":"1990-05-01"}]}\
                            """.formatted(ADDRESS))));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String id = json.readTree(registered.body()).path("id").asString();
            assertThat(get(base + "/api/v1/incidenten/" + id, RealmTokens.accessToken(issuer, "vt.drenthe"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(get(base + "/api/v1/toegangslog/verificatie", RealmTokens.accessToken(issuer, "privacy.drenthe"))
                            .statusCode())
                    .isEqualTo(200);
            Thread.sleep(2_500);

            HttpResponse<String> scrape = get(management + "/actuator/prometheus", null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            String metrics = scrape.body();
            assertThat(value(metrics, "adreszicht_registrations_total")).isEqualTo(1.0);
            assertThat(value(metrics, "adreszicht_access_refusals_total{action=\"incident.lezen\"}"))
                    .isEqualTo(1.0);
            assertThat(value(metrics, "adreszicht_break_the_glass_grants_total"))
                    .isEqualTo(0.0);
            assertThat(value(metrics, "adreszicht_access_log_chain_intact")).isEqualTo(1.0);
            assertThat(value(metrics, "adreszicht_access_log_sealer_lag_seconds"))
                    .isGreaterThanOrEqualTo(0.0)
                    .isLessThan(60.0);
            assertThat(metrics)
                    .containsPattern("tasks_scheduled_execution_seconds_count\\{[^}]*outcome=\"SUCCESS\"")
                    .contains("http_server_requests_seconds_count")
                    .contains("hikaricp_connections_active");
            assertThat(get(management + "/actuator/health/readiness", null).statusCode())
                    .isEqualTo(200);
            assertThat(get(management + "/actuator/env", null).statusCode()).isNotEqualTo(200);

            HttpResponse<String> publicScrape = get(base + "/actuator/prometheus", null);
            assertThat(publicScrape.statusCode()).isNotEqualTo(200);
            assertThat(publicScrape.body()).doesNotContain("adreszicht_registrations_total");
            HttpResponse<String> loggedInScrape =
                    get(base + "/actuator/prometheus", RealmTokens.accessToken(issuer, "beheerder"));
            assertThat(loggedInScrape.body()).doesNotContain("adreszicht_registrations_total");
        } finally {
            instance.destroy();
            instance.waitFor(30, TimeUnit.SECONDS);
        }

        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged.lines().filter(line -> !line.isBlank() && !line.startsWith("OpenJDK")))
                .as("every line the application writes is JSON (the JVM's own warnings aside)")
                .allSatisfy(line -> assertThat(line).startsWith("{"));
        List<JsonNode> refusals = logged.lines()
                .filter(line -> line.startsWith("{") && line.contains("Refused incident.lezen"))
                .map(json::readTree)
                .toList();
        assertThat(refusals).hasSize(1);
        JsonNode refusal = refusals.get(0);
        System.out.println("[observability] a log line: " + refusal);
        assertThat(refusal.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(refusal.toString()).containsPattern("\"trace(Id|\\.id)\":\"[0-9a-f]{16,32}\"");
        LogHygiene.assertClean(logged);
        assertThat(logged).doesNotContain("Meta Meetpunt");
        LogHygiene.assertClean(output.getAll());
    }

    private void awaitReady(String management, Process instance, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(instance.isAlive())
                    .as(() -> "the instance stopped: " + tail(log))
                    .isTrue();
            try {
                if (get(management + "/actuator/health/readiness", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the instance did not become ready: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static double value(String metrics, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertThat(line.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application as {@code mvn package} built it (failsafe runs after the package phase). */
    private static String packagedJar() {
        String jar = System.getProperty("adreszicht.app-jar");
        assertThat(jar)
                .as("the packaged jar (system property adreszicht.app-jar)")
                .isNotBlank();
        assertThat(Path.of(jar)).as("the packaged jar").exists();
        return jar;
    }
}
