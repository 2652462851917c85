package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfessionalTest {

    @Test
    void readsScopeFromTheClaims() {
        Professional professional = Professional.fromClaims(Map.of(
                "sub", "3f1c",
                "name", "Vera van Veilig Thuis",
                "realm_access", Map.of("roles", List.of("vt-medewerker")),
                "organisatie", "veilig-thuis-drenthe",
                "vt_regio", "VT03"));

        assertThat(professional.subject()).isEqualTo("3f1c");
        assertThat(professional.displayName()).isEqualTo("Vera van Veilig Thuis");
        assertThat(professional.roles()).containsExactly(Role.VT_MEDEWERKER);
        assertThat(professional.organisation()).contains("veilig-thuis-drenthe");
        assertThat(professional.vtRegion()).contains("VT03");
        assertThat(professional.gemeente()).isEmpty();
    }

    @Test
    void dropsScopeValuesThatBreakTheirFormat() {
        Professional professional = Professional.fromClaims(Map.of(
                "sub", "3f1c",
                "organisatie", "Veilig Thuis; DROP TABLE",
                "vt_regio", "VT3",
                "gemeente", "0118"));

        assertThat(professional.organisation()).isEmpty();
        assertThat(professional.vtRegion()).isEmpty();
        assertThat(professional.gemeente()).isEmpty();
    }

    @Test
    void fallsBackToTheUsernameWhenThereIsNoName() {
        Professional professional = Professional.fromClaims(Map.of("sub", "3f1c", "preferred_username", "vt.drenthe"));

        assertThat(professional.displayName()).isEqualTo("vt.drenthe");
        assertThat(professional.roles()).isEmpty();
    }
}
