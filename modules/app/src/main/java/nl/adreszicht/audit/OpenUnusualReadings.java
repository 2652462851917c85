package nl.adreszicht.audit;

import java.util.List;
import nl.adreszicht.records.OpenWork;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import nl.adreszicht.time.DutchTime;
import org.springframework.stereotype.Component;

/**
 * A privacy officer's open work (Mijn werk): the professionals of their organisation who read far more addresses than
 * usual in the past week ({@link UnusualReadings}), listed on the access-log page.
 */
@Component
class OpenUnusualReadings implements OpenWork {

    private final UnusualReadings unusual;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    OpenUnusualReadings(UnusualReadings unusual, CurrentProfessional currentProfessional, DutchTime time) {
        this.unusual = unusual;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    @Override
    public List<Item> ofCurrentProfessional() {
        Professional officer = currentProfessional.get().orElse(null);
        if (officer == null
                || !officer.has(Role.PRIVACY_OFFICER)
                || officer.organisation().isEmpty()) {
            return List.of();
        }
        int found = unusual.of(officer.organisation().get(), time.today().minusDays(7))
                .size();
        return found == 0
                ? List.of()
                : List.of(new Item("mijnwerk.leesbevindingen", found, null, false, "/toegangslog#leesbevindingen"));
    }
}
