package nl.adreszicht.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The allow-list of Keycloak realm roles Adreszicht knows. A realm role not listed here gives no authority at
 * all, so a role added in Keycloak grants nothing until it is added here and to the permission matrix.
 */
public enum Role {
    POLITIE_MEDEWERKER("politie-medewerker"),
    VT_MEDEWERKER("vt-medewerker"),
    VT_SUPERVISOR("vt-supervisor"),
    GEMEENTE_MEDEWERKER("gemeente-medewerker"),
    GEMEENTE_ANALIST("gemeente-analist"),
    PRIVACY_OFFICER("privacy-officer"),
    BEHEERDER("beheerder"),
    /** The process manager of a Zorg- en Veiligheidshuis: triage, agenda and minutes of the casusoverleg. */
    ZVH_PROCESREGISSEUR("zvh-procesregisseur"),
    /** A professional of a partner organisation in the casusoverleg (OM, reclassering, GGZ, …). */
    KETENPARTNER("ketenpartner");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The role's name in Keycloak. */
    public String realmRole() {
        return realmRole;
    }

    /** The Spring Security authority, e.g. {@code ROLE_VT_MEDEWERKER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name used with {@code hasRole} and {@code hasAnyRole}, e.g. {@code VT_MEDEWERKER}. */
    public String roleName() {
        return name();
    }

    /** The known role with this Keycloak name, or empty for anything not on the allow-list. */
    public static Optional<Role> fromRealmRole(String realmRole) {
        return Arrays.stream(values())
                .filter(r -> r.realmRole.equals(realmRole))
                .findFirst();
    }

    /** The known role behind a Spring Security authority, or empty. */
    public static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values())
                .filter(r -> r.authority().equals(authority))
                .findFirst();
    }
}
