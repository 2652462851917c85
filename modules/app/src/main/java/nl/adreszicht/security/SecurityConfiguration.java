package nl.adreszicht.security;

import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.adreszicht.time.DutchTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.SessionRepository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where requests are authenticated and routes authorised. Every route has an explicit rule
 * and anything unlisted is denied; application services add {@code @PreAuthorize} and scoped queries on top.
 */
@Configuration
@EnableMethodSecurity
// Command-line runs (the access log verification) start without a web server and need no filter chains.
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    RefusalPublisher refusalPublisher(ApplicationEventPublisher events, CurrentProfessional currentProfessional) {
        return new RefusalPublisher(events, currentProfessional);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper json, RefusalPublisher refusals) throws Exception {
        ApiProblemResponses problems = new ApiProblemResponses(json, refusals);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> RoleMapping.authoritiesFrom(jwt.getClaims()));
        List<Permission> api =
                AccessMatrix.permissions().stream().filter(Permission::isApi).toList();
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(METHOD_OVERRIDE).denyAll();
                    api.forEach(permission -> apply(requests, permission));
                    // A path no row names does not exist: a valid token gets the dispatcher's 404 as a problem.
                    requests.requestMatchers(UNKNOWN_PATH).authenticated();
                    // Any method a row does not name (OPTIONS, PUT, PATCH, DELETE, or GET on a POST row) is refused
                    // here, before any handler: 401 without a token, 403 with one.
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * The page's own assets (style sheets, scripts, webjars), the same for everybody: served without the session, so
     * that a browser's request for them never reads the (JDBC) session. While PostgreSQL is down or the pool is full,
     * the 503 page then still arrives with its style, and every page load costs one session read, not one per asset.
     * Only GET and HEAD; anything else is refused here.
     */
    @Bean
    @Order(2)
    SecurityFilterChain assetFilterChain(HttpSecurity http, OidcProperties oidc) throws Exception {
        http.securityMatcher(AccessMatrix.STATIC_RESOURCES.toArray(String[]::new))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(METHOD_OVERRIDE).denyAll();
                    for (HttpMethod read : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
                        requests.requestMatchers(read, "/**").permitAll();
                    }
                    requests.anyRequest().denyAll();
                })
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                // The anonymous token's details hold the session's id, which reads the session.
                .anonymous(anonymous -> anonymous.disable())
                // Not only stateless: its filter would still ask whether the browser's session cookie is valid, which
                // reads the session.
                .sessionManagement(session -> session.disable())
                .requestCache(cache -> cache.disable())
                // Nothing here changes anything (a write is refused below the CSRF check, which would read the
                // session's token): a refusal is a plain 403.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(uiCsp(oidc)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiFilterChain(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            RefusalPublisher refusals,
            OidcProperties oidc,
            OAuth2AuthorizedClientRepository authorizedClients,
            GrantedAuthoritiesMapper roles,
            OidcSessionRegistry oidcSessions,
            SessionRepository<?> sessions,
            SessionProperties sessionProperties,
            DutchTime time)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/afgemeld");
        AccessDeniedHandlerImpl errorPage = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                            .permitAll();
                    requests.requestMatchers(METHOD_OVERRIDE).denyAll();
                    for (HttpMethod read : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
                        requests.requestMatchers(read, AccessMatrix.PUBLIC_RESOURCES.toArray(String[]::new))
                                .permitAll();
                        requests.requestMatchers(read, AccessMatrix.PUBLIC_ACTUATOR.toArray(String[]::new))
                                .permitAll();
                        requests.requestMatchers(read, "/actuator/info")
                                .hasAnyRole(AccessMatrix.ACTUATOR_INFO.stream()
                                        .map(Role::roleName)
                                        .toArray(String[]::new));
                    }
                    AccessMatrix.permissions().stream()
                            .filter(permission -> !permission.isApi())
                            .forEach(permission -> apply(requests, permission));
                    // A path no row names does not exist: a signed-in person gets the 404 page, not a refusal that
                    // reads like a missing role (anonymous visitors are still sent to the login first).
                    requests.requestMatchers(UNKNOWN_PATH).authenticated();
                    // OPTIONS, and any method a row does not name, never reaches a page.
                    requests.anyRequest().denyAll();
                })
                .oauth2Login(login -> login.loginPage(
                                "/oauth2/authorization/" + LazyClientRegistrationRepository.REGISTRATION_ID)
                        .oidcSessionRegistry(oidcSessions))
                // Keycloak ends a session over the back channel (a disabled account, a logout elsewhere): the browser
                // session goes at once, from the store every instance shares.
                .oidcLogout(oidcLogout -> oidcLogout
                        .oidcSessionRegistry(oidcSessions)
                        .backChannel(backChannel ->
                                backChannel.logoutHandler(new BackChannelSessionEnd(oidcSessions, sessions))))
                .addFilterBefore(
                        new SessionRecheck(authorizedClients, roles, sessionProperties, time),
                        AuthorizationFilter.class)
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    refusals.refused(request);
                    errorPage.handle(request, response, denied);
                }))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(uiCsp(oidc)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .logout(out -> out.logoutSuccessHandler(logout));
        return http.build();
    }

    /** The API serves JSON only: nothing may load, nothing may frame it. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Pages load only our own scripts, styles and images (no inline code; htmx's indicator styles are off), may
     * not be framed, and submit forms only to us and to Keycloak (logout redirects there, which browsers check).
     */
    static String uiCsp(OidcProperties oidc) {
        URI issuer = URI.create(oidc.issuerUri());
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none';"
                + " form-action 'self' " + keycloak;
    }

    /**
     * Requests that claim another method than the one they were sent with. No part of Adreszicht honours such a
     * claim (Spring's HiddenHttpMethodFilter is off), and none may: a proxy, a future filter or a library that did
     * would run a handler the route rules never judged. So they are refused outright, in both chains.
     */
    static final RequestMatcher METHOD_OVERRIDE = request -> request.getHeader("X-HTTP-Method-Override") != null
            || request.getHeader("X-Method-Override") != null
            || request.getHeader("X-HTTP-Method") != null
            || request.getParameter("_method") != null;

    /** Requests for a path that no row of the matrix, no public resource and no framework endpoint names. */
    static final RequestMatcher UNKNOWN_PATH = request -> !AccessMatrix.knowsPath(
            request.getRequestURI().substring(request.getContextPath().length()));

    /** A row's rule; a GET row also rules HEAD, which runs the same handler without sending the body. */
    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            Permission permission) {
        authorise(requests.requestMatchers(permission.method(), permission.path()), permission);
        if (permission.method() == HttpMethod.GET) {
            authorise(requests.requestMatchers(HttpMethod.HEAD, permission.path()), permission);
        }
    }

    private static void authorise(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl rule, Permission permission) {
        if (permission.anonymous()) {
            rule.permitAll();
        } else if (permission.roles().isEmpty()) {
            rule.denyAll();
        } else {
            rule.hasAnyRole(permission.roleNames());
        }
    }

    /** Which browser session is which Keycloak session, in PostgreSQL: for back-channel logout on any instance. */
    @Bean
    OidcSessionRegistry oidcSessionRegistry(JdbcTemplate jdbc, DutchTime time) {
        return new JdbcOidcSessionRegistry(jdbc, time);
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

    /** Access tokens for {@code /api/v1}; the decoder itself is built in {@link IdentityProviderConfiguration}. */
    static OAuth2TokenValidator<Jwt> accessTokenValidator(OidcProperties oidc) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(oidc.audience())),
                new JwtClaimValidator<String>("typ", "Bearer"::equals));
    }
}
