package nl.adreszicht;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server process of an embedded cluster, found through its data directory, for fault tests: kill it
 * as a crash of its machine would (SIGKILL to the postmaster and every backend), freeze it (SIGSTOP), and start it
 * again on the same data directory and port with the options it ran with ({@code postmaster.opts}).
 */
public final class PostgresProcess {

    private final Path dataDirectory;
    private final List<String> command;

    private PostgresProcess(Path dataDirectory, List<String> command) {
        this.dataDirectory = dataDirectory;
        this.command = command;
    }

    /** The server running on this data directory now. */
    public static PostgresProcess of(Path dataDirectory) {
        try {
            String options = Files.readString(dataDirectory.resolve("postmaster.opts"), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            Matcher argument = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(options.trim());
            while (argument.find()) {
                command.add(argument.group(1) != null ? argument.group(1) : argument.group(2));
            }
            return new PostgresProcess(dataDirectory, command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code postgres} binary the server runs from; {@code initdb} and {@code pg_ctl} lie beside it. */
    public Path binary() {
        return Path.of(command.get(0));
    }

    /** The server's own settings ({@code -c name=value}, {@code -F}), without its data directory and port. */
    public List<String> settings() {
        List<String> settings = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            String argument = command.get(i);
            if (argument.equals("-D") || argument.equals("-p")) {
                i++;
            } else {
                settings.add(argument);
            }
        }
        return settings;
    }

    public ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL to the postmaster and all its processes at once: nothing is flushed that was not already. */
    public void kill() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        signal("KILL", all);
        all.forEach(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    /** SIGSTOP: the server keeps its port, the kernel accepts connections, nothing answers. */
    public void freeze() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        signal("STOP", all);
    }

    public void thaw() {
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        signal("CONT", all);
    }

    /** Starts the server again (crash recovery replays the WAL) and waits until it accepts connections. */
    public void restart() {
        try {
            // As zonky starts it: PostgreSQL refuses to run as root, so in a user namespace of its own.
            List<String> unshared = new ArrayList<>(List.of("unshare", "-U"));
            unshared.addAll(command);
            new ProcessBuilder(unshared)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory
                            .resolveSibling(dataDirectory.getFileName() + "-restart.log")
                            .toFile()))
                    .start();
            String port = command.get(command.indexOf("-p") + 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
                    if (connection.isValid(1)) {
                        return;
                    }
                } catch (SQLException starting) {
                    // not accepting connections yet (or still recovering)
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("PostgreSQL did not start again within 30 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void signal(String name, List<ProcessHandle> processes) {
        List<String> kill = new ArrayList<>(List.of("kill", "-" + name));
        processes.forEach(process -> kill.add(Long.toString(process.pid())));
        try {
            new ProcessBuilder(kill).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
