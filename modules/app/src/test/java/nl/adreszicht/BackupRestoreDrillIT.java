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
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup and restore drill of infra/backup/drill.sh, as CI runs it: on the embedded PostgreSQL of an instance
 * that keeps registering incidents (with real Keycloak tokens) while the backup is taken; the script restores it into
 * a new cluster, checks the counts and starts the application on it to verify the access-log chain.
 */
@LocalStackTest
class BackupRestoreDrillIT {

    private static final Path ROOT =
            Path.of(System.getProperty("adreszicht.project-root", "../..")).toAbsolutePath();
    private static final String ADDRESS = "5e1f0000-0000-4000-8000-0000000d0111";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Test
    void aBackupTakenUnderLoadRestoresWithItsCountsAndAnIntactChain() throws Exception {
        Path dataDirectory = Files.createTempDirectory("adreszicht-drill-pg");
        int port = RealmTokens.freePort();
        try (SecondInstance instance = SecondInstance.start(
                "adreszicht.oidc.issuer-uri=" + issuer,
                "adreszicht.oidc.client-secret=demo-only-web-secret",
                "adreszicht.embedded-postgres.data-directory=" + dataDirectory,
                "adreszicht.embedded-postgres.port=" + port,
                "adreszicht.embedded-postgres.synchronous-commit=true")) {
            instance.context()
                    .getBean(JdbcTemplate.class)
                    .update(
                            "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code,"
                                    + " synthetic) VALUES (?::uuid, '7907QD', 5, 'Drillstraat', 'Proefplaats',"
                                    + " 'GM0118', true)",
                            ADDRESS);
            String token = RealmTokens.accessToken(issuer, "politie.drenthe");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                load.submit(() -> {
                    for (int n = 0; n < 5_000 && !stop.get(); n++) {
                        if (register(instance, token) == 201) {
                            acknowledged.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2_000);
            int beforeBackup = acknowledged.get();

            Path work = Files.createTempDirectory("adreszicht-drill");
            Process drill = new ProcessBuilder(
                            "bash",
                            ROOT.resolve("infra/backup/drill.sh").toString(),
                            dataDirectory.toString(),
                            Integer.toString(port),
                            work.toString())
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(drill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(drill.waitFor(3, TimeUnit.MINUTES)).isTrue();
            stop.set(true);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            System.out.print(
                    output.lines().map(line -> "[drill] " + line + "\n").reduce("", String::concat));
            assertThat(beforeBackup).as("the backup is taken under load").isPositive();
            assertThat(acknowledged.get()).isGreaterThan(beforeBackup);
            assertThat(drill.exitValue()).as(output).isZero();
            assertThat(output).contains("drill: PASSED").contains("verified the access-log chain");
            long restoredIncidents = Long.parseLong(output.lines()
                    .filter(line -> line.startsWith("drill: incident "))
                    .findFirst()
                    .orElseThrow()
                    .split(" ")[2]);
            assertThat(restoredIncidents)
                    .as("every registration acknowledged before the backup began is in the restored database")
                    .isGreaterThanOrEqualTo(beforeBackup);
        }
    }

    private int register(SecondInstance instance, String token) throws InterruptedException {
        String body = RealmTokens.incident("PL-DRILL", ADDRESS);
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(instance.url() + "/api/v1/incidenten"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }
}
