package nl.adreszicht.veiligthuis;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /instellingen/herinneringen}: a Veilig Thuis professional opts in to (or out of) reminders by e-mail. */
@PageController
class HerinneringenPageController {

    private final Herinneringen herinneringen;

    HerinneringenPageController(Herinneringen herinneringen) {
        this.herinneringen = herinneringen;
    }

    @GetMapping("/instellingen/herinneringen")
    String show(Model model) {
        Herinneringen.Instelling setting = herinneringen.setting();
        model.addAttribute("aan", setting.aan());
        model.addAttribute("email", setting.email() == null ? "" : setting.email());
        model.addAttribute("errors", Map.of());
        return "herinneringen";
    }

    @PostMapping("/instellingen/herinneringen")
    String choose(
            @RequestParam(required = false) @Nullable String herinneringen,
            @RequestParam(required = false) @Nullable String email,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean on = "aan".equals(herinneringen);
        try {
            this.herinneringen.choose(on, email);
            redirect.addFlashAttribute("done", on ? "herinneringen.aangezet" : "herinneringen.uitgezet");
            return "redirect:/instellingen/herinneringen";
        } catch (InvalidValueException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("aan", on);
            model.addAttribute("email", email == null ? "" : email);
            model.addAttribute("errors", Map.of(invalid.field(), invalid.messageKey()));
            return "herinneringen";
        }
    }
}
