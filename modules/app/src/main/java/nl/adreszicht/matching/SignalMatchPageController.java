package nl.adreszicht.matching;

import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.PageController;
import nl.adreszicht.security.CurrentProfessional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /samenloop}: the caller's organisation's matches, each with a link to the address and whom to contact. */
@PageController
class SignalMatchPageController {

    private final SignalMatches matches;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    SignalMatchPageController(SignalMatches matches, AccessLog accessLog, CurrentProfessional currentProfessional) {
        this.matches = matches;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/samenloop")
    String list(Model model) {
        accessLog.record(new AccessEntry(AccessKind.LEZEN, "samenloop.pagina", "samenloopsignalen", null, false));
        model.addAttribute(
                "matches",
                currentProfessional
                        .require()
                        .organisation()
                        .map(organisation -> matches.of(organisation, null))
                        .orElse(java.util.List.of()));
        return "samenloop";
    }
}
