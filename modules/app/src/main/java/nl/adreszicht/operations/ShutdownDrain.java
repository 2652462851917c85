package nl.adreszicht.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing an instance does when it is told to stop (SIGTERM): for the drain period it goes on serving, but
 * answers every request with {@code Connection: close}, so that a client on a kept-alive connection gets its answer
 * and then opens a new connection (to another replica, once the load balancer has seen readiness go DOWN), instead
 * of finding its connection closed without a response. Then Spring Boot's graceful shutdown stops accepting
 * connections and lets the requests under way finish.
 *
 * <p>Stopped before the web server's graceful shutdown (a higher lifecycle phase); readiness is already
 * REFUSING_TRAFFIC by then, because Spring Boot reports that as soon as the context starts to close.
 */
final class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration period;
    private volatile boolean running;
    private volatile boolean draining;

    ShutdownDrain(Duration period) {
        this.period = period;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (draining) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // A request that began before the drain and ends during it closes its connection too.
            if (draining && !response.isCommitted()) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
        }
    }

    boolean draining() {
        return draining;
    }

    @Override
    public void start() {
        draining = false;
        running = true;
    }

    @Override
    public void stop() {
        stop(() -> {});
    }

    @Override
    public void stop(Runnable callback) {
        draining = true;
        running = false;
        if (period.isZero() || period.isNegative()) {
            callback.run();
            return;
        }
        log.info(
                "Shutting down: draining connections for {} s (Connection: close on every response)",
                period.toSeconds());
        Thread waiter = new Thread(
                () -> {
                    try {
                        Thread.sleep(period.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        callback.run();
                    }
                },
                "shutdown-drain");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first: before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
