package nl.adreszicht.monitor;

import java.util.List;
import nl.adreszicht.colour.AddressMarkers;
import nl.adreszicht.records.AddressId;
import org.springframework.stereotype.Component;

/** The repeat marker on the address card: the repeats within 12 months over every agency's records, with the rules version. */
@Component
class RepeatMarker implements AddressMarkers {

    static final String KIND = "herhalingen";

    private final RepeatAddresses repeats;

    RepeatMarker(RepeatAddresses repeats) {
        this.repeats = repeats;
    }

    @Override
    public List<Mark> marksOf(AddressId address) {
        return repeats.of(address)
                .map(r -> List.of(new Mark(KIND, r.repeats(), r.rulesVersion())))
                .orElse(List.of());
    }
}
