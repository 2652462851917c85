package nl.adreszicht.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Adreszicht talks to Keycloak.
 *
 * @param issuerUri the realm's issuer; when left blank the local Keycloak is started and used
 * @param clientId the confidential web client used for the UI login
 * @param clientSecret its secret; required with an external Keycloak (the local one brings its demo secret)
 * @param audience the audience an access token must carry to be accepted by {@code /api/v1}
 * @param algorithms the only JWS algorithms accepted on access tokens
 */
@ConfigurationProperties("adreszicht.oidc")
@Validated
record OidcProperties(
        @NotBlank String issuerUri,
        @DefaultValue("adreszicht-web") @NotBlank String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("adreszicht-api") String audience,
        @DefaultValue("RS256") List<String> algorithms) {}
