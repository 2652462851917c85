package nl.adreszicht.radar;

import java.util.List;
import nl.adreszicht.records.OpenWork;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.springframework.stereotype.Component;

/** A supervisor's open work: the break-the-glass uses of their organisation that await their review. */
@Component
class OpenReviews implements OpenWork {

    private final BreakTheGlass breakTheGlass;
    private final CurrentProfessional currentProfessional;

    OpenReviews(BreakTheGlass breakTheGlass, CurrentProfessional currentProfessional) {
        this.breakTheGlass = breakTheGlass;
        this.currentProfessional = currentProfessional;
    }

    @Override
    public List<Item> ofCurrentProfessional() {
        Professional reviewer = currentProfessional.get().orElse(null);
        if (reviewer == null
                || !reviewer.has(Role.VT_SUPERVISOR)
                || reviewer.organisation().isEmpty()) {
            return List.of();
        }
        // A supervisor does not review their own use, as the review page does not offer it.
        int open = (int) breakTheGlass.queue(reviewer).stream()
                .filter(grant -> grant.verdict() == null && !grant.subject().equals(reviewer.subject()))
                .count();
        return open == 0 ? List.of() : List.of(new Item("mijnwerk.doorbraken", open, null, false, "/doorbraken"));
    }
}
