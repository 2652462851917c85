package nl.adreszicht.security;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The single Keycloak client registration, discovered from the issuer on first use rather than at start-up:
 * an application instance starts (and reports health) while Keycloak is still booting or briefly away, and
 * discovery is retried on the next login until it succeeds. Only public provider metadata is cached, so
 * replicas stay interchangeable.
 */
final class LazyClientRegistrationRepository implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "keycloak";

    private final OidcProperties oidc;
    private final AtomicReference<ClientRegistration> registration = new AtomicReference<>();

    LazyClientRegistrationRepository(OidcProperties oidc) {
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
        ClientRegistration discovered = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName("sub")
                .build();
        registration.compareAndSet(null, discovered);
        return registration.get();
    }
}
