package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Permission;
import nl.adreszicht.time.DutchTime;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The two pages of a session that ended during a form ({@link FormRescue}): the explanation, readable before signing
 * in again, and after signing in the kept input, to be checked and sent once more to the form it came from.
 */
@PageController
class FormRescuePageController {

    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    FormRescuePageController(CurrentProfessional currentProfessional, DutchTime time) {
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    @GetMapping("/sessie-verlopen")
    String expired(HttpServletRequest request, Model model) {
        model.addAttribute("kept", FormRescue.waiting(request));
        return "sessie-verlopen";
    }

    @GetMapping("/bewaarde-invoer")
    String kept(HttpServletRequest request, Model model) {
        FormRescue.KeptForm form =
                FormRescue.take(request, currentProfessional.require().roles(), time.now());
        model.addAttribute("form", form);
        model.addAttribute(
                "formName",
                form == null
                        ? null
                        : AccessMatrix.find("POST", form.action())
                                .map(Permission::action)
                                .map(action -> "bewaard.formulier." + action)
                                .orElse(null));
        return "bewaarde-invoer";
    }
}
