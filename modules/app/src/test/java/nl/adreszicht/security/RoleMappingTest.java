package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    @Test
    void mapsEveryAllowListedRealmRole() {
        List<String> realmRoles =
                List.of(Role.values()).stream().map(Role::realmRole).toList();

        assertThat(RoleMapping.rolesFrom(claimsWithRoles(realmRoles))).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void unknownRealmRolesGiveNothing() {
        Map<String, Object> claims = claimsWithRoles(
                List.of("offline_access", "uma_authorization", "default-roles-adreszicht", "admin", "VT-MEDEWERKER"));

        assertThat(RoleMapping.authoritiesFrom(claims)).isEmpty();
    }

    @Test
    void onlyTheKnownRolesOfAMixedListCount() {
        Map<String, Object> claims = claimsWithRoles(List.of("offline_access", "vt-medewerker", "superuser"));

        assertThat(RoleMapping.authoritiesFrom(claims))
                .extracting(Object::toString)
                .containsExactly("ROLE_VT_MEDEWERKER");
    }

    @Test
    void missingOrMalformedRoleClaimsGiveNothing() {
        assertThat(RoleMapping.rolesFrom(Map.of())).isEmpty();
        assertThat(RoleMapping.rolesFrom(Map.of("realm_access", "vt-medewerker")))
                .isEmpty();
        assertThat(RoleMapping.rolesFrom(Map.of("realm_access", Map.of("roles", "vt-medewerker"))))
                .isEmpty();
        assertThat(RoleMapping.rolesFrom(Map.of("realm_access", Map.of("roles", List.of(42, true)))))
                .isEmpty();
    }

    @Test
    void clientRolesAreNotRealmRoles() {
        Map<String, Object> claims =
                Map.of("resource_access", Map.of("adreszicht-web", Map.of("roles", List.of("beheerder"))));

        assertThat(RoleMapping.rolesFrom(claims)).isEmpty();
    }

    private static Map<String, Object> claimsWithRoles(List<String> roles) {
        return Map.of("realm_access", Map.of("roles", roles));
    }
}
