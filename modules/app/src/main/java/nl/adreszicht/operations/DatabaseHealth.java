package nl.adreszicht.operations;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database check behind {@code /actuator/health} and readiness, bounded in time: one check at a time runs on a
 * thread of its own, and a probe waits for it at most {@link #WAIT}. A PostgreSQL that is down, restarting or
 * frozen makes the probe answer DOWN within that second (Spring Boot's own check would wait for the pool, up to its
 * connection timeout, or hang on a frozen server), so a load balancer stops routing here and starts again by itself
 * once a check succeeds.
 */
final class DatabaseHealth implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    static final Duration WAIT = Duration.ofSeconds(1);
    private static final int VALIDATION_SECONDS = 1;

    private final DataSource dataSource;
    private final ThrottledLog faults = new ThrottledLog(log);
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable CompletableFuture<Health> running;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check = check();
        try {
            Health health = check.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (health.getStatus().equals(org.springframework.boot.health.contributor.Status.UP)) {
                faults.clear("database");
            }
            return health;
        } catch (TimeoutException e) {
            faults.warn(
                    "database",
                    "PostgreSQL gave no answer within {} ms ({}): readiness is DOWN",
                    WAIT.toMillis(),
                    poolState());
            return Health.down()
                    .withDetail("reason", "no answer within " + WAIT.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }

    /** The check under way, or a new one: a hung check is never joined by a second one. */
    private synchronized CompletableFuture<Health> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::validate, checker);
        }
        return running;
    }

    private Health validate() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return Health.up().build();
            }
            faults.warn("database", "PostgreSQL connection is not valid: readiness is DOWN");
            return Health.down().build();
        } catch (Exception e) {
            if (DatabaseFaults.isPoolExhausted(e, DatabaseFaults.maximumPoolSize(dataSource))) {
                // PostgreSQL answers; this instance has more work than connections.
                faults.warn(
                        "database",
                        "Every connection of the pool is busy ({}): readiness is DOWN",
                        DatabaseFaults.poolState(e));
            } else {
                faults.warn(
                        "database",
                        "PostgreSQL is unreachable ({}): readiness is DOWN",
                        e.getClass().getSimpleName());
            }
            return Health.down().build();
        }
    }

    /** The pool's counts, so that a full pool is not taken for a silent database. */
    private String poolState() {
        if (dataSource instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            HikariPoolMXBean counts = pool.getHikariPoolMXBean();
            return "pool: active=" + counts.getActiveConnections() + ", idle=" + counts.getIdleConnections()
                    + ", waiting=" + counts.getThreadsAwaitingConnection();
        }
        return "pool: unknown";
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
