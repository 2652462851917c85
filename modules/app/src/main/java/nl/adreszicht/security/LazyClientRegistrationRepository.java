package nl.adreszicht.security;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The single Keycloak client registration, built from the realm's discovery document on first use rather than at
 * start-up: an application instance starts (and reports health) while Keycloak is still booting or briefly away.
 * Discovery goes through {@link IdentityProvider}, with its short timeouts; while Keycloak is unknown and
 * unreachable this throws {@link IdentityProviderUnavailableException}. Only public provider metadata is cached,
 * so replicas stay interchangeable.
 */
final class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "keycloak";

    private final IdentityProvider keycloak;
    private final OidcProperties oidc;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    LazyClientRegistrationRepository(IdentityProvider keycloak, OidcProperties oidc) {
        this.keycloak = keycloak;
        this.oidc = oidc;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration.get();
        if (known != null) {
            return known;
        }
        IdentityProvider.Metadata metadata = keycloak.metadata();
        if (metadata.authorizationEndpoint() == null || metadata.tokenEndpoint() == null) {
            throw new IllegalStateException("The realm's discovery document names no authorization or token endpoint");
        }
        Map<String, Object> configuration = new HashMap<>();
        configuration.put("issuer", metadata.issuer());
        if (metadata.endSessionEndpoint() != null) {
            // Read by the OIDC RP-initiated logout.
            configuration.put("end_session_endpoint", metadata.endSessionEndpoint());
        }
        ClientRegistration discovered = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(metadata.authorizationEndpoint())
                .tokenUri(metadata.tokenEndpoint())
                .jwkSetUri(metadata.jwksUri())
                .userInfoUri(metadata.userinfoEndpoint())
                .userInfoAuthenticationMethod(AuthenticationMethod.HEADER)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(metadata.issuer())
                .providerConfigurationMetadata(configuration)
                .clientName(metadata.issuer())
                .build();
        registration.compareAndSet(null, discovered);
        return registration.get();
    }
}
