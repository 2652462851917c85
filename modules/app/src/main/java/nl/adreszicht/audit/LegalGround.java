package nl.adreszicht.audit;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The purpose and legal basis recorded with an access (domain.md section 7: purpose limitation). They follow the
 * action: an action with a purpose of its own (destruction on request) has it; otherwise the purpose is that of the
 * role in which the professional may take the action (the roles of the account that its matrix row allows), the most
 * specific one first. An account that is privacy officer and vt-supervisor reads the access log as privacy officer and
 * the address history as Veilig Thuis. Only a refused attempt, which no role allows, falls back to the account's roles.
 */
enum LegalGround {
    PRIVACY(Role.PRIVACY_OFFICER, "toezicht op gegevensbescherming", "AVG art. 39; NEN 7513"),
    VT_SUPERVISOR(Role.VT_SUPERVISOR, "Veilig Thuis-taak", "Wmo 2015 art. 4.1.1 en 5.2.6"),
    VT_MEDEWERKER(Role.VT_MEDEWERKER, "Veilig Thuis-taak", "Wmo 2015 art. 4.1.1 en 5.2.6"),
    POLITIE(Role.POLITIE_MEDEWERKER, "politietaak", "Wet politiegegevens art. 8 en 13"),
    GEMEENTE(
            Role.GEMEENTE_MEDEWERKER,
            "gemeentelijke taak (lokaal team, huisverbod)",
            "Wmo 2015; Wet tijdelijk huisverbod"),
    PROCESREGIE(
            Role.ZVH_PROCESREGISSEUR,
            "casusoverleg Zorg- en Veiligheidshuis (procesregie)",
            "AVG art. 6 lid 1 sub e; privacyconvenant Zorg- en Veiligheidshuis"),
    KETENPARTNER(
            Role.KETENPARTNER,
            "casusoverleg Zorg- en Veiligheidshuis (ketenpartner)",
            "AVG art. 6 lid 1 sub e; privacyconvenant Zorg- en Veiligheidshuis"),
    BEHEER(Role.BEHEERDER, "functioneel beheer", "AVG art. 32"),
    ANALIST(Role.GEMEENTE_ANALIST, "gemeentelijk beleid (geaggregeerd)", "Gemeentewet art. 160; AVG art. 89"),
    /** Carrying out a data subject's granted request to erase (AVG art. 17), whatever role carries it out. */
    VERNIETIGING(null, "vernietiging op verzoek van de betrokkene", "AVG art. 17"),
    /** A login without any Adreszicht role: it can only be refused, and the refusal is still recorded. */
    GEEN(null, "geen (zonder Adreszicht-rol)", "geen");

    /** Actions whose purpose is their own, not their role's. */
    private static final Map<String, LegalGround> OWN_PURPOSE =
            Map.of("vernietigingsverzoeken.uitvoeren", VERNIETIGING);

    private final @Nullable Role role;
    private final String purpose;
    private final String basis;

    LegalGround(@Nullable Role role, String purpose, String basis) {
        this.role = role;
        this.purpose = purpose;
        this.basis = basis;
    }

    String purpose() {
        return purpose;
    }

    String basis() {
        return basis;
    }

    /** The ground of {@code action} taken by an account with {@code roles}. */
    static LegalGround of(String action, Set<Role> roles) {
        LegalGround own = OWN_PURPOSE.get(action);
        if (own != null) {
            return own;
        }
        Set<Role> acting = AccessMatrix.byAction(action)
                .map(Permission::roles)
                .map(allowed -> {
                    Set<Role> both = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
                    both.retainAll(allowed);
                    return both;
                })
                .filter(both -> !both.isEmpty())
                .orElse(roles);
        return of(acting);
    }

    static LegalGround of(Set<Role> roles) {
        for (LegalGround ground : values()) {
            if (ground.role != null && roles.contains(ground.role)) {
                return ground;
            }
        }
        return GEEN;
    }
}
