package nl.adreszicht.monitor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nl.adreszicht.codelists.VtRegions;
import org.springframework.stereotype.Component;

/**
 * Which VT region covers which gemeente, read once per instance: reference data that changes only with a deployment
 * (a changeSet), as the organisation names are. The monitor asks it on every record stored.
 */
@Component
class MonitorRegions {

    private final VtRegions regions;
    private final AtomicReference<Map<String, String>> regionOf = new AtomicReference<>();

    MonitorRegions(VtRegions regions) {
        this.regions = regions;
    }

    Optional<String> regionOf(String gemeente) {
        return Optional.ofNullable(all().get(gemeente));
    }

    Map<String, String> all() {
        Map<String, String> known = regionOf.get();
        if (known == null) {
            known = Map.copyOf(regions.regionPerGemeente());
            regionOf.set(known);
        }
        return known;
    }
}
