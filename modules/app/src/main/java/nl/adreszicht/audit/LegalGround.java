package nl.adreszicht.audit;

import java.util.Set;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The purpose and legal basis recorded with an access, from the role it was done in (domain.md section 7:
 * purpose limitation). A professional with several roles is recorded with the most specific one.
 */
enum LegalGround {
    VT_SUPERVISOR(Role.VT_SUPERVISOR, "Veilig Thuis-taak", "Wmo 2015 art. 4.1.1 en 5.2.6"),
    VT_MEDEWERKER(Role.VT_MEDEWERKER, "Veilig Thuis-taak", "Wmo 2015 art. 4.1.1 en 5.2.6"),
    POLITIE(Role.POLITIE_MEDEWERKER, "politietaak", "Wet politiegegevens art. 8 en 13"),
    GEMEENTE(
            Role.GEMEENTE_MEDEWERKER,
            "gemeentelijke taak (lokaal team, huisverbod)",
            "Wmo 2015; Wet tijdelijk huisverbod"),
    PRIVACY(Role.PRIVACY_OFFICER, "toezicht op gegevensbescherming", "AVG art. 39; NEN 7513"),
    BEHEER(Role.BEHEERDER, "functioneel beheer", "AVG art. 32"),
    ANALIST(Role.GEMEENTE_ANALIST, "gemeentelijk beleid (geaggregeerd)", "Gemeentewet art. 160; AVG art. 89"),
    /** A login without any Adreszicht role: it can only be refused, and the refusal is still recorded. */
    GEEN(null, "geen (zonder Adreszicht-rol)", "geen");

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

    static LegalGround of(Set<Role> roles) {
        for (LegalGround ground : values()) {
            if (ground.role != null && roles.contains(ground.role)) {
                return ground;
            }
        }
        return GEEN;
    }
}
