package nl.adreszicht.web;

import java.util.List;
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

    StartPageController(CurrentProfessional currentProfessional) {
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/")
    String start(Model model) {
        Professional professional = currentProfessional.require();
        List<String> roleKeys =
                professional.roles().stream().map(Role::realmRole).toList();
        model.addAttribute("professional", professional);
        model.addAttribute("roleKeys", roleKeys);
        return "start";
    }

    @GetMapping("/afgemeld")
    String loggedOut() {
        return "afgemeld";
    }
}
