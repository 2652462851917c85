package nl.adreszicht.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for a Keycloak realm on {@code 127.0.0.1} and a free port, speaking the protocol the application uses
 * with Keycloak: the OIDC discovery document, a JWKS holding one RSA public key ({@code kid} {@value #KEY_ID}) whose
 * private half signs every token, the authorization endpoint (authorization code with PKCE), the token endpoint
 * (code and refresh grants), userinfo, RP-initiated logout, and back-channel logout tokens.
 *
 * <p>There is no login page: the test names the user with the standard {@code login_hint} parameter on the
 * authorization request, and the stand-in answers at once with a code for that user, as Keycloak does for a user
 * who already has an SSO session. Users are kept as claims; a test can change a user's roles or scope, disable the
 * user, or end their session, and the next refresh grant sees it, as Keycloak's would.
 */
public final class StandInIssuer implements AutoCloseable {

    static final String KEY_ID = "test-key";

    /** The UI client of the test configuration (src/test/resources/config/application.yaml). */
    public static final String WEB_CLIENT = "adreszicht-web";

    public static final String WEB_SECRET = "test-secret-unused";

    private static final String REALM = "/realms/test";
    private static final String PROTOCOL = REALM + "/protocol/openid-connect";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static StandInIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> endedSessions = new ConcurrentHashMap<>();

    /** What a code or a refresh token stands for: a user's session at the issuer. */
    private record Grant(
            String login, String sessionId, String nonce, String codeChallenge, String redirectUri, Instant authTime) {}

    private StandInIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    public static StandInIssuer start() {
        try {
            RSAKey key = generateKey(KEY_ID);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInIssuer stand = new StandInIssuer(server, key);
            server.createContext(REALM + "/.well-known/openid-configuration", stand::discovery);
            server.createContext(
                    PROTOCOL + "/certs", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext(PROTOCOL + "/auth", stand::authorize);
            server.createContext(PROTOCOL + "/token", stand::token);
            server.createContext(PROTOCOL + "/userinfo", stand::userinfo);
            server.createContext(PROTOCOL + "/logout", stand::endSession);
            // Several threads: the application calls the token endpoint while a test waits on the application.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "stand-in-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stand;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One issuer for every test class that runs the application over the wire, so that they share one application
     * context (its issuer URI is part of the context's configuration). It lives as long as the test JVM.
     */
    public static synchronized StandInIssuer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A fresh 2048-bit RSA key pair, for the issuer or for an attacker. */
    static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The issuer's key pair; the JWKS publishes only its public half. */
    RSAKey key() {
        return key;
    }

    /**
     * Adds or replaces a user: {@code login} is what the test passes as {@code login_hint}; the claims are those
     * Keycloak's mappers put into the tokens ({@code sub}, {@code name}, {@code realm_access}, scope attributes).
     */
    public void user(String login, Map<String, Object> claims) {
        users.put(login, Map.copyOf(claims));
        disabled.remove(login);
    }

    /** Changes a user's claims, as an administrator changes roles or attributes in Keycloak. */
    public void change(String login, Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new HashMap<>(users.get(login));
        change.accept(claims);
        users.put(login, Map.copyOf(claims));
    }

    /** Disables the account: its sessions' refresh grants fail from now on. */
    public void disable(String login) {
        disabled.put(login, true);
    }

    /** Ends the user's sessions at the issuer (an administrator signs the user out), without telling clients. */
    public void endSessions(String login) {
        refreshTokens.values().stream()
                .filter(grant -> grant.login().equals(login))
                .forEach(grant -> endedSessions.put(grant.sessionId(), true));
    }

    /** The session ids ({@code sid}) the issuer has for the user. */
    public List<String> sessionsOf(String login) {
        return refreshTokens.values().stream()
                .filter(grant -> grant.login().equals(login))
                .map(Grant::sessionId)
                .distinct()
                .toList();
    }

    /** An access token for {@code /api/v1}, signed like Keycloak's, with these claims on top of the standard ones. */
    public String accessToken(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.putIfAbsent("typ", "Bearer");
        all.putIfAbsent("azp", "adreszicht-cli");
        all.putIfAbsent("aud", List.of("adreszicht-api", "account"));
        return sign(JOSEObjectType.JWT, all, 300);
    }

    /**
     * Sends a back-channel logout for the user's sessions to the application, as Keycloak does when an administrator
     * or the user ends the SSO session; returns the HTTP status of each call.
     */
    public List<Integer> backChannelLogout(String login, String applicationBaseUrl) {
        endSessions(login);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return sessionsOf(login).stream()
                .map(sid -> {
                    Map<String, Object> claims = new LinkedHashMap<>();
                    claims.put("sub", users.get(login).get("sub"));
                    claims.put("sid", sid);
                    claims.put("aud", WEB_CLIENT);
                    claims.put("jti", UUID.randomUUID().toString());
                    claims.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
                    String token = sign(new JOSEObjectType("logout+jwt"), claims, 120);
                    try {
                        return http.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        applicationBaseUrl + "/logout/connect/back-channel/keycloak"))
                                                .header("Content-Type", "application/x-www-form-urlencoded")
                                                .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + token))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        metadata.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        metadata.put("userinfo_endpoint", issuer + "/protocol/openid-connect/userinfo");
        metadata.put("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
        metadata.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("backchannel_logout_supported", true);
        metadata.put("backchannel_logout_session_supported", true);
        respond(exchange, 200, JSON.writeValueAsString(metadata));
    }

    /** Answers at once with a code for the user named by {@code login_hint}, or an error page. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String login = query.getOrDefault("login_hint", "");
        String redirect = query.get("redirect_uri");
        if (!users.containsKey(login) || disabled.containsKey(login) || redirect == null) {
            respond(exchange, 400, "{\"error\":\"unknown or disabled user\"}");
            return;
        }
        if (!WEB_CLIENT.equals(query.get("client_id"))
                || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new Grant(
                        login,
                        UUID.randomUUID().toString(),
                        query.get("nonce"),
                        query.get("code_challenge"),
                        redirect,
                        Instant.now()));
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, body)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant;
        if ("authorization_code".equals(body.get("grant_type"))) {
            grant = codes.remove(body.getOrDefault("code", ""));
            if (grant == null
                    || !grant.redirectUri().equals(body.get("redirect_uri"))
                    || !grant.codeChallenge().equals(s256(body.getOrDefault("code_verifier", "")))) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
        } else if ("refresh_token".equals(body.get("grant_type"))) {
            grant = refreshTokens.get(body.getOrDefault("refresh_token", ""));
            if (grant == null || disabled.containsKey(grant.login()) || endedSessions.containsKey(grant.sessionId())) {
                respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");
                return;
            }
        } else {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        Map<String, Object> user = users.get(grant.login());
        Map<String, Object> idClaims = new LinkedHashMap<>(user);
        idClaims.put("typ", "ID");
        idClaims.put("aud", WEB_CLIENT);
        idClaims.put("azp", WEB_CLIENT);
        idClaims.put("sid", grant.sessionId());
        idClaims.put("auth_time", grant.authTime().getEpochSecond());
        if (grant.nonce() != null) {
            idClaims.put("nonce", grant.nonce());
        }
        Map<String, Object> accessClaims = new LinkedHashMap<>(user);
        accessClaims.put("azp", WEB_CLIENT);
        accessClaims.put("sid", grant.sessionId());
        accessClaims.put("scope", "openid profile");
        String refreshToken = UUID.randomUUID().toString();
        refreshTokens.put(refreshToken, grant);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken(accessClaims));
        response.put("token_type", "Bearer");
        response.put("expires_in", 300);
        response.put("refresh_token", refreshToken);
        response.put("refresh_expires_in", 1800);
        response.put("id_token", sign(JOSEObjectType.JWT, idClaims, 300));
        response.put("scope", "openid profile");
        respond(exchange, 200, JSON.writeValueAsString(response));
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] credentials = new String(
                            Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            return credentials.length == 2
                    && WEB_CLIENT.equals(URLDecoder.decode(credentials[0], StandardCharsets.UTF_8))
                    && WEB_SECRET.equals(URLDecoder.decode(credentials[1], StandardCharsets.UTF_8));
        }
        return WEB_CLIENT.equals(body.get("client_id")) && WEB_SECRET.equals(body.get("client_secret"));
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                respond(exchange, 401, "{\"error\":\"invalid_token\"}");
                return;
            }
            Object subject = token.getJWTClaimsSet().getSubject();
            Map<String, Object> user = users.values().stream()
                    .filter(claims -> subject.equals(claims.get("sub")))
                    .findFirst()
                    .orElse(Map.of("sub", subject));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("sub", user.get("sub"));
            if (user.containsKey("name")) {
                info.put("name", user.get("name"));
            }
            respond(exchange, 200, JSON.writeValueAsString(info));
        } catch (RuntimeException | java.text.ParseException | JOSEException e) {
            respond(exchange, 401, "{\"error\":\"invalid_token\"}");
        }
    }

    /** RP-initiated logout: back to the client's post-logout redirect. */
    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            respond(exchange, 200, "{}");
            return;
        }
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private String sign(JOSEObjectType type, Map<String, Object> claims, long lifetimeSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY_ID)
                        .type(type)
                        .build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
