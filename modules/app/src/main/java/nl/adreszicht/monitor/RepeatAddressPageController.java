package nl.adreszicht.monitor;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of repeat addresses: the police's and Veilig Thuis's list of addresses with repeated records in their
 * area, each opening the address card (colour, repeat marker, whom to contact).
 */
@Controller
class RepeatAddressPageController {

    private final RepeatAddressList list;

    RepeatAddressPageController(RepeatAddressList list) {
        this.list = list;
    }

    @GetMapping("/herhaaladressen")
    String page(
            @RequestParam(required = false) @Nullable String sorteer,
            @RequestParam(required = false) @Nullable String na,
            Model model) {
        RepeatAddressList.Lijst lijst =
                list.list(new RepeatAddressList.Query(null, sorteer, na, null), "herhaaladressen.pagina");
        model.addAttribute("lijst", lijst);
        model.addAttribute("gebied", String.join(", ", lijst.regios()));
        return "herhaaladressen";
    }
}
