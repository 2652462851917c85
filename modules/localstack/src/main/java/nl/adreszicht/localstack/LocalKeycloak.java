package nl.adreszicht.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * A Keycloak server started from its distribution as a child process, with the project's realm imported
 * into an in-memory database at every start: the realm as code is always what runs, and nothing of an earlier
 * run (sessions, lock-outs) lingers.
 *
 * <p>The process starts as soon as the bean exists, so Keycloak boots while the rest of the application
 * context is built; {@link #start()} then waits until the realm answers, before the web server opens.
 */
public final class LocalKeycloak implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);

    private final LocalKeycloakProperties properties;
    private final Path home;
    private final Path logFile;
    private final Path pidFile;
    private volatile Process process;
    private volatile boolean running;
    private final String applicationUrl;

    LocalKeycloak(LocalKeycloakProperties properties, String applicationUrl) {
        this.properties = properties;
        this.applicationUrl = applicationUrl;
        this.home = requireDistribution(properties.home());
        this.logFile = Optional.ofNullable(properties.logFile())
                .orElse(home.resolveSibling("keycloak-" + properties.port() + ".log"));
        this.pidFile = home.resolveSibling("keycloak-" + properties.port() + ".pid");
        stopLeftoverFromEarlierRun();
        copyRealm();
        this.process = launch();
    }

    /** The Keycloak process (the {@code kc.sh} wrapper; the server is its child), for fault tests that freeze it. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Kills Keycloak as a crash would (SIGKILL): its port refuses connections until {@link #restart()}. */
    public synchronized void kill() {
        running = false;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.toHandle().onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /**
     * Stops Keycloak and starts it again with the realm imported afresh (new signing keys, no sessions), waiting until
     * the realm answers: what an operator's restart of Keycloak does to the application.
     */
    public synchronized void restart() {
        destroy();
        copyRealm();
        process = launch();
        start();
    }

    /** The issuer URI of the project's realm on this server. */
    public String issuerUri() {
        return LocalKeycloakProperties.issuerUri(properties.port(), properties.realm());
    }

    private static Path requireDistribution(@Nullable Path home) {
        if (home == null || !Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ". Start the system with the README's run command (it unpacks Keycloak), or configure an"
                    + " external Keycloak with ADRESZICHT_OIDC_ISSUER_URI.");
        }
        return home.toAbsolutePath();
    }

    /** A run that was killed hard (kill -9, a crashed IDE) leaves its Keycloak behind on our port. */
    private void stopLeftoverFromEarlierRun() {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().orElse("").contains("keycloak"))
                    .ifPresent(p -> {
                        log.warn("Stopping Keycloak (pid {}) left over from an earlier run", pid);
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                        p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable Keycloak pid file {}", pidFile, e);
        }
    }

    private void copyRealm() {
        try {
            Path importDirectory = Files.createDirectories(home.resolve("data/import"));
            Files.copy(
                    properties.realmFile(),
                    importDirectory.resolve(properties.realm() + "-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the realm " + properties.realmFile() + " into Keycloak", e);
        }
    }

    private Process launch() {
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + properties.port(),
                "--http-management-port=" + properties.managementPort(),
                "--db=dev-mem",
                "--import-realm",
                "--cache=local");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> environment = builder.environment();
        // Only for the local master realm; the application never uses it.
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "demo-only-admin");
        environment.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // Resolved in the realm file at import (${ADRESZICHT_APP_URL}): where to send back-channel logouts.
        environment.put("ADRESZICHT_APP_URL", applicationUrl);
        try {
            Process started = builder.start();
            Files.writeString(pidFile, Long.toString(started.pid()), StandardCharsets.UTF_8);
            log.info("Starting Keycloak on {} (pid {}, log {})", properties.baseUrl(), started.pid(), logFile);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak from " + home, e);
        }
    }

    @Override
    public synchronized void start() {
        if (!process.isAlive()) {
            // Started again after stop(): a test context paused between test classes, then used again.
            process = launch();
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(properties.startupTimeout());
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up (exit code " + process.exitValue()
                        + "); see " + logFile + ":\n" + tail());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    running = true;
                    log.info(
                            "Keycloak realm {} answers at {} after {} s",
                            properties.realm(),
                            issuerUri(),
                            Duration.between(started, Instant.now()).toSeconds());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep();
        }
        destroy();
        throw new IllegalStateException(
                "Keycloak did not answer within " + properties.startupTimeout() + "; see " + logFile + ":\n" + tail());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void stop() {
        destroy();
    }

    @Override
    public void destroy() {
        running = false;
        if (process.isAlive()) {
            log.info("Stopping Keycloak (pid {})", process.pid());
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Cannot remove {}", pidFile, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts in a late phase), so the printed URL leads to a working login. */
    @Override
    public int getPhase() {
        return 0;
    }
}
