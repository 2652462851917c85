package nl.adreszicht.web;

import java.util.List;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a professional lands on after login: who they are, their scope, and what they can do next. */
@Controller
class StartPageController {

    private final CurrentProfessional currentProfessional;
    private final Organisations organisations;
    private final VtRegions vtRegions;

    StartPageController(CurrentProfessional currentProfessional, Organisations organisations, VtRegions vtRegions) {
        this.currentProfessional = currentProfessional;
        this.organisations = organisations;
        this.vtRegions = vtRegions;
    }

    @GetMapping("/")
    String start(Model model) {
        Professional professional = currentProfessional.require();
        List<String> roleKeys =
                professional.roles().stream().map(Role::realmRole).toList();
        model.addAttribute("professional", professional);
        model.addAttribute("roleKeys", roleKeys);
        model.addAttribute(
                "organisationName",
                professional.organisation().map(organisations::displayName).orElse(null));
        model.addAttribute(
                "vtRegionName",
                professional
                        .vtRegion()
                        .map(code -> vtRegions
                                .nameOf(code)
                                .map(name -> name + " (" + code + ")")
                                .orElse(code))
                        .orElse(null));
        model.addAttribute("zvhRegion", professional.zvhRegion().orElse(null));
        model.addAttribute(
                "partnerKind",
                professional.partnerKind().map(kind -> kind.code()).orElse(null));
        return "start";
    }

    @GetMapping("/afgemeld")
    String loggedOut() {
        return "afgemeld";
    }
}
