package nl.adreszicht.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Keycloak realm on {@code 127.0.0.1} and a free port: the OIDC discovery document and a
 * JWKS holding one RSA public key ({@code kid} {@value #KEY_ID}), whose private half signs the test tokens.
 */
final class StandInIssuer implements AutoCloseable {

    static final String KEY_ID = "test-key";

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    private StandInIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    static StandInIssuer start() {
        try {
            RSAKey key = generateKey(KEY_ID);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInIssuer stand = new StandInIssuer(server, key);
            String discovery = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                    "id_token_signing_alg_values_supported":["RS256"]}""".formatted(stand.issuer);
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            server.createContext(
                    "/realms/test/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
            server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> respond(exchange, jwks));
            server.start();
            return stand;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh 2048-bit RSA key pair, for the issuer or for an attacker. */
    static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** The issuer's key pair; the JWKS publishes only its public half. */
    RSAKey key() {
        return key;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
