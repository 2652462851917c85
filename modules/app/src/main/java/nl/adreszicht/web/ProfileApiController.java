package nl.adreszicht.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/profiel}: the caller's own roles and scope, as the token grants them. */
@RestController
class ProfileApiController {

    private final CurrentProfessional currentProfessional;

    ProfileApiController(CurrentProfessional currentProfessional) {
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/api/v1/profiel")
    Profile profile() {
        Professional professional = currentProfessional.require();
        return new Profile(
                professional.roles().stream().map(Role::realmRole).toList(),
                professional.organisation().orElse(null),
                professional.vtRegion().orElse(null),
                professional.gemeente().orElse(null));
    }

    /** Roles and scope only; no name or other personal data travels through this endpoint. */
    @Schema(name = "Profiel")
    record Profile(
            List<String> rollen,
            @Nullable String organisatie,
            @Nullable String vtRegio,
            @Nullable String gemeente) {}
}
