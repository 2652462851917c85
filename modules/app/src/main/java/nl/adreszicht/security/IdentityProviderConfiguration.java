package nl.adreszicht.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Everything that talks to Keycloak, built on one {@link IdentityProvider}: the API's access-token decoder, the UI's
 * client registration, the gate in front of the login flow, and the login's token, ID-token and userinfo calls, all
 * with the same short timeouts. Nothing here waits for Keycloak while the application starts
 * (docs/decisions/0003-lazy-oidc-discovery.md).
 */
@Configuration
class IdentityProviderConfiguration {

    @Bean
    IdentityProvider identityProvider(OidcProperties oidc) {
        return new IdentityProvider(oidc.issuerUri());
    }

    /**
     * Access tokens for {@code /api/v1}: signature from the realm's keys (RS256 only), issuer, expiry and
     * not-before, our audience, and the Keycloak token type {@code Bearer} so an ID token cannot stand in.
     */
    @Bean
    JwtDecoder jwtDecoder(IdentityProvider keycloak, OidcProperties oidc, DutchTime time) {
        return new AccessTokenDecoder(keycloak, oidc, time);
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(IdentityProvider keycloak, OidcProperties oidc) {
        return new LazyClientRegistrationRepository(keycloak, oidc);
    }

    /**
     * Once the instance is up, fetch Keycloak's metadata and keys in the background, so the first requests need not
     * wait for them; if Keycloak does not answer, the instance serves anyway (503 for what needs Keycloak).
     */
    @Bean
    @ConditionalOnWebApplication
    ApplicationListener<ApplicationReadyEvent> identityProviderPrefetch(IdentityProvider keycloak) {
        return ready -> keycloak.prefetch();
    }

    /** The login flow fails fast with the unavailable page instead of a 500 while Keycloak is not known. */
    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<IdentityProviderGate> identityProviderGate(IdentityProvider keycloak) {
        FilterRegistrationBean<IdentityProviderGate> registration =
                new FilterRegistrationBean<>(new IdentityProviderGate(keycloak));
        // Inside the application's fault answers (web module), ahead of Spring Security's filter chain.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        registration.addUrlPatterns(IdentityProviderGate.PATTERNS);
        return registration;
    }

    /** The authorization code exchange of the UI login, with the short timeouts. */
    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    /** The refresh of a UI session's tokens ({@link SessionRecheck}), with the same short timeouts. */
    static OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenClient() {
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    /** As Spring Security's own token clients talk to the token endpoint, with the short timeouts. */
    private static RestClient tokenEndpoint() {
        return RestClient.builder()
                .requestFactory(requestFactory())
                .messageConverters(
                        List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** The ID token of the UI login, checked against the same cached keys as the API's access tokens. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(IdentityProvider keycloak, OidcProperties oidc) {
        return registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keycloak.keys())
                    .jwsAlgorithms(algorithms -> algorithms(oidc, algorithms))
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        };
    }

    /** The userinfo call of the UI login, with the short timeouts. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        RestTemplate rest = new RestTemplate(requestFactory());
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(rest);
        OidcUserService service = new OidcUserService();
        service.setOauth2UserService(userInfo);
        return service;
    }

    private static SimpleClientHttpRequestFactory requestFactory() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofMillis(IdentityProvider.CONNECT_TIMEOUT_MS));
        factory.setReadTimeout(Duration.ofMillis(IdentityProvider.READ_TIMEOUT_MS));
        return factory;
    }

    private static void algorithms(OidcProperties oidc, Set<SignatureAlgorithm> algorithms) {
        algorithms.clear();
        oidc.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
    }

    /** Built on first use from the keys {@link IdentityProvider} holds; 503 (not 500) while they are unknown. */
    static final class AccessTokenDecoder implements JwtDecoder {

        private final IdentityProvider keycloak;
        private final OidcProperties oidc;
        private final VerifiedTokens verified;
        private volatile @Nullable JwtDecoder decoder;

        AccessTokenDecoder(IdentityProvider keycloak, OidcProperties oidc, DutchTime time) {
            this.keycloak = keycloak;
            this.oidc = oidc;
            this.verified = new VerifiedTokens(VerifiedTokens.CAPACITY, time);
        }

        @Override
        public Jwt decode(String token) {
            Jwt known = verified.get(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = verify(token);
            verified.put(token, jwt);
            return jwt;
        }

        private Jwt verify(String token) {
            JwtDecoder current = decoder;
            if (current == null) {
                NimbusJwtDecoder built = NimbusJwtDecoder.withJwkSource(keycloak.keys())
                        .jwsAlgorithms(algorithms -> algorithms(oidc, algorithms))
                        .build();
                built.setJwtValidator(SecurityConfiguration.accessTokenValidator(oidc));
                decoder = built;
                current = built;
            }
            try {
                return current.decode(token);
            } catch (JwtException e) {
                if (e instanceof BadJwtException) {
                    throw e;
                }
                if (e.getCause() instanceof RateLimitReachedException) {
                    // A key id that the keys fetched a moment ago do not hold: the token's fault, not Keycloak's.
                    throw new BadJwtException("No key with this key id", e);
                }
                if (e.getCause() instanceof KeySourceException) {
                    // The keys could not be fetched for a key id not seen before: Keycloak's fault, not the
                    // caller's, so the same 503 as before the keys were known.
                    throw new IdentityProviderUnavailableException(IdentityProvider.RETRY_AFTER);
                }
                throw e;
            }
        }
    }
}
