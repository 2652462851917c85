package nl.adreszicht;

import java.util.Map;
import nl.adreszicht.security.StandInIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as it runs: the embedded server on a real port, its production filter chains, token decoder and
 * OIDC login, against the stand-in issuer (discovery, JWKS, authorization and token endpoints), on embedded
 * PostgreSQL. Test classes extending this share one application context and one issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OverTheWire {

    protected static final StandInIssuer ISSUER = StandInIssuer.shared();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void pointAtTheStandInIssuer(DynamicPropertyRegistry registry) {
        registry.add("adreszicht.oidc.issuer-uri", ISSUER::issuer);
        registry.add("adreszicht.oidc.client-secret", () -> StandInIssuer.WEB_SECRET);
    }

    private static final java.util.Map<Integer, Wire> WIRES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The client of this application; one per port, so its connections are reused between requests. */
    protected Wire wire() {
        return WIRES.computeIfAbsent(port, Wire::new);
    }

    /** A signed access token for {@code /api/v1} carrying the professional's claims. */
    protected static String token(Requests professional) {
        return ISSUER.accessToken(professional.claims());
    }

    /** Registers the professional with the issuer under {@code login} and logs in through the real OIDC flow. */
    protected Wire.Session login(String login, Requests professional) {
        ISSUER.user(login, professional.claims());
        return wire().login(login);
    }

    protected static Map<String, Object> claims(Requests professional) {
        return professional.claims();
    }
}
