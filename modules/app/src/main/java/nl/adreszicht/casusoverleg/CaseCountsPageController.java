package nl.adreszicht.casusoverleg;

import java.util.Map;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The casusoverleg in figures for the gemeente-analist: one ended year of the own gemeente, disclosure-controlled. */
@PageController
class CaseCountsPageController {

    private final CaseCounts counts;

    CaseCountsPageController(CaseCounts counts) {
        this.counts = counts;
    }

    @GetMapping("/casusoverleg/cijfers")
    String figures(@RequestParam(required = false) @Nullable String jaar, Model model) {
        Integer year = null;
        try {
            year = jaar == null || jaar.isBlank() ? null : Integer.valueOf(jaar.strip());
            model.addAttribute("figures", counts.of(year));
            model.addAttribute("errors", Map.of());
        } catch (NumberFormatException | InvalidValueException refused) {
            model.addAttribute("errors", Map.of("jaar", "validation.jaar.notEnded"));
            model.addAttribute("figures", counts.of(null));
        }
        model.addAttribute("lastYear", counts.lastYear());
        model.addAttribute("chosen", jaar == null ? String.valueOf(counts.lastYear()) : jaar);
        return "casusoverleg-cijfers";
    }
}
