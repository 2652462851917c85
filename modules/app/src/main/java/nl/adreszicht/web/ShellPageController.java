package nl.adreszicht.web;

import java.util.List;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages of the shell itself: help for the professional's own roles and the privacy statement. */
@PageController
class ShellPageController {

    private final CurrentProfessional currentProfessional;

    ShellPageController(CurrentProfessional currentProfessional) {
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/help")
    String help(Model model) {
        List<String> roleKeys = currentProfessional.require().roles().stream()
                .map(Role::realmRole)
                .toList();
        model.addAttribute("roleKeys", roleKeys);
        return "help";
    }

    /** Open without login: anyone may read what happens with the data before signing in. */
    @GetMapping("/privacyverklaring")
    String privacy() {
        return "privacyverklaring";
    }
}
