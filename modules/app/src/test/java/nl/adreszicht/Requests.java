package nl.adreszicht;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A professional as the tests send them: claims shaped like Keycloak's, authorities as the production
 * allow-list maps them, over the API (bearer token) or the UI (OIDC login session).
 */
public record Requests(
        @Nullable Role role,
        String organisation,
        @Nullable String vtRegion,
        @Nullable String gemeente) {

    public static final String SUBJECT = "0c6c1f5e-3d2b-4f43-9a53-5b1f8d7c2a10";

    public static Requests as(@Nullable Role role, String organisation) {
        return new Requests(role, organisation, null, null);
    }

    public Map<String, Object> claims() {
        List<String> realmRoles = new ArrayList<>(List.of("offline_access", "default-roles-adreszicht"));
        if (role != null) {
            realmRoles.add(role.realmRole());
        }
        Map<String, Object> claims = new java.util.HashMap<>(Map.of(
                "sub",
                SUBJECT,
                "name",
                "Test Professional",
                "azp",
                "adreszicht-cli",
                "realm_access",
                Map.of("roles", realmRoles),
                "organisatie",
                organisation));
        if (vtRegion != null) {
            claims.put("vt_regio", vtRegion);
        }
        if (gemeente != null) {
            claims.put("gemeente", gemeente);
        }
        // The casusoverleg's claims, as the realm issues them to these roles only: the procesregisseur's region
        // (the demo regions follow the VT regions: VT03 Drenthe is ZVH03) and a partner's kind.
        if (role == Role.ZVH_PROCESREGISSEUR && vtRegion != null) {
            claims.put("zvh_regio", "ZVH" + vtRegion.substring(2));
        }
        if (role == Role.KETENPARTNER) {
            claims.put("ketenpartner_soort", "reclassering");
        }
        return claims;
    }

    public List<GrantedAuthority> authorities() {
        return role == null ? List.of() : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    public RequestPostProcessor api() {
        return jwt().jwt(token -> token.claims(c -> c.putAll(claims()))).authorities(authorities());
    }

    /** Over the API as another professional with the same role and claims: for four-eyes checks. */
    public RequestPostProcessor api(String subject) {
        return jwt().jwt(token -> token.claims(c -> {
                    c.putAll(claims());
                    c.put("sub", subject);
                }))
                .authorities(authorities());
    }

    /** In the browser as another professional with the same role and claims: for four-eyes checks. */
    public RequestPostProcessor ui(String subject) {
        return oidcLogin()
                .idToken(token -> token.claims(c -> {
                    c.putAll(claims());
                    c.put("sub", subject);
                }))
                .authorities(authorities());
    }

    public RequestPostProcessor ui() {
        return oidcLogin()
                .idToken(token -> token.claims(c -> c.putAll(claims())))
                .authorities(authorities());
    }
}
