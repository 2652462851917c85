package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.adreszicht.records.OpenWork;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.springframework.stereotype.Component;

/**
 * A Veilig Thuis professional's open work for the start page, from the worklist of their region (the same list, the
 * same scope): zorgmeldingen to take in, beoordelingen due today or late, onderzoeken running out or late, each with
 * its earliest deadline.
 */
@Component
class OpenVtWork implements OpenWork {

    /** The categories the start page names, in the order they are urgent. */
    private static final List<Werkvoorraad.Categorie> SHOWN = List.of(
            Werkvoorraad.Categorie.BEOORDELING_TE_LAAT,
            Werkvoorraad.Categorie.ONDERZOEK_TE_LAAT,
            Werkvoorraad.Categorie.MONITORING_TE_LAAT,
            Werkvoorraad.Categorie.INFORMEREN_TE_LAAT,
            Werkvoorraad.Categorie.BEOORDELING_VANDAAG,
            Werkvoorraad.Categorie.OVERDRACHT_GEWEIGERD,
            Werkvoorraad.Categorie.ZORGMELDING_IN_TE_NEMEN,
            Werkvoorraad.Categorie.NIEUW,
            Werkvoorraad.Categorie.ONDERZOEK_VERLOOPT,
            Werkvoorraad.Categorie.MONITORING,
            Werkvoorraad.Categorie.INFORMEREN);

    private final Werkvoorraad werkvoorraad;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    OpenVtWork(Werkvoorraad werkvoorraad, CurrentProfessional currentProfessional, DutchTime time) {
        this.werkvoorraad = werkvoorraad;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    @Override
    public List<Item> ofCurrentProfessional() {
        Professional professional = currentProfessional.get().orElse(null);
        if (professional == null
                || professional.vtRegion().isEmpty()
                || !(professional.has(Role.VT_MEDEWERKER) || professional.has(Role.VT_SUPERVISOR))) {
            return List.of();
        }
        // The worklist of the region, of which only counts and deadlines are shown: no address or person, so no entry
        // in the access log (the worklist page itself logs its read).
        Werkvoorraad.Categorised list = werkvoorraad.categorised();
        LocalDate today = time.today();
        List<Item> items = new ArrayList<>();
        for (Werkvoorraad.Categorie category : SHOWN) {
            int count = list.aantallen().getOrDefault(category.code(), 0);
            if (count == 0) {
                continue;
            }
            LocalDate deadline = list.items().stream()
                    .filter(item -> item.categorieen().contains(category.code()))
                    .map(Werkvoorraad.Item::uiterlijk)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            items.add(new Item(
                    "mijnwerk." + category.code(),
                    count,
                    deadline,
                    deadline != null && deadline.isBefore(today),
                    "/werkvoorraad?categorie=" + category.code()));
        }
        return items;
    }
}
