package nl.adreszicht.monitor;

import java.time.LocalDate;
import nl.adreszicht.codelists.Gemeenten;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.records.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of repeat addresses: the police's and Veilig Thuis's list of addresses with repeated records in their
 * area, each opening the address card (colour, repeat marker, whom to contact).
 */
@PageController
class RepeatAddressPageController {

    private final RepeatAddressList list;
    private final Gemeenten gemeenten;
    private final VtRegions regions;

    RepeatAddressPageController(RepeatAddressList list, Gemeenten gemeenten, VtRegions regions) {
        this.list = list;
        this.gemeenten = gemeenten;
        this.regions = regions;
    }

    /** A row as people read it: the gemeente by its name, not its code. */
    record Row(
            String adresId,
            String gemeente,
            int herhalingen,
            @Nullable LocalDate laatsteRegistratie) {}

    @GetMapping("/herhaaladressen")
    String page(
            @RequestParam(required = false) @Nullable String sorteer,
            @RequestParam(required = false) @Nullable String na,
            Model model) {
        RepeatAddressList.Lijst lijst =
                list.list(new RepeatAddressList.Query(null, sorteer, na, null), "herhaaladressen.pagina");
        model.addAttribute("lijst", lijst);
        model.addAttribute(
                "rijen",
                lijst.items().stream()
                        .map(r -> new Row(
                                r.adresId(), gemeenten.nameOf(r.gemeente()), r.herhalingen(), r.laatsteRegistratie()))
                        .toList());
        model.addAttribute(
                "gebied",
                String.join(
                        ", ",
                        lijst.regios().stream()
                                .map(code -> regions.nameOf(code).orElse(code))
                                .toList()));
        return "herhaaladressen";
    }
}
