package nl.adreszicht.radar;

import nl.adreszicht.records.AddressId;
import org.springframework.stereotype.Component;

/** The radar's grants, offered to the other Veilig Thuis work bound to the own region. */
@Component
class BreakTheGlassGrantsOfTheRadar implements BreakTheGlassGrants {

    private final BreakTheGlass breakTheGlass;

    BreakTheGlassGrantsOfTheRadar(BreakTheGlass breakTheGlass) {
        this.breakTheGlass = breakTheGlass;
    }

    @Override
    public boolean grantedNow(String subject, AddressId address) {
        return breakTheGlass.active(subject, address).isPresent();
    }
}
