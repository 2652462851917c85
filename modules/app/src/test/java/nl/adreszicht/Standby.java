package nl.adreszicht;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second PostgreSQL server that follows an embedded one by streaming replication, as a CloudNativePG replica does:
 * a base backup taken with the low-level backup API while the primary runs (pg_backup_start, copy of the data
 * directory, pg_backup_stop with its backup label), started as a hot standby that connects to the primary for its
 * WAL. The embedded binaries have no pg_basebackup; this is what it does, by hand.
 */
public final class Standby implements AutoCloseable {

    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path dataDirectory;
    private final Process process;
    private final int port;

    private Standby(Path dataDirectory, Process process, int port) {
        this.dataDirectory = dataDirectory;
        this.process = process;
        this.port = port;
    }

    public static Standby follow(EmbeddedPostgres primary, int port) {
        try (Connection connection = primary.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            Path source = Path.of(single(statement, "SHOW data_directory"));
            PostgresProcess server = PostgresProcess.of(source);
            Path target = Files.createTempDirectory("adreszicht-standby");
            statement.execute("SELECT pg_backup_start('standby', true)");
            copy(source, target);
            String label;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
            }
            Files.writeString(target.resolve("backup_label"), label, StandardCharsets.UTF_8);
            Files.createFile(target.resolve("standby.signal"));
            Files.writeString(
                    target.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=localhost port=" + primary.getPort()
                            + " user=postgres application_name=standby'\nhot_standby = on\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            // With the primary's settings: a standby may not have fewer connections (and so on) than its primary.
            List<String> command = new ArrayList<>(List.of(
                    "unshare",
                    "-U",
                    server.binary().toString(),
                    "-D",
                    target.toString(),
                    "-p",
                    Integer.toString(port)));
            command.addAll(server.settings());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            target.resolveSibling(target.getFileName() + ".log").toFile())
                    .start();
            Standby standby = new Standby(target, process, port);
            standby.awaitConnections();
            return standby;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A superuser connection to the standby (read-only, as every connection to a standby). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    public void pauseReplay() throws SQLException {
        execute("SELECT pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        execute("SELECT pg_wal_replay_resume()");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the standby stopped; see " + dataDirectory + ".log");
            }
            try (Connection connection = connect()) {
                if (connection.isValid(1)) {
                    return;
                }
            } catch (SQLException starting) {
                // not consistent yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the standby did not accept connections within 30 s");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The data directory without the running server's own files and without its WAL, which streaming brings. */
    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (relative.toString().isEmpty()) {
                    continue;
                }
                Path to = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!NOT_COPIED.contains(relative.toString()) && !relative.startsWith("pg_wal")) {
                    try {
                        Files.copy(file, to);
                    } catch (java.nio.file.NoSuchFileException vanished) {
                        // a temporary file the server removed meanwhile
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
