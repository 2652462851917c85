package nl.adreszicht.web;

import java.util.List;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.records.OpenWork;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page a professional lands on after login, "Mijn werk": what is open for them with its deadlines, what they can do
 * next, who they are and their scope.
 */
@PageController
class StartPageController {

    private final CurrentProfessional currentProfessional;
    private final Organisations organisations;
    private final VtRegions vtRegions;
    private final List<OpenWork> openWork;

    StartPageController(
            CurrentProfessional currentProfessional,
            Organisations organisations,
            VtRegions vtRegions,
            List<OpenWork> openWork) {
        this.currentProfessional = currentProfessional;
        this.organisations = organisations;
        this.vtRegions = vtRegions;
        this.openWork = openWork;
    }

    @GetMapping("/")
    String start(Model model) {
        Professional professional = currentProfessional.require();
        List<String> roleKeys =
                professional.roles().stream().map(Role::realmRole).toList();
        model.addAttribute("professional", professional);
        // "Mijn werk": what is open for this professional, from the modules that own the work; overdue first.
        model.addAttribute(
                "openWork",
                openWork.stream()
                        .flatMap(source -> source.ofCurrentProfessional().stream())
                        .sorted(java.util.Comparator.comparing((OpenWork.Item item) -> !item.overdue()))
                        .toList());
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
