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
 * warmup (seconds, 5), duration (seconds, 20), runs (3), label.
 * Prints one line per run and the median run: requests/s, p50, p95, p99 in ms, errors. Exit code 1 when any
 * request failed.
 */
public class LoadDriver {

    private static String query = "";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
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
        // One password login per invocation (Keycloak's brute-force detection counts logins in quick succession as
        // failures), then each virtual user gets an access token of its own by the refresh grant, before every run.
        String[] session = token(
                options.get("token-url"),
                "grant_type=password&username=" + enc(options.get("user")) + "&password=" + enc(options.get("password"))
                        + "&scope=openid");
        for (int run = 1; run <= runs; run++) {
            String[] tokens = new String[connections];
            for (int c = 0; c < connections; c++) {
                session = token(options.get("token-url"), "grant_type=refresh_token&refresh_token=" + enc(session[1]));
                tokens[c] = session[0];
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
    private static String incident(String address, String number, SplittableRandom random) {
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

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
