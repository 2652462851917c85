package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claim checks on {@code /api/v1} access tokens; signatures are covered against the real Keycloak. */
class AccessTokenValidationTest {

    private static final String ISSUER = "http://127.0.0.1:8180/realms/adreszicht";

    private final OAuth2TokenValidator<Jwt> validator = SecurityConfiguration.accessTokenValidator(
            new OidcProperties(ISSUER, "adreszicht-web", "secret", "adreszicht-api", List.of("RS256")));

    @Test
    void acceptsAKeycloakAccessTokenForOurApi() {
        assertThat(validator.validate(token(b -> b)).hasErrors()).isFalse();
    }

    @Test
    void refusesAnotherIssuer() {
        assertThat(validator
                        .validate(token(b -> b.issuer("http://127.0.0.1:8180/realms/other")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnotherAudience() {
        assertThat(validator
                        .validate(token(b -> b.audience(List.of("account"))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnExpiredToken() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        assertThat(validator
                        .validate(
                                token(b -> b.issuedAt(longAgo.minusSeconds(300)).expiresAt(longAgo)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesATokenThatIsNotYetValid() {
        assertThat(validator
                        .validate(token(b -> b.notBefore(Instant.now().plusSeconds(3600))))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void refusesAnIdTokenUsedAsBearerToken() {
        assertThat(validator
                        .validate(token(b -> b.claim("typ", "ID").audience(List.of("adreszicht-api"))))
                        .hasErrors())
                .isTrue();
    }

    private static Jwt token(UnaryOperator<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuer(ISSUER)
                .subject("3f1c")
                .audience(List.of("adreszicht-api", "account"))
                .claim("typ", "Bearer")
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
        return change.apply(builder).build();
    }
}
