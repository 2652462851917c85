package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.localstack.LocalKeycloak;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak stopped and frozen (SIGSTOP), while the application runs and when an instance starts, with the real
 * Keycloak of the shared local stack: a running instance keeps accepting tokens with the keys it holds; an instance
 * that has not met Keycloak yet answers API calls 503 problem+json with {@code Retry-After} at once (never 500, never
 * a stack trace per request), shows "inloggen is tijdelijk niet mogelijk" for the login, says so once in its log,
 * and works again by itself when Keycloak is back. The measured times are printed for docs/operators.md.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderFaultsIT {

    private static final String API = "/api/v1/geweldsvormen";
    private static final String LOGIN = "/oauth2/authorization/keycloak";
    private static final Duration AT_ONCE = Duration.ofMillis(3_000);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    LocalKeycloak keycloak;

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @AfterEach
    void keycloakRunsAgainAndTheLogIsClean(CapturedOutput output) {
        signal("CONT");
        LogHygiene.assertClean(output.getAll());
    }

    @Test
    void frozenKeycloakNeitherStopsARunningInstanceNorHangsOneThatStarts(CapturedOutput output) throws Exception {
        String token = RealmTokens.accessToken(issuer, "politie.drenthe");
        assertThat(call(LocalStackTest.APP_URL, API, token).statusCode()).isEqualTo(200);
        assertThat(call(LocalStackTest.APP_URL, LOGIN, null).statusCode()).isEqualTo(302);

        signal("STOP");
        try {
            // The running instance holds the realm's keys and its login metadata: nothing waits for Keycloak.
            List<Timed> running = parallel(10, () -> call(LocalStackTest.APP_URL, API, token));
            assertThat(running).allSatisfy(call -> {
                assertThat(call.response.statusCode()).isEqualTo(200);
                assertThat(call.took).isLessThan(AT_ONCE);
            });
            HttpResponse<String> login = call(LocalStackTest.APP_URL, LOGIN, null);
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).startsWith(issuer));
            report("frozen, running instance: 10 parallel API calls", running);

            try (SecondInstance fresh = startInstance()) {
                expectUnavailable(fresh, token, "frozen, instance started meanwhile");
                // Past the read timeout of the first discovery attempt, and past the next ones: every call is still
                // answered at once, and the log reports the fault once.
                long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    assertThat(call(fresh.url(), API, token).statusCode()).isEqualTo(503);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
                    Thread.sleep(100);
                }
                signal("CONT");
                Duration recovery = untilOk(fresh, token);
                System.out.printf(
                        "[fault] frozen Keycloak resumed: the new instance answered 200 after %d ms%n",
                        recovery.toMillis());
                assertThat(recovery).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            signal("CONT");
        }
        assertThat(count(output.getAll(), "is unreachable since"))
                .as("the fault is reported once a minute, not per request")
                .isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("IdentityProviderUnavailableException");
    }

    @Test
    void stoppedKeycloakIsAnsweredAtOnceAndRecoveredFromByItself(CapturedOutput output) throws Exception {
        String token = RealmTokens.accessToken(issuer, "vt.drenthe");
        assertThat(call(LocalStackTest.APP_URL, API, token).statusCode()).isEqualTo(200);

        keycloak.kill();
        try {
            assertThat(call(LocalStackTest.APP_URL, API, token).statusCode()).isEqualTo(200);
            try (SecondInstance fresh = startInstance()) {
                expectUnavailable(fresh, token, "stopped, instance started meanwhile");
                long restart = System.nanoTime();
                keycloak.restart();
                System.out.printf("[fault] Keycloak restarted in %d ms%n", (System.nanoTime() - restart) / 1_000_000);
                // A restart generates new realm keys: tokens from now on carry a key id neither instance has seen.
                String fresher = RealmTokens.accessToken(issuer, "vt.drenthe");
                Duration recovery = untilOk(fresh, fresher);
                System.out.printf(
                        "[fault] stopped Keycloak back: the new instance answered 200 after %d ms%n",
                        recovery.toMillis());
                assertThat(recovery).isLessThan(Duration.ofSeconds(10));
                assertThat(call(LocalStackTest.APP_URL, API, fresher).statusCode())
                        .as("the running instance fetches the new keys")
                        .isEqualTo(200);
            }
        } finally {
            if (!keycloak.isRunning()) {
                keycloak.restart();
            }
        }
        assertThat(count(output.getAll(), "is unreachable since")).isEqualTo(1);
    }

    private SecondInstance startInstance() {
        long started = System.nanoTime();
        SecondInstance instance = SecondInstance.start(
                "adreszicht.oidc.issuer-uri=" + issuer, "adreszicht.oidc.client-secret=demo-only-web-secret");
        System.out.printf(
                "[fault] second instance started in %d ms without Keycloak%n",
                (System.nanoTime() - started) / 1_000_000);
        return instance;
    }

    /** What an instance that has never reached Keycloak answers: 503 at once, problem+json, the Dutch login page. */
    private void expectUnavailable(SecondInstance instance, String token, String situation) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> health = instance.get("/actuator/health/readiness");
        assertThat(health.statusCode())
                .as("readiness does not depend on Keycloak")
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

        List<Timed> calls = parallel(10, () -> call(instance.url(), API, token));
        report(situation + ": 10 parallel API calls", calls);
        assertThat(calls).allSatisfy(call -> {
            HttpResponse<String> response = call.response;
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(call.took).isLessThan(AT_ONCE);
            assertThat(response.headers().firstValue("Retry-After")).contains("10");
            assertThat(response.headers().firstValue("API-Version")).contains("1.0.0");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asString()).contains("tijdelijk niet bereikbaar");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
        });

        HttpResponse<String> login = instance.get(LOGIN);
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.headers().firstValue("Retry-After")).contains("10");
        assertThat(login.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(login.body()).contains("<html lang=\"nl\"").contains("Inloggen is tijdelijk niet mogelijk");
        HttpResponse<String> english = instance.get(LOGIN, "Cookie", "adreszicht-taal=en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Signing in is temporarily not possible");

        // A page that needs a login sends the browser to the same page, not to a 500.
        HttpResponse<String> page = instance.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
    }

    private Duration untilOk(SecondInstance instance, String token) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (call(instance.url(), API, token).statusCode() == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the instance did not recover within 30 s");
    }

    private record Timed(HttpResponse<String> response, Duration took) {}

    private static List<Timed> parallel(int n, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = call.call();
                    return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
                }));
            }
            List<Timed> results = new ArrayList<>();
            for (Future<Timed> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, List<Timed> calls) {
        long max = calls.stream().mapToLong(call -> call.took.toMillis()).max().orElse(0);
        System.out.printf(
                "[fault] %s: statuses %s, slowest %d ms%n",
                what,
                calls.stream()
                        .map(call -> call.response.statusCode())
                        .distinct()
                        .toList(),
                max);
    }

    private HttpResponse<String> call(String base, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGSTOP freezes Keycloak: it still accepts connections (the kernel does) but never answers. */
    private void signal(String name) {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(keycloak.process());
        keycloak.process().descendants().forEach(processes::add);
        for (ProcessHandle process : processes) {
            try {
                new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int count(String output, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(output);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
