package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A smoke run of the benchmark's parts (bench/run.sh), so CI proves they still work without measuring anything:
 * the load driver (bench/LoadDriver.java, run as the script runs it) for a second per scenario with two
 * connections and real Keycloak tokens against the application of the shared local-stack context (Keycloak starts
 * once per test run), and the floor as run.sh makes it when pgbench is installed: a few single requests per scenario
 * with PostgreSQL's statement log on, bench/FloorCapture.java turning each scenario's statements into a pgbench
 * script, and that script for a second against the same database. It adds one synthetic address in Hoogeveen and the incidents the driver registers there; nothing
 * else of the shared database is touched. The full benchmark on generated data is run on purpose, not in CI.
 */
@LocalStackTest
class BenchmarkSmokeIT {

    private static final Path BENCH = Path.of("../../bench").toAbsolutePath().normalize();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    private final UUID address = UUID.fromString("5e1f0000-0000-4000-8000-00000000be4c");

    private Path ids;

    @BeforeEach
    void oneSyntheticAddressWithAHistory() throws Exception {
        jdbc.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?, '7907QZ', 1, 'Proefstraat', 'Proefplaats', 'GM0118', true) ON CONFLICT DO NOTHING",
                address);
        ids = Files.createTempFile("bench-ids", ".txt");
        Files.writeString(ids, address + "\n");
        // The floor's target list, as bench/run.sh makes it: as the owner (the application role may not create it).
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.update("CREATE SCHEMA IF NOT EXISTS bench");
        owner.update(
                "CREATE TABLE IF NOT EXISTS bench.target (scenario text, n integer, id uuid, PRIMARY KEY (scenario, n))");
        owner.update(
                "CREATE TABLE IF NOT EXISTS bench.commit_cost (at timestamptz NOT NULL DEFAULT clock_timestamp())");
        owner.update(
                "INSERT INTO bench.target VALUES ('history', 1, ?), ('register', 1, ?) ON CONFLICT DO NOTHING",
                address,
                address);
    }

    @Test
    void theLoadDriverRunsEveryScenarioThroughTheApiWithRealTokens() throws Exception {
        for (String[] scenario : new String[][] {
            {"register", "politie.drenthe"},
            {"history", "vt.drenthe"},
            {"worklist", "vt.drenthe"},
            {"monitor", "analist.hoogeveen", "interval=kwartaal"},
            {"repeats", "vt.drenthe", "sorteer=herhalingen"}
        }) {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    BENCH.resolve("LoadDriver.java").toString(),
                    "base=" + LocalStackTest.APP_URL,
                    "token-url=" + issuer + "/protocol/openid-connect/token",
                    "user=" + scenario[1],
                    "password=demo-only",
                    "scenario=" + scenario[0],
                    "connections=2",
                    "warmup=6",
                    "duration=1",
                    "runs=1"));
            if (scenario[0].equals("history") || scenario[0].equals("register")) {
                command.add("ids=" + ids);
            }
            if (scenario.length > 2) {
                command.add("query=" + scenario[2]);
            }
            Run run = run(command);

            assertThat(run.exitCode()).as(run.output()).isZero();
            String[] result = run.output()
                    .lines()
                    .filter(line -> line.startsWith("RESULT"))
                    .findFirst()
                    .orElseThrow()
                    .split("\t");
            assertThat(result[1]).isEqualTo(scenario[0]);
            assertThat(Double.parseDouble(result[4])).as(run.output()).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE address_id = ?", Long.class, address))
                .isPositive();
    }

    @Test
    void theFloorIsCapturedFromTheStatementLogAndRunsInPgbench() throws Exception {
        assumeTrue(new File("/usr/bin/pgbench").canExecute(), "pgbench is not installed");
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        // PostgreSQL's own log file (the local stack turns the logging collector on, as bench/run.sh does); only what
        // this test adds to it is handed to FloorCapture.
        Path serverLog = Path.of(owner.queryForObject("SELECT current_setting('data_directory')", String.class))
                .resolve("log/postgresql.log");
        long before = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        Path dir = Files.createTempDirectory("bench-floor");
        String[][] cases = {
            {"history", "history", "vt.drenthe", "history"},
            // The register's child rows (incident_person) are inserted from an array of generated ids: FloorCapture
            // makes those fresh per transaction too, or pgbench stops at a duplicate key.
            {"register", "register", "politie.drenthe", "register"},
            {"worklist", "worklist", "vt.drenthe", "-"},
            {"monitor-kwartaal", "monitor", "analist.hoogeveen", "-", "interval=kwartaal"},
            {"repeats", "repeats", "vt.drenthe", "-", "sorteer=herhalingen"}
        };
        try {
            owner.execute("ALTER SYSTEM SET log_statement = 'all'");
            owner.execute("SELECT pg_reload_conf()");
            Thread.sleep(1_000);
            for (String[] c : cases) {
                List<String> command = new ArrayList<>(List.of(
                        java(),
                        BENCH.resolve("LoadDriver.java").toString(),
                        "mode=samples",
                        "count=3",
                        "base=" + LocalStackTest.APP_URL,
                        "token-url=" + issuer + "/protocol/openid-connect/token",
                        "user=" + c[2],
                        "password=demo-only",
                        "scenario=" + c[1]));
                if (!c[3].equals("-")) {
                    command.add("ids=" + ids);
                }
                if (c.length > 4) {
                    command.add("query=" + c[4]);
                }
                Run run = run(command);
                assertThat(run.exitCode()).as(run.output()).isZero();
                Files.writeString(dir.resolve(c[0] + ".samples"), run.output());
            }
        } finally {
            owner.execute("ALTER SYSTEM RESET log_statement");
            owner.execute("SELECT pg_reload_conf()");
        }
        Path appLog = dir.resolve("postgresql.log");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(serverLog.toFile(), "r")) {
            byte[] added = new byte[(int) (file.length() - before)];
            file.seek(before);
            file.readFully(added);
            Files.write(appLog, added);
        }
        for (String[] c : cases) {
            Path script = dir.resolve(c[0] + ".sql");
            String state = dataState(owner);
            Run capture = run(List.of(
                    java(),
                    BENCH.resolve("FloorCapture.java").toString(),
                    "log=" + appLog,
                    "samples=" + dir.resolve(c[0] + ".samples"),
                    "scenario=" + c[0],
                    "target=" + c[3],
                    "out=" + script));
            assertThat(capture.exitCode()).as(capture.output()).isZero();
            Run run = run(List.of(
                    "/usr/bin/pgbench",
                    "-n",
                    "-M",
                    "prepared",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    Integer.toString(postgres.getPort()),
                    "-U",
                    "postgres",
                    "-c",
                    "2",
                    "-T",
                    "1",
                    "-f",
                    script.toString(),
                    "-D",
                    "targets=1",
                    "postgres"));

            assertThat(run.exitCode())
                    .as(c[0] + "\n" + Files.readString(script) + run.output())
                    .isZero();
            assertThat(run.output())
                    .as(c[0] + "\n" + Files.readString(script) + run.output())
                    .doesNotContain("aborted")
                    .contains("number of failed transactions: 0");
            // The floor leaves the data as it was: replayed at other addresses, a registration's derived rows (the
            // monitor's counts per address, the access log's chain) would be wrong there.
            assertThat(dataState(owner))
                    .as(c[0] + "\n" + Files.readString(script))
                    .isEqualTo(state);
        }
        assertThat(owner.queryForObject("SELECT count(*) FROM bench.commit_cost", Long.class))
                .as("the register floor pays its commits")
                .isPositive();
    }

    /** What a floor must not change: the records, the monitor's counts and what addresses added, the access log. */
    private static String dataState(JdbcTemplate owner) {
        return owner.queryForObject(
                "SELECT (SELECT count(*) FROM incident) || ' incidents, ' || (SELECT count(*) FROM incident_person)"
                        + " || ' persons, ' || (SELECT coalesce(sum(n), 0) FROM monitor_gemeente_month) || ' monitor counts, '"
                        + " || (SELECT count(*) FROM monitor_address) || ' monitor addresses, '"
                        + " || (SELECT coalesce(sum(records), 0) FROM gemeente_tally) || ' tallied, '"
                        + " || (SELECT count(*) FROM access_log) || ' access-log entries'",
                String.class);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
