package nl.adreszicht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.adreszicht.time.DutchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.client.RestClientException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a browser session no truer than Keycloak: the roles and scope a login got are its ID token's, and they are
 * fetched again with the refresh token once the ID token is older than {@link SessionProperties#recheckAfter()}, so a
 * removed role, a moved region or a disabled account takes effect within that time. A session older than
 * {@link SessionProperties#absoluteLifetime()} ends, however active. When Keycloak does not renew the session (the
 * account is disabled, its session ended) or cannot be asked, the session ends: a check that cannot be made never
 * counts as passed. Everything it keeps is in the (JDBC) session, so every instance decides alike.
 */
final class SessionRecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionRecheck.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final GrantedAuthoritiesMapper roles;
    private final SessionProperties properties;
    private final DutchTime time;
    // Connect 2 s, read 5 s: a hung Keycloak ends a due session quickly instead of holding the request.
    private final OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> tokens =
            IdentityProviderConfiguration.refreshTokenClient();
    private final JwtDecoderFactory<ClientRegistration> idTokens = new OidcIdTokenDecoderFactory();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionRecheck(
            OAuth2AuthorizedClientRepository authorizedClients,
            GrantedAuthoritiesMapper roles,
            SessionProperties properties,
            DutchTime time) {
        this.authorizedClients = authorizedClients;
        this.roles = roles;
        this.properties = properties;
        this.time = time;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && holder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login
                && login.getPrincipal() instanceof OidcUser user) {
            Instant now = time.now();
            Instant created = Instant.ofEpochMilli(session.getCreationTime());
            if (!now.isBefore(created.plus(properties.absoluteLifetime()))) {
                end(session, "its absolute lifetime has passed");
            } else if (!now.isBefore(checkedAt(user).plus(properties.recheckAfter()))) {
                String failure = recheck(login, user, request, response);
                if (failure != null) {
                    end(session, failure);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** When Keycloak last said who this is: the issue time of the ID token the session holds. */
    private static Instant checkedAt(OidcUser user) {
        Instant issued = user.getIdToken().getIssuedAt();
        return issued == null ? Instant.EPOCH : issued;
    }

    /** Fetches roles and scope again; returns why the session must end, or null when it was renewed. */
    private String recheck(
            OAuth2AuthenticationToken login, OidcUser user, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client =
                authorizedClients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request);
        if (client == null || client.getRefreshToken() == null) {
            return "it holds no refresh token";
        }
        ClientRegistration registration = client.getClientRegistration();
        try {
            OAuth2AccessTokenResponse answer = tokens.getTokenResponse(new OAuth2RefreshTokenGrantRequest(
                    registration, client.getAccessToken(), client.getRefreshToken()));
            if (!(answer.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String value)) {
                return "Keycloak renewed it without an ID token";
            }
            Jwt jwt = idTokens.createDecoder(registration).decode(value);
            if (!user.getSubject().equals(jwt.getSubject())) {
                return "the renewed ID token is someone else's";
            }
            OidcIdToken idToken =
                    new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
            List<GrantedAuthority> principalAuthorities = List.of(new OidcUserAuthority(idToken));
            Collection<? extends GrantedAuthority> authorities = roles.mapAuthorities(principalAuthorities);
            OAuth2AuthenticationToken renewed = new OAuth2AuthenticationToken(
                    new DefaultOidcUser(principalAuthorities, idToken, IdTokenClaimNames.SUB),
                    authorities,
                    login.getAuthorizedClientRegistrationId());
            renewed.setDetails(login.getDetails());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(renewed);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            authorizedClients.saveAuthorizedClient(
                    new OAuth2AuthorizedClient(
                            registration,
                            login.getName(),
                            answer.getAccessToken(),
                            answer.getRefreshToken() != null ? answer.getRefreshToken() : client.getRefreshToken()),
                    renewed,
                    request,
                    response);
            return null;
        } catch (OAuth2AuthorizationException refused) {
            return "Keycloak did not renew it (" + refused.getError().getErrorCode() + ")";
        } catch (JwtException | RestClientException | IllegalArgumentException unavailable) {
            return "Keycloak could not be asked (" + unavailable.getClass().getSimpleName() + ")";
        }
    }

    private void end(HttpSession session, String why) {
        // No name or subject in the application log: only that a session ended, and why.
        log.info("A session ended: {}", why);
        holder.clearContext();
        session.invalidate();
    }
}
