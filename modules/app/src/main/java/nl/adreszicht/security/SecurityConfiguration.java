package nl.adreszicht.security;

import static nl.adreszicht.security.Role.BEHEERDER;
import static nl.adreszicht.security.Role.GEMEENTE_MEDEWERKER;
import static nl.adreszicht.security.Role.POLITIE_MEDEWERKER;
import static nl.adreszicht.security.Role.VT_MEDEWERKER;
import static nl.adreszicht.security.Role.VT_SUPERVISOR;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where requests are authenticated and routes authorised. Every route has an explicit rule
 * and anything unlisted is denied; application services add {@code @PreAuthorize} and scoped queries on top.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    /** Roles that do case work or configuration and may read the shared code lists. */
    static final String[] CODE_LIST_READERS =
            names(POLITIE_MEDEWERKER, VT_MEDEWERKER, VT_SUPERVISOR, GEMEENTE_MEDEWERKER, BEHEERDER);

    static final String[] ALL_ROLES = names(Role.values());

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper json) throws Exception {
        ApiProblemResponses problems = new ApiProblemResponses(json);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> RoleMapping.authoritiesFrom(jwt.getClaims()));
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/openapi.json")
                        .permitAll()
                        .requestMatchers("/api/v1/profiel")
                        .hasAnyRole(ALL_ROLES)
                        .requestMatchers("/api/v1/geweldsvormen", "/api/v1/geweldsvormen/*")
                        .hasAnyRole(CODE_LIST_READERS)
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/afgemeld");
        http.authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                                .permitAll()
                                .requestMatchers("/oauth2/authorization/**", "/login/oauth2/code/**", "/afgemeld")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/actuator/info")
                                .hasRole(BEHEERDER.roleName())
                                .requestMatchers(HttpMethod.GET, "/")
                                .hasAnyRole(ALL_ROLES)
                                .anyRequest()
                                .denyAll())
                .oauth2Login(login ->
                        login.loginPage("/oauth2/authorization/" + LazyClientRegistrationRepository.REGISTRATION_ID))
                .logout(out -> out.logoutSuccessHandler(logout));
        return http.build();
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OidcProperties oidc) {
        return new LazyClientRegistrationRepository(oidc);
    }

    /** Authorized clients live in the (JDBC) session, not in one instance's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** UI logins get exactly the allow-listed roles from the ID token, and no default OIDC authorities. */
    @Bean
    GrantedAuthoritiesMapper allowListedRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(RoleMapping.authoritiesFrom(oidc.getIdToken().getClaims()));
                }
            }
            return mapped;
        };
    }

    /**
     * Access tokens for {@code /api/v1}: signature from the realm's keys (RS256 only), issuer, expiry and
     * not-before, our audience, and the Keycloak token type {@code Bearer} so an ID token cannot stand in.
     * Keys are fetched on first use, so the application starts while Keycloak is still booting.
     */
    @Bean
    JwtDecoder jwtDecoder(OidcProperties oidc) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri())
                    .jwsAlgorithms(algorithms -> {
                        algorithms.clear();
                        oidc.algorithms().forEach(name -> algorithms.add(SignatureAlgorithm.from(name)));
                    })
                    .build();
            decoder.setJwtValidator(accessTokenValidator(oidc));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> accessTokenValidator(OidcProperties oidc) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(oidc.audience())),
                new JwtClaimValidator<String>("typ", "Bearer"::equals));
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::roleName).toArray(String[]::new);
    }
}
