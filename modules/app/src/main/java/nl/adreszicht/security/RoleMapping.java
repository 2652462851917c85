package nl.adreszicht.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Maps the Keycloak claim {@code realm_access.roles} to authorities through the {@link Role} allow-list. Used
 * for both ID tokens (UI login) and access tokens (API), so both paths grant exactly the same.
 */
final class RoleMapping {

    private RoleMapping() {}

    static Set<Role> rolesFrom(Map<String, Object> claims) {
        Set<Role> roles = new TreeSet<>();
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String realmRole) {
                    Role.fromRealmRole(realmRole).ifPresent(roles::add);
                }
            }
        }
        return roles;
    }

    static List<GrantedAuthority> authoritiesFrom(Map<String, Object> claims) {
        return rolesFrom(claims).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }
}
