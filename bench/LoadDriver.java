import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load driver of the benchmark (docs/performance.md): N virtual users, each a platform thread with its own
 * HttpClient (one HTTP/1.1 connection), sending requests back to back (closed loop) for a fixed time after a
 * warm-up, with a real access token from Keycloak fetched per user before each run (tokens live 5 minutes; a run
 * is well under that). JDK only, so it runs as a single source file: {@code java bench/LoadDriver.java ...}.
 *
 * <p>Arguments (key=value): base, token-url, user, password, scenario (history|register|worklist|areascan|monitor|repeats), ids (file of
 * address ids, one a line), query (areascan, monitor, repeats: the query string, e.g. periode=jaar&niveau=land), connections (16),
 * accounts (1: all connections one account; N: N accounts, user.1 … user.N), warmup (seconds, 5), duration (seconds, 20), runs (3), label.
 * Prints one line per run and the median run: requests/s, p50, p95, p99 in ms, errors. Exit code 1 when any
 * request failed.
 *
 * <p>With {@code mode=soak} it runs the soak of issue 13 instead ({@link Soak}). With {@code mode=samples} it sends
 * {@code count} single requests of the scenario one after the other, {@code pause} ms apart, and prints per request
 * its wall-clock window, status, address and registration number (the capture pass of the floor: bench/FloorCapture.java
 * cuts the statements of each request out of PostgreSQL's log by that window).
 */
public class LoadDriver {

    private static int samples(Map<String, String> options) throws Exception {
        String scenario = options.get("scenario");
        query = options.getOrDefault("query", "periode=jaar");
        int count = Integer.parseInt(options.getOrDefault("count", "5"));
        long pause = Long.parseLong(options.getOrDefault("pause", "400"));
        List<String> ids = options.containsKey("ids")
                ? Files.readAllLines(Path.of(options.get("ids"))).stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        String[] session = token(
                options.get("token-url"),
                "grant_type=password&username=" + enc(options.get("user")) + "&password=" + enc(options.get("password"))
                        + "&scope=openid");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SplittableRandom random = new SplittableRandom(4711);
        int failed = 0;
        for (int i = 0; i < count; i++) {
            String id = ids.isEmpty() ? "-" : ids.get(random.nextInt(ids.size()));
            String number = "CAPTURE-" + Long.toString(System.currentTimeMillis(), 36) + "-" + i;
            HttpRequest request = request(
                    options.get("base"), scenario, ids.isEmpty() ? ids : List.of(id), session[0], random, number);
            Thread.sleep(pause);
            long from = System.currentTimeMillis();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long to = System.currentTimeMillis();
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                failed++;
            }
            System.out.println("SAMPLE\t" + from + "\t" + to + "\t" + response.statusCode() + "\t" + id + "\t" + number);
        }
        Thread.sleep(pause);
        return failed == 0 ? 0 : 1;
    }

    private static String query = "";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        if ("soak".equals(options.get("mode"))) {
            System.exit(Soak.run(options));
        }
        if ("samples".equals(options.get("mode"))) {
            System.exit(samples(options));
        }
        String base = options.get("base");
        String scenario = options.get("scenario");
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "20"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        String label = options.getOrDefault("label", scenario);
        List<String> ids = options.containsKey("ids")
                ? Files.readAllLines(Path.of(options.get("ids"))).stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList()
                : List.of();
        query = options.getOrDefault("query", "periode=jaar");
        if ((scenario.equals("history") || scenario.equals("register")) && ids.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario + " needs ids=<file>");
        }
        List<double[]> results = new ArrayList<>();
        long errors = 0;
        // One password login per account and invocation (Keycloak's brute-force detection counts logins of one account
        // in quick succession as failures), then each virtual user gets an access token of its own by the refresh
        // grant, before every run. accounts=N (N > 1): virtual user c is account <user>.<c mod N + 1> (bench/run.sh
        // makes them, copies of <user>), so that N professionals read, not one professional in 16 parallel reads.
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "1"));
        String[][] sessions = new String[Math.max(1, Math.min(accounts, connections))][];
        for (int a = 0; a < sessions.length; a++) {
            String user = sessions.length == 1 ? options.get("user") : options.get("user") + "." + (a + 1);
            sessions[a] = token(
                    options.get("token-url"),
                    "grant_type=password&username=" + enc(user) + "&password=" + enc(options.get("password"))
                            + "&scope=openid");
        }
        for (int run = 1; run <= runs; run++) {
            String[] tokens = new String[connections];
            for (int c = 0; c < connections; c++) {
                int a = c % sessions.length;
                sessions[a] = token(
                        options.get("token-url"), "grant_type=refresh_token&refresh_token=" + enc(sessions[a][1]));
                tokens[c] = sessions[a][0];
            }
            Result result = run(base, scenario, ids, tokens, warmup, duration, run);
            errors += result.errors;
            double[] figures = result.figures(duration);
            results.add(figures);
            System.out.printf(
                    Locale.ROOT,
                    "%s run %d: %d connections, %d requests, %.0f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                            + " %d errors%s%n",
                    label,
                    run,
                    connections,
                    result.count,
                    figures[0],
                    figures[1],
                    figures[2],
                    figures[3],
                    result.errors,
                    result.firstError == null ? "" : " (first: " + result.firstError + ")");
        }
        results.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = results.get(results.size() / 2);
        System.out.printf(
                Locale.ROOT,
                "RESULT\t%s\tapi\t%d\t%.0f\t%.2f\t%.2f\t%.2f\t%d%n",
                label,
                connections,
                median[0],
                median[1],
                median[2],
                median[3],
                errors);
        System.exit(errors == 0 ? 0 : 1);
    }

    private record Result(long count, long errors, String firstError, long[] latencies) {
        double[] figures(int duration) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new double[] {
                (double) count / duration, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99)
            };
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
        }
    }

    private static Result run(
            String base, String scenario, List<String> ids, String[] tokens, int warmup, int duration, int run)
            throws InterruptedException {
        int connections = tokens.length;
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        CountDownLatch done = new CountDownLatch(connections);
        String prefix = "BENCH-" + Long.toString(System.currentTimeMillis(), 36) + "-" + run;
        for (int c = 0; c < connections; c++) {
            int user = c;
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                SplittableRandom random = new SplittableRandom(31L * user + run);
                long[] mine = new long[1 << 16];
                int n = 0;
                int sequence = 0;
                while (System.nanoTime() < start) {
                    Thread.onSpinWait();
                }
                long now;
                while ((now = System.nanoTime()) < end) {
                    HttpRequest request = request(base, scenario, ids, tokens[user], random, prefix + "-" + user
                            + "-" + sequence++);
                    long sent = System.nanoTime();
                    int status;
                    String body = "";
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } catch (IOException | InterruptedException e) {
                        status = -1;
                        body = e.toString();
                    }
                    long took = System.nanoTime() - sent;
                    if (sent >= measureFrom && sent < end) {
                        if (status < 200 || status > 299) {
                            if (errors.incrementAndGet() == 1) {
                                firstError[0] = status + " " + body.substring(0, Math.min(200, body.length()));
                            }
                        } else {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = took;
                        }
                    }
                }
                latencies[user] = Arrays.copyOf(mine, n);
                counts[user] = n;
                done.countDown();
            });
            thread.start();
        }
        done.await();
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] mine : latencies) {
            System.arraycopy(mine, 0, all, at, mine.length);
            at += mine.length;
        }
        return new Result(total, errors.get(), firstError[0], all);
    }

    private static HttpRequest request(
            String base, String scenario, List<String> ids, String token, SplittableRandom random, String number) {
        HttpRequest.Builder builder = HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        return switch (scenario) {
            case "history" -> builder.uri(URI.create(
                            base + "/api/v1/adressen/" + ids.get(random.nextInt(ids.size())) + "/historie"))
                    .GET()
                    .build();
            case "worklist" -> builder.uri(URI.create(base + "/api/v1/werkvoorraad")).GET().build();
            case "monitor" -> builder.uri(URI.create(base + "/api/v1/monitorcijfers?" + query))
                    .GET()
                    .build();
            case "repeats" -> builder.uri(URI.create(base + "/api/v1/herhaaladressen?" + query))
                    .GET()
                    .build();
            case "areascan" -> builder.uri(URI.create(base + "/api/v1/gebiedsscans?" + query))
                    .GET()
                    .build();
            case "register" -> builder.uri(URI.create(base + "/api/v1/incidenten"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(incident(ids.get(random.nextInt(ids.size())), number,
                            random)))
                    .build();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    /** A synthetic incident, as the police system would send it (see IncidentApiTest). */
    static String incident(String address, String number, SplittableRandom random) {
        String severity = "S" + (1 + random.nextInt(3));
        boolean children = random.nextBoolean();
        return "{\"registratienummer\":\"" + number + "\",\"tijdstip\":\"2026-03-14T22:15:00+01:00\",\"adresId\":\""
                + address + "\",\"geweldsvormen\":[\"partnergeweld\"" + (children ? ",\"kindermishandeling-getuige\"" : "")
                + "],\"ernst\":\"" + severity + "\",\"kinderenAanwezig\":" + children
                + ",\"letsel\":false,\"wapen\":false,\"alcoholDrugs\":true,\"aangifte\":false,"
                + "\"huisverbodOpgelegd\":false,\"huisverbodOvertreden\":false,\"toelichting\":\"Proefincident\","
                + "\"betrokkenen\":[{\"rol\":\"slachtoffer\",\"relatie\":\"partner\",\"naam\":\"Proefpersoon A\","
                + "\"geboortedatum\":\"1990-05-01\"},{\"rol\":\"pleger\",\"relatie\":\"partner\","
                + "\"naam\":\"Proefpersoon B\",\"geboortedatum\":\"1988-02-11\"}]}";
    }

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    /** Access and refresh token from the public CLI client, by the grant in {@code form}. */
    static String[] token(String url, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("client_id=adreszicht-cli&" + form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher access = ACCESS_TOKEN.matcher(response.body());
        Matcher refresh = REFRESH_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !access.find() || !refresh.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return new String[] {access.group(1), refresh.group(1)};
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

/**
 * The soak of issue 13: first the capacity of a mixed workload (closed loop, {@code connections} virtual users for
 * {@code warmup} + {@code capacity-duration} seconds), then the same mix at a <em>fixed arrival rate</em> of
 * {@code fraction} (0.5) of that capacity, or {@code rate} requests/s when given, for {@code minutes}, open loop:
 * a request is sent at its scheduled time whether or not earlier ones have answered, and its latency counts from that
 * scheduled time, so a stalled server shows up as latency and errors instead of as fewer requests.
 *
 * <p>Every minute: requests, errors by status, p50/p95/p99/max, the application's heap after a full collection
 * ({@code jcmd <app-pid> GC.class_histogram}: a full collection, then the bytes that survived it, the live set; the collection itself adds one pause per
 * minute), its live threads and Hikari's active and pending connections (from the Prometheus scrape at
 * {@code metrics-url}, when it answers), the requests still outstanding and the machine's load average. The table
 * goes to {@code out} (soak.tsv). Verdict: no errors, and a flat heap — the median heap after GC of the last three
 * minutes at most 20 % above that of minutes 2–4 (minute 1 still fills caches); the least-squares slope over minutes
 * 2..end is reported in MB per hour. Exit code 0 only when both hold.
 *
 * <p>Arguments: base, token-url, password, history-user (vt.drenthe), register-user (politie.drenthe), scan-user
 * (analist.zwolle), history-ids and register-ids (files), scan-query (periode=jaar), monitor-query
 * (interval=kwartaal), mix (history:50,register:20,worklist:10,areascan:10,monitor:10), connections (16), warmup (10),
 * capacity-duration (20), fraction (0.5), rate, minutes (30), app-pid, metrics-url, out.
 */
class Soak {

    private static final long MINUTE = 60_000_000_000L;

    private final String base;
    private final List<String> historyIds;
    private final List<String> registerIds;
    private final String scanQuery;
    private final String monitorQuery;
    private final String[] mix;
    private final Map<String, java.util.concurrent.atomic.AtomicReference<String>> tokens = new HashMap<>();
    private final Map<String, String> userOf = new HashMap<>();
    private final String prefix = "SOAK-" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();

    private Soak(Map<String, String> options) throws IOException {
        base = options.get("base");
        historyIds = Files.readAllLines(Path.of(options.get("history-ids"))).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        registerIds = Files.readAllLines(Path.of(options.get("register-ids"))).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        scanQuery = options.getOrDefault("scan-query", "periode=jaar");
        monitorQuery = options.getOrDefault("monitor-query", "interval=kwartaal");
        // The mix as a table of 100 slots, one scenario each, drawn uniformly.
        List<String> slots = new ArrayList<>();
        for (String part : options.getOrDefault("mix", "history:50,register:20,worklist:10,areascan:10,monitor:10")
                .split(",")) {
            String[] kv = part.split(":");
            for (int i = 0; i < Integer.parseInt(kv[1]); i++) {
                slots.add(kv[0]);
            }
        }
        mix = slots.toArray(String[]::new);
        String vt = options.getOrDefault("history-user", "vt.drenthe");
        String police = options.getOrDefault("register-user", "politie.drenthe");
        String analist = options.getOrDefault("scan-user", "analist.zwolle");
        userOf.put("history", vt);
        userOf.put("worklist", vt);
        userOf.put("register", police);
        userOf.put("areascan", analist);
        userOf.put("monitor", analist);
    }

    static int run(Map<String, String> options) throws Exception {
        Soak soak = new Soak(options);
        String tokenUrl = options.get("token-url");
        String password = options.get("password");
        // One password login per user, then the refresh grant every minute (access tokens live 5 minutes, the SSO
        // session idles out after 30): a soak longer than a token's life must not turn into 401s.
        Map<String, String[]> sessions = new HashMap<>();
        for (String user : new java.util.TreeSet<>(soak.userOf.values())) {
            String[] session = LoadDriver.token(
                    tokenUrl,
                    "grant_type=password&username=" + LoadDriver.enc(user) + "&password=" + LoadDriver.enc(password)
                            + "&scope=openid");
            sessions.put(user, session);
            soak.tokens.put(user, new java.util.concurrent.atomic.AtomicReference<>(session[0]));
        }
        Thread refresher = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
                for (Map.Entry<String, String[]> session : sessions.entrySet()) {
                    try {
                        String[] renewed = LoadDriver.token(
                                tokenUrl,
                                "grant_type=refresh_token&refresh_token=" + LoadDriver.enc(session.getValue()[1]));
                        session.setValue(renewed);
                        soak.tokens.get(session.getKey()).set(renewed[0]);
                    } catch (Exception e) {
                        System.out.println("token refresh of " + session.getKey() + " failed: " + e);
                    }
                }
            }
        });
        refresher.setDaemon(true);
        refresher.start();

        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int capacitySeconds = Integer.parseInt(options.getOrDefault("capacity-duration", "20"));
        double rate;
        if (options.containsKey("rate")) {
            rate = Double.parseDouble(options.get("rate"));
            System.out.printf(Locale.ROOT, "soak: rate %.1f/s given%n", rate);
        } else {
            double capacity = soak.capacity(connections, warmup, capacitySeconds);
            rate = capacity * Double.parseDouble(options.getOrDefault("fraction", "0.5"));
            System.out.printf(
                    Locale.ROOT,
                    "CAPACITY\t%.1f\treq/s (mixed, closed loop, %d connections, %d s after %d s warm-up); soak at %.1f/s%n",
                    capacity,
                    connections,
                    capacitySeconds,
                    warmup,
                    rate);
        }
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "30"));
        return soak.soak(
                rate, minutes, options.get("app-pid"), options.get("metrics-url"), Path.of(options.get("out")));
    }

    private String draw(SplittableRandom random) {
        return mix[random.nextInt(mix.length)];
    }

    private HttpRequest request(String scenario, SplittableRandom random) {
        HttpRequest.Builder builder = HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + tokens.get(userOf.get(scenario)).get())
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30));
        return switch (scenario) {
            case "history" -> builder.uri(URI.create(base + "/api/v1/adressen/"
                            + historyIds.get(random.nextInt(historyIds.size())) + "/historie"))
                    .GET()
                    .build();
            case "worklist" -> builder.uri(URI.create(base + "/api/v1/werkvoorraad")).GET().build();
            case "areascan" -> builder.uri(URI.create(base + "/api/v1/gebiedsscans?" + scanQuery))
                    .GET()
                    .build();
            case "monitor" -> builder.uri(URI.create(base + "/api/v1/monitorcijfers?" + monitorQuery))
                    .GET()
                    .build();
            case "register" -> builder.uri(URI.create(base + "/api/v1/incidenten"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(LoadDriver.incident(
                            registerIds.get(random.nextInt(registerIds.size())),
                            prefix + "-" + sequence.incrementAndGet(),
                            random)))
                    .build();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    }

    /** Requests/s of the mix with {@code connections} users sending back to back. */
    private double capacity(int connections, int warmup, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            SplittableRandom random = new SplittableRandom(7L * c + 1);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                while (System.nanoTime() < end) {
                    HttpRequest request = request(draw(random), random);
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.ofString())
                                .statusCode();
                    } catch (IOException | InterruptedException e) {
                        status = -1;
                    }
                    if (sent >= measureFrom && System.nanoTime() < end) {
                        (status >= 200 && status <= 299 ? done : failed).incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failed.get() > 0) {
            System.out.println("capacity: " + failed.get() + " failed requests during the capacity measurement");
        }
        return (double) done.get() / seconds;
    }

    /** One minute's answers. */
    private static final class Bucket {
        long count;
        long errors;
        final java.util.TreeMap<Integer, Long> byStatus = new java.util.TreeMap<>();
        long[] latencies = new long[1024];
        int n;

        synchronized void add(int status, long took) {
            count++;
            if (status < 200 || status > 299) {
                errors++;
                byStatus.merge(status, 1L, Long::sum);
            } else {
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = took;
            }
        }

        synchronized double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1_000_000.0;
        }
    }

    private int soak(double rate, int minutes, String appPid, String metricsUrl, Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long period = (long) (1_000_000_000L / rate);
        long t0 = System.nanoTime() + 500_000_000L;
        long end = t0 + minutes * MINUTE;
        java.util.concurrent.atomic.AtomicReference<Bucket> current =
                new java.util.concurrent.atomic.AtomicReference<>(new Bucket());
        AtomicLong outstanding = new AtomicLong();
        Map<String, AtomicLong> sentBy = new java.util.TreeMap<>();
        for (String scenario : mix) {
            sentBy.putIfAbsent(scenario, new AtomicLong());
        }
        Thread dispatcher = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(42);
            for (long k = 0; ; k++) {
                long intended = t0 + k * period;
                if (intended >= end) {
                    return;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                String scenario = draw(random);
                sentBy.get(scenario).incrementAndGet();
                if (outstanding.get() > 2_000) {
                    current.get().add(-2, 0); // the server has stopped answering: count, do not pile up
                    continue;
                }
                outstanding.incrementAndGet();
                http.sendAsync(request(scenario, random), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> {
                            outstanding.decrementAndGet();
                            current.get().add(failure == null ? response.statusCode() : -1,
                                    System.nanoTime() - intended);
                        });
            }
        });
        dispatcher.start();
        StringBuilder table = new StringBuilder(
                "minute\trequests\treq_per_s\terrors\terrors_by_status\tp50_ms\tp95_ms\tp99_ms\theap_after_gc_mb"
                        + "\theap_committed_mb\tthreads_live\thikari_active\thikari_pending\toutstanding\tload1\n");
        Files.writeString(out, table);
        List<Double> heap = new ArrayList<>();
        long errors = 0;
        long requests = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            long boundary = t0 + minute * MINUTE;
            long wait;
            while ((wait = boundary - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            if (minute == minutes) {
                // the last minute's answers: wait for what is still under way (requests time out after 30 s)
                for (int i = 0; i < 350 && outstanding.get() > 0; i++) {
                    Thread.sleep(100);
                }
            }
            Bucket bucket = current.getAndSet(new Bucket());
            String[] metrics = metrics(http, metricsUrl);
            double[] heapMb = heapAfterGc(appPid);
            heap.add(heapMb[0]);
            errors += bucket.errors;
            requests += bucket.count;
            String line = String.format(
                    Locale.ROOT,
                    "%d\t%d\t%.1f\t%d\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%s\t%s\t%s\t%d\t%s",
                    minute,
                    bucket.count,
                    bucket.count / 60.0,
                    bucket.errors,
                    bucket.byStatus.isEmpty() ? "-" : bucket.byStatus.toString().replace(" ", ""),
                    bucket.percentile(0.50),
                    bucket.percentile(0.95),
                    bucket.percentile(0.99),
                    heapMb[0],
                    heapMb[1],
                    metrics[0],
                    metrics[1],
                    metrics[2],
                    outstanding.get(),
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.APPEND);
            System.out.println("SOAK\t" + line);
        }
        dispatcher.join();
        System.out.println("sent by scenario: " + sentBy);

        // Verdict: no errors; the heap after GC at the end within 20 % of the first minutes'; the slope, reported.
        List<Double> measured = heap.size() > 4 ? heap.subList(1, heap.size()) : heap;
        double slope = slope(measured);
        double first = median(heap.subList(heap.size() > 4 ? 1 : 0, Math.min(heap.size(), 4)));
        double last = median(heap.subList(Math.max(0, heap.size() - 3), heap.size()));
        boolean flat = last <= first * 1.2;
        System.out.printf(
                Locale.ROOT,
                "VERDICT\trate %.1f/s\tminutes %d\trequests %d\terrors %d\theap after GC first %.1f MB, last %.1f MB"
                        + " (%+.0f %%)\tslope %.2f MB/h\t%s%n",
                rate,
                minutes,
                requests,
                errors,
                first,
                last,
                100 * (last - first) / first,
                slope * 60,
                errors == 0 && flat ? "PASS" : "FAIL" + (errors > 0 ? " (errors)" : "") + (flat ? "" : " (heap grows)"));
        return errors == 0 && flat ? 0 : 1;
    }

    /** Heap used and committed in MB after a full collection of the application. */
    private static double[] heapAfterGc(String pid) {
        if (pid == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        try {
            // The class histogram collects first and then counts what survived, in one safepoint: the live set.
            // (GC.run and then GC.heap_info in a second jcmd counted what the application allocated between the two
            // attaches too, more the busier the machine: the first soak's "growth" was that.)
            Matcher live = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(jcmd(pid, "GC.class_histogram"));
            Matcher committed = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
            if (live.find()) {
                return new double[] {
                    Long.parseLong(live.group(1)) / (1024.0 * 1024.0),
                    committed.find() ? Long.parseLong(committed.group(1)) / 1024.0 : Double.NaN
                };
            }
        } catch (Exception e) {
            System.out.println("jcmd failed: " + e);
        }
        return new double[] {Double.NaN, Double.NaN};
    }

    private static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    /** Live threads, Hikari active and pending connections from the Prometheus scrape; "-" when it does not answer. */
    private static String[] metrics(HttpClient http, String url) {
        String[] result = {"-", "-", "-"};
        if (url == null) {
            return result;
        }
        try {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String[] names = {"jvm_threads_live_threads", "hikaricp_connections_active", "hikaricp_connections_pending"};
            for (int i = 0; i < names.length; i++) {
                Matcher m = Pattern.compile("(?m)^" + names[i] + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(body);
                if (m.find()) {
                    result[i] = String.valueOf((long) Double.parseDouble(m.group(2)));
                }
            }
        } catch (Exception e) {
            // the scrape is optional
        }
        return result;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** Least-squares slope per step. */
    private static double slope(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += i;
            sy += values.get(i);
            sxx += (double) i * i;
            sxy += i * values.get(i);
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
