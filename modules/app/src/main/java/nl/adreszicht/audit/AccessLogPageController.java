package nl.adreszicht.audit;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy officer's page: search the log by object or by professional, and see the chain's state. */
@Controller
class AccessLogPageController {

    private static final java.util.regex.Pattern OPAQUE_ID =
            java.util.regex.Pattern.compile(AccessLogApiController.OPAQUE_ID);

    private final AccessLogQueries queries;

    AccessLogPageController(AccessLogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/toegangslog")
    String page(
            @RequestParam(name = "object", required = false) String objectId,
            @RequestParam(name = "gebruiker", required = false) String subject,
            @RequestParam(name = "breakTheGlass", required = false) boolean breakTheGlass,
            Model model) {
        String action = "toegangslog.pagina";
        List<LoggedAccess> entries = null;
        if (objectId != null && !objectId.isBlank()) {
            if (OPAQUE_ID.matcher(objectId).matches()) {
                entries = queries.aboutObject(objectId, action);
            } else {
                model.addAttribute("error", "toegangslog.error.id");
            }
        } else if (subject != null && !subject.isBlank()) {
            if (OPAQUE_ID.matcher(subject).matches()) {
                entries = queries.byProfessional(subject, action);
            } else {
                model.addAttribute("error", "toegangslog.error.id");
            }
        } else if (breakTheGlass) {
            entries = queries.breakTheGlass(action);
        }
        model.addAttribute("object", objectId);
        model.addAttribute("gebruiker", subject);
        model.addAttribute("entries", entries);
        model.addAttribute("limit", AccessLogQueries.LIMIT);
        return "toegangslog";
    }
}
