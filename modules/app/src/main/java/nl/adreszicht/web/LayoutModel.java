package nl.adreszicht.web;

import nl.adreszicht.security.CurrentProfessional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page, error pages included. */
@ControllerAdvice
class LayoutModel {

    private final CurrentProfessional currentProfessional;

    LayoutModel(CurrentProfessional currentProfessional) {
        this.currentProfessional = currentProfessional;
    }

    @ModelAttribute("signedIn")
    boolean signedIn() {
        return currentProfessional.get().isPresent();
    }
}
