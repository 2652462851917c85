package nl.adreszicht.security;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak as this instance knows it: the realm's discovery document and its signing keys, fetched with short
 * timeouts (connect {@value #CONNECT_TIMEOUT_MS} ms, read {@value #READ_TIMEOUT_MS} ms) by one background fetch at a
 * time, and kept for as long as the process lives. Once known, the keys are reused while Keycloak is unreachable
 * (Nimbus' outage-tolerant cache) and refreshed ahead of expiry when it answers.
 *
 * <p>Until they are known, a caller waits at most {@link #PATIENCE} for the fetch under way and then gets an
 * {@link IdentityProviderUnavailableException}, which the application answers with 503 and {@code Retry-After}: a
 * hung Keycloak never ties up request threads, and a stopped one costs a request nothing. The log says so once a
 * minute, not once per request.
 */
final class IdentityProvider implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdentityProvider.class);

    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final int READ_TIMEOUT_MS = 5_000;

    /**
     * How long a request waits for a fetch under way before it is answered 503: enough for a healthy Keycloak to
     * answer a cold instance, far below the timeouts of a hung one.
     */
    static final Duration PATIENCE = Duration.ofSeconds(2);

    /** A failed fetch is not repeated sooner than this, however many requests arrive. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    /** What the 503 tells the caller: about the time a restarted Keycloak needs to answer again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;
    private static final long JWKS_TIME_TO_LIVE_MS = Duration.ofMinutes(5).toMillis();
    private static final long JWKS_REFRESH_WAIT_MS = 1_000;
    private static final long JWKS_RATE_LIMIT_MS = 5_000;

    /** The parts of the realm's discovery document the application uses. */
    record Metadata(
            String issuer,
            @Nullable String authorizationEndpoint,
            @Nullable String tokenEndpoint,
            String jwksUri,
            @Nullable String userinfoEndpoint,
            @Nullable String endSessionEndpoint) {}

    private final String issuer;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "keycloak-discovery");
        thread.setDaemon(true);
        return thread;
    });

    private volatile @Nullable Metadata metadata;
    private volatile @Nullable JWKSource<SecurityContext> keys;
    // Intervals on the monotonic clock (these are timeouts, not dates); 0 means "never".
    private @Nullable CompletableFuture<Void> fetch;
    private long lastFailure;
    private long unreachableSince;
    private long lastLogged;

    IdentityProvider(String issuer) {
        this.issuer = issuer;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String issuer() {
        return issuer;
    }

    /** The discovery document, or a 503 after at most {@link #PATIENCE}. */
    Metadata metadata() {
        Metadata known = metadata;
        if (known == null) {
            awaitFetch();
            known = metadata;
        }
        if (known == null) {
            throw unavailable();
        }
        return known;
    }

    /** The realm's signing keys, loaded at least once, or a 503 after at most {@link #PATIENCE}. */
    JWKSource<SecurityContext> keys() {
        JWKSource<SecurityContext> known = keys;
        if (known == null) {
            awaitFetch();
            known = keys;
        }
        if (known == null) {
            throw unavailable();
        }
        return known;
    }

    /** Starts fetching the metadata and keys in the background, so the first request finds them known. */
    void prefetch() {
        startFetchIfDue();
    }

    /** Whether the keys are known, so that access tokens can be checked without asking Keycloak. */
    boolean keysKnown() {
        return keys != null;
    }

    private IdentityProviderUnavailableException unavailable() {
        return new IdentityProviderUnavailableException(RETRY_AFTER);
    }

    private void awaitFetch() {
        CompletableFuture<Void> running = startFetchIfDue();
        if (running == null) {
            return;
        }
        try {
            running.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Reported by the fetch itself, once a minute; the caller answers 503.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized @Nullable CompletableFuture<Void> startFetchIfDue() {
        if (fetch != null && !fetch.isDone()) {
            return fetch;
        }
        if (keys != null) {
            return null;
        }
        if (lastFailure != 0 && System.nanoTime() - lastFailure < RETRY_INTERVAL.toNanos()) {
            return null;
        }
        fetch = CompletableFuture.runAsync(this::fetch, fetcher);
        return fetch;
    }

    private void fetch() {
        try {
            Metadata discovered = metadata;
            if (discovered == null) {
                discovered = discover();
                metadata = discovered;
            }
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
                            URI.create(discovered.jwksUri()).toURL(),
                            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                    .cache(JWKS_TIME_TO_LIVE_MS, JWKS_REFRESH_WAIT_MS)
                    .refreshAheadCache(true)
                    .rateLimited(JWKS_RATE_LIMIT_MS)
                    .retrying(false)
                    .outageTolerantForever()
                    .build();
            if (source.get(new JWKSelector(new JWKMatcher.Builder().build()), null)
                    .isEmpty()) {
                throw new IllegalStateException("the realm publishes no keys");
            }
            keys = source;
            recovered();
        } catch (Exception e) {
            failed(e);
        }
    }

    private Metadata discover() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofMillis(READ_TIMEOUT_MS))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("discovery answered " + response.statusCode());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = json.readValue(response.body(), Map.class);
        if (!issuer.equals(document.get("issuer"))) {
            // As Spring's own discovery: a document for another issuer is never trusted.
            throw new IllegalStateException("discovery names another issuer: " + document.get("issuer"));
        }
        return new Metadata(
                issuer,
                (String) document.get("authorization_endpoint"),
                (String) document.get("token_endpoint"),
                required(document, "jwks_uri"),
                (String) document.get("userinfo_endpoint"),
                (String) document.get("end_session_endpoint"));
    }

    private static String required(Map<String, Object> document, String name) {
        if (!(document.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalStateException("discovery lacks " + name);
        }
        return value;
    }

    private synchronized void failed(Exception e) {
        long now = System.nanoTime();
        lastFailure = now;
        if (unreachableSince == 0) {
            unreachableSince = now;
        }
        if (lastLogged == 0 || now - lastLogged >= LOG_INTERVAL.toNanos()) {
            lastLogged = now;
            log.warn(
                    "Keycloak at {} is unreachable since {} s ({}): API calls answer 503 and the login shows"
                            + " 'inloggen is tijdelijk niet mogelijk' until its keys are known. Next report in a"
                            + " minute.",
                    issuer,
                    Duration.ofNanos(now - unreachableSince).toSeconds(),
                    reason(e));
        }
    }

    private synchronized void recovered() {
        if (unreachableSince != 0) {
            log.info(
                    "Keycloak at {} answers again; unreachable for {} s",
                    issuer,
                    Duration.ofNanos(System.nanoTime() - unreachableSince).toSeconds());
        }
        unreachableSince = 0;
        lastLogged = 0;
    }

    /** One line, no stack trace: what failed, not where. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void destroy() {
        fetcher.shutdownNow();
    }
}
