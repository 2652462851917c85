package nl.adreszicht.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Adreszicht talks to Keycloak.
 *
 * @param issuerUri the realm's issuer; when left blank the local Keycloak is started and used
 * @param clientId the confidential web client used for the UI login
 * @param clientSecret its secret (the local realm's demo secret by default; set it in every real deployment)
 * @param audience the audience an access token must carry to be accepted by {@code /api/v1}
 * @param algorithms the only JWS algorithms accepted on access tokens
 */
@ConfigurationProperties("adreszicht.oidc")
record OidcProperties(
        String issuerUri,
        @DefaultValue("adreszicht-web") String clientId,
        @DefaultValue("demo-only-web-secret") String clientSecret,
        @DefaultValue("adreszicht-api") String audience,
        @DefaultValue("RS256") List<String> algorithms) {}
