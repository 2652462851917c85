package nl.adreszicht;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A client of the running application over a real socket: any method, raw headers, and browser-like sessions
 * obtained through the real OIDC login (authorization code with PKCE against the stand-in issuer). Redirects are
 * never followed, so a test sees exactly what the server answered.
 */
public final class Wire {

    private static final Pattern SESSION_COOKIE = Pattern.compile("SESSION=([^;]*)");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    public Wire(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** A browser session: its cookie and the CSRF token its pages carry. */
    public record Session(String cookie, @Nullable String csrf) {}

    /** What came back. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public List<String> all(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }
    }

    /** One request, built fluently. */
    public final class Call {
        private final String method;
        private final String target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body = "";

        private Call(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call session(@Nullable Session session) {
            if (session != null) {
                header("Cookie", "SESSION=" + session.cookie());
            }
            return this;
        }

        public Call json(String json) {
            header("Content-Type", "application/json");
            body = json;
            return this;
        }

        public Call form(Map<String, String> fields) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(target.startsWith("http") ? target : base + target))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + target, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call call(String method, String target) {
        return new Call(method, target);
    }

    /**
     * Logs in as the stand-in issuer's user {@code login} through the application's real OIDC login: the
     * authorization request with PKCE, the issuer's redirect back with a code, the application's token exchange and
     * ID token validation. Then reads a page for its CSRF token.
     */
    public Session login(String login) {
        Response start = call("GET", "/oauth2/authorization/keycloak").send();
        require(start.status() == 302, "login start", start);
        String cookie = sessionCookie(start).orElseThrow(() -> new IllegalStateException("no session on login start"));
        String authorize = start.header("Location").orElseThrow() + "&login_hint=" + encode(login);
        Response issued = call("GET", authorize).send();
        require(issued.status() == 302, "authorization at the issuer", issued);
        Response callback = call("GET", issued.header("Location").orElseThrow())
                .header("Cookie", "SESSION=" + cookie)
                .send();
        require(
                callback.status() == 302
                        && !callback.header("Location").orElse("").contains("error"),
                "login callback",
                callback);
        String loggedIn = sessionCookie(callback).orElse(cookie);
        return new Session(loggedIn, csrfOf(loggedIn));
    }

    /** A visitor without login who has opened a page, so that the session carries a CSRF token as a browser's would. */
    public Session anonymous() {
        Response page = call("GET", "/afgemeld").send();
        require(page.status() == 200, "open page", page);
        String cookie = sessionCookie(page).orElseThrow(() -> new IllegalStateException("no session"));
        return new Session(cookie, csrf(page.body()));
    }

    /** The CSRF token of a session, from the meta tag every page carries. */
    public @Nullable String csrfOf(String cookie) {
        Response page =
                call("GET", "/afgemeld").header("Cookie", "SESSION=" + cookie).send();
        return csrf(page.body());
    }

    /**
     * The cookie of a session that does not exist (ended, or from another system), as a browser sends it: Spring
     * Session's cookie is the Base64 of the session's id, so the server looks it up. (A cookie that is no Base64 is
     * dropped unread, and would test nothing.)
     */
    public static String unknownSessionCookie() {
        return "SESSION="
                + java.util.Base64.getEncoder()
                        .encodeToString(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
    }

    public static Optional<String> sessionCookie(Response response) {
        return response.all("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static @Nullable String csrf(String html) {
        Matcher matcher = CSRF_TOKEN.matcher(html);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void require(boolean condition, String step, Response response) {
        if (!condition) {
            throw new IllegalStateException(step + " failed: " + response.status() + " " + response.headers() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
