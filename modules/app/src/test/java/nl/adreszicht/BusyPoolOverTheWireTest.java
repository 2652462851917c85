package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instance whose pool (two connections, a one-second connection timeout) is exhausted while PostgreSQL answers:
 * every connection is busy in {@code pg_sleep}. Over the wire, the API answers 503 problem+json with the busy problem
 * type and a short {@code Retry-After}, the UI a Dutch "druk" page, readiness is DOWN while the pool stays full and UP
 * again by itself, the page's style sheets still arrive (they never read the session), and the log says that the pool
 * was full, not that PostgreSQL is unreachable. The refused
 * registration changed nothing: its retry with the same {@code Idempotency-Key} afterwards is stored, once.
 */
@TestPropertySource(
        properties = {
            "adreszicht.embedded-postgres.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=1000"
        })
@ExtendWith(OutputCaptureExtension.class)
class BusyPoolOverTheWireTest extends OverTheWire {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118");
    private static final String BUSY_TYPE = "tag:adreszicht.nl,2026:problemen/druk";
    private static final Pattern STYLE_SHEETS = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void anExhaustedPoolIsAnsweredBusyAndTheRetriedWriteIsStoredOnce(CapturedOutput output) throws Exception {
        // Set up and counted as the schema owner, beside the application's pool.
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        String token = token();
        String key = UUID.randomUUID().toString();
        String body = IdempotencyOverTheWireTest.melding(address);

        Wire.Response refused;
        Duration took;
        Wire.Response page;
        Wire.Response readiness;
        Map<String, Wire.Response> styles = new LinkedHashMap<>();
        try (BusyConnections busy = new BusyConnections(dataSource)) {
            assertThat(dataSource.getHikariPoolMXBean().getActiveConnections())
                    .as("every connection of the pool is in use")
                    .isEqualTo(dataSource.getMaximumPoolSize());
            long start = System.nanoTime();
            refused = register(token, key, body);
            took = Duration.ofNanos(System.nanoTime() - start);
            page = wire().call("GET", "/adressen")
                    .header("Cookie", Wire.unknownSessionCookie())
                    .send();
            // The busy page's style sheets, requested as the browser does, with its session cookie.
            for (String sheet : STYLE_SHEETS
                    .matcher(page.body())
                    .results()
                    .map(match -> match.group(1))
                    .toList()) {
                styles.put(
                        sheet,
                        wire().call("GET", sheet)
                                .header("Cookie", Wire.unknownSessionCookie())
                                .send());
            }
            // The readiness check needs a connection of the same pool; it waits one second at most.
            readiness = wire().call("GET", "/actuator/health/readiness").send();
            busy.assertStillSleeping();
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.header("Retry-After")).contains("2");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo(BUSY_TYPE);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("Adreszicht is op dit moment druk");
        assertThat(problem.path("detail").asString()).contains("druk").contains("niets gewijzigd");
        assertThat(took).as("the pool's wait, not more").isLessThan(Duration.ofSeconds(5));

        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).contains("2");
        assertThat(page.body())
                .contains("Adreszicht is op dit moment druk. Probeer het over enkele seconden opnieuw.")
                .doesNotContain("niet bereikbaar");

        assertThat(styles.keySet())
                .as("the busy page has the layout's style sheets")
                .contains("/css/adreszicht-theme.css", "/css/adreszicht.css");
        styles.forEach((sheet, style) -> {
            assertThat(style.status())
                    .as(sheet + " arrives while the pool is full: the assets never read the session")
                    .isEqualTo(200);
            assertThat(style.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        });

        assertThat(readiness.status())
                .as("an instance whose pool stays full takes no more traffic")
                .isEqualTo(503);
        assertThat(untilReady()).as("ready again by itself").isLessThan(Duration.ofSeconds(10));

        assertThat(output.getAll())
                .contains("Database connection pool exhausted (total=2, active=2, idle=0")
                .doesNotContain("PostgreSQL is unreachable")
                .doesNotContain("Unexpected error on an API request");
        assertThat(owner.queryForObject(
                        "SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", Integer.class, address))
                .as("the refused registration changed nothing")
                .isZero();

        // The client retries the same request once connections are free again: stored once, then replayed.
        Wire.Response retried = register(token, key, body);
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEmpty();
        Wire.Response again = register(token, key, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(retried.body());
        assertThat(owner.queryForObject(
                        "SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", Integer.class, address))
                .isEqualTo(1);
    }

    private Duration untilReady() throws InterruptedException {
        long start = System.nanoTime();
        while (wire().call("GET", "/actuator/health/readiness").send().status() != 200) {
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) > 0) {
                break;
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Wire.Response register(String token, String key, String body) {
        return wire().call("POST", "/api/v1/meldingen")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(body)
                .send();
    }

    /** A token of a subject of its own, so the key is this test's alone. */
    private static String token() {
        Map<String, Object> claims = new HashMap<>(VT.claims());
        claims.put("sub", UUID.randomUUID().toString());
        return ISSUER.accessToken(claims);
    }

    /**
     * Every connection of the pool taken and kept busy in {@code pg_sleep} until closed: PostgreSQL answers, the
     * application has no connection to spare.
     */
    private static final class BusyConnections implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();
        private final ExecutorService holders;
        private final List<Future<Integer>> sleeping = new ArrayList<>();

        BusyConnections(HikariDataSource dataSource) throws InterruptedException {
            int size = dataSource.getMaximumPoolSize();
            holders = Executors.newFixedThreadPool(size);
            CountDownLatch taken = new CountDownLatch(size);
            for (int i = 0; i < size; i++) {
                sleeping.add(holders.submit(() -> {
                    try (Connection connection = take(dataSource);
                            Statement statement = connection.createStatement()) {
                        taken.countDown();
                        int sleeps = 0;
                        while (!released.get()) {
                            statement.execute("SELECT pg_sleep(0.2)");
                            sleeps++;
                        }
                        return sleeps;
                    }
                }));
            }
            assertThat(taken.await(20, TimeUnit.SECONDS))
                    .as("the test takes every connection")
                    .isTrue();
        }

        /** A connection, waiting out a scheduled job that holds one for a moment. */
        private static Connection take(HikariDataSource dataSource) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return dataSource.getConnection();
                } catch (SQLTransientConnectionException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
        }

        void assertStillSleeping() {
            assertThat(sleeping).as("every connection was busy throughout").noneMatch(Future::isDone);
        }

        @Override
        public void close() throws Exception {
            released.set(true);
            for (Future<Integer> holder : sleeping) {
                assertThat(holder.get(10, TimeUnit.SECONDS)).isPositive();
            }
            holders.shutdown();
        }
    }
}
