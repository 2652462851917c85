import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backup and restore drill (run by drill.sh): takes a physical backup of a running PostgreSQL with the low-level
 * backup API while the application keeps writing, restores it into a new cluster on another port, checks that every
 * table holds what was committed between the start and the end of the backup, and starts the application on the
 * restored database as the access-log chain verifier, which must find the chain intact. For the embedded PostgreSQL
 * of the local run and CI, and any PostgreSQL whose data directory this machine can read; on Kubernetes the same
 * drill is done with CloudNativePG's backups (docs/operators.md, "Backup and restore").
 *
 * <p>Usage: {@code java -cp postgresql.jar BackupDrill.java DATA_DIR PORT WORK_DIR APP_JAR}
 */
public class BackupDrill {

    private static final List<String> TABLES =
            List.of("incident", "municipal_record", "vt_melding", "access_log", "access_log_seal");

    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 4) {
            System.err.println("usage: BackupDrill DATA_DIR PORT WORK_DIR APP_JAR");
            System.exit(2);
        }
        Path data = Path.of(arguments[0]).toAbsolutePath();
        int port = Integer.parseInt(arguments[1]);
        Path work = Files.createDirectories(Path.of(arguments[2]).toAbsolutePath());
        Path jar = Path.of(arguments[3]).toAbsolutePath();
        String user = System.getenv().getOrDefault("DRILL_SUPERUSER", "postgres");
        String password = System.getenv().getOrDefault("DRILL_SUPERUSER_PASSWORD", "");

        Path backup = work.resolve("backup");
        Map<String, Long> atStart;
        Map<String, Long> atEnd;
        long started = System.nanoTime();
        try (Connection primary = connect(port, user, password);
                Statement statement = primary.createStatement()) {
            atStart = counts(statement);
            statement.execute("SELECT pg_backup_start('adreszicht-drill', true)");
            copy(data, backup, false);
            String label = single(statement, "SELECT labelfile FROM pg_backup_stop(false)");
            Files.writeString(backup.resolve("backup_label"), label, StandardCharsets.UTF_8);
            // Without WAL archiving, the WAL from the start to the end of the backup is taken from pg_wal.
            copy(data.resolve("pg_wal"), backup.resolve("pg_wal"), true);
            atEnd = counts(statement);
        }
        System.out.printf("drill: backup of %s taken in %d ms under load%n", data, millis(started));

        Path restored = work.resolve("restored");
        copy(backup, restored, true);
        Files.setPosixFilePermissions(restored, PosixFilePermissions.fromString("rwx------"));
        int restoredPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            restoredPort = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root: in a user namespace of its own, as the embedded one is run.
            command.addAll(List.of("unshare", "-U"));
        }
        List<String> server = serverCommand(data);
        command.add(server.get(0));
        command.addAll(List.of("-D", restored.toString(), "-p", Integer.toString(restoredPort)));
        command.addAll(server.subList(1, server.size()));
        long restoring = System.nanoTime();
        Process postgres = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("restored.log").toFile())
                .start();
        try {
            awaitPromoted(postgres, restoredPort, user, password);
            System.out.printf(
                    "drill: restored into a new cluster on port %d in %d ms%n", restoredPort, millis(restoring));
            Map<String, Long> restoredCounts;
            try (Connection connection = connect(restoredPort, user, password);
                    Statement statement = connection.createStatement()) {
                restoredCounts = counts(statement);
            }
            boolean countsHold = true;
            for (String table : TABLES) {
                long count = restoredCounts.get(table);
                boolean holds = count >= atStart.get(table) && count <= atEnd.get(table);
                countsHold &= holds;
                System.out.printf(
                        "drill: %s %d (%d at the start of the backup, %d at its end)%s%n",
                        table, count, atStart.get(table), atEnd.get(table), holds ? "" : " WRONG");
            }

            long verifying = System.nanoTime();
            Process instance = new ProcessBuilder(
                            javaCommand(),
                            "-jar",
                            jar.toString(),
                            "--spring.main.web-application-type=none",
                            "--spring.main.banner-mode=off",
                            "--adreszicht.access-log.verify=true",
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + restoredPort + "/postgres",
                            "--spring.datasource.username="
                                    + System.getenv().getOrDefault("DRILL_APP_USER", "adreszicht"),
                            "--spring.datasource.password="
                                    + System.getenv().getOrDefault("DRILL_APP_PASSWORD", "demo-only-db"),
                            "--spring.liquibase.user=" + user,
                            "--spring.liquibase.password=" + password,
                            "--adreszicht.oidc.issuer-uri=http://127.0.0.1:9/realms/unused",
                            "--adreszicht.oidc.client-secret=unused")
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("verify.log").toFile())
                    .start();
            if (!instance.waitFor(3, TimeUnit.MINUTES)) {
                instance.destroyForcibly();
                throw new IllegalStateException("the verifying instance did not finish within 3 minutes");
            }
            boolean chainIntact = instance.exitValue() == 0;
            System.out.printf(
                    "drill: an instance on the restored database verified the access-log chain in %d ms: %s%n",
                    millis(verifying), chainIntact ? "intact" : "NOT INTACT, see " + work.resolve("verify.log"));
            System.out.println("drill: " + (countsHold && chainIntact ? "PASSED" : "FAILED"));
            System.exit(countsHold && chainIntact ? 0 : 1);
        } finally {
            postgres.destroy();
            postgres.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Long> counts(Statement statement) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Long.parseLong(single(statement, "SELECT count(*) FROM " + table)));
        }
        return counts;
    }

    /** The restored cluster replays the WAL of the backup, then ends recovery and accepts writes. */
    private static void awaitPromoted(Process postgres, int port, String user, String password) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!postgres.isAlive()) {
                throw new IllegalStateException("the restored PostgreSQL stopped; see restored.log");
            }
            try (Connection connection = connect(port, user, password);
                    Statement statement = connection.createStatement()) {
                if (single(statement, "SELECT pg_is_in_recovery()").equals("f")) {
                    return;
                }
            } catch (SQLException starting) {
                // still replaying
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the restored PostgreSQL did not finish recovery within 60 s");
    }

    /** The binary and settings the running server was started with ({@code postmaster.opts}). */
    private static List<String> serverCommand(Path data) throws IOException {
        String options = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>();
        Matcher argument = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(options.trim());
        while (argument.find()) {
            all.add(argument.group(1) != null ? argument.group(1) : argument.group(2));
        }
        List<String> command = new ArrayList<>(List.of(all.get(0)));
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).equals("-D") || all.get(i).equals("-p")) {
                i++;
            } else {
                command.add(all.get(i));
            }
        }
        return command;
    }

    private static void copy(Path source, Path target, boolean everything) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.toString().isEmpty()) {
                    continue;
                }
                Path to = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (everything
                        || (!NOT_COPIED.contains(relative.toString()) && !relative.startsWith("pg_wal"))) {
                    try {
                        Files.copy(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException vanished) {
                        // a temporary file the server removed meanwhile
                    }
                }
            }
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", user, password);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
