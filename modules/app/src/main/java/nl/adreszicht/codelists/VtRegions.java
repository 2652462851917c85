package nl.adreszicht.codelists;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which Veilig Thuis region covers which gemeente: the radar's scope. A Veilig Thuis professional sees the address
 * history of the gemeenten of the region in their token; beyond it only through break-the-glass.
 */
@Component
public class VtRegions {

    private final JdbcTemplate jdbc;

    VtRegions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code region} covers {@code gemeente}; false for a gemeente no region is known to cover. */
    public boolean covers(String region, String gemeente) {
        return regionOf(gemeente).filter(region::equals).isPresent();
    }

    /** The region that covers {@code gemeente}, if known. */
    public Optional<String> regionOf(String gemeente) {
        return jdbc
                .queryForList(
                        "SELECT region_code FROM vt_region_gemeente WHERE gemeente_code = ?", String.class, gemeente)
                .stream()
                .findFirst();
    }

    /** The region's name as people read it, e.g. "Veilig Thuis Drenthe", if the region is known. */
    public Optional<String> nameOf(String region) {
        return jdbc.queryForList("SELECT name FROM vt_region WHERE code = ?", String.class, region).stream()
                .findFirst();
    }

    /** The gemeenten a region covers, in code order; empty for a region that is not known. */
    public List<String> gemeentenOf(String region) {
        return jdbc.queryForList(
                "SELECT gemeente_code FROM vt_region_gemeente WHERE region_code = ? ORDER BY gemeente_code",
                String.class,
                region);
    }

    /** Every gemeente a region is known to cover, with that region. */
    public Map<String, String> regionPerGemeente() {
        Map<String, String> regions = new java.util.TreeMap<>();
        jdbc.query("SELECT gemeente_code, region_code FROM vt_region_gemeente", row -> {
            regions.put(row.getString(1), row.getString(2));
        });
        return regions;
    }

    /**
     * The regions a police unit serves (its working area, {@code organisation_vt_region}); empty for an organisation
     * that is not a known police unit.
     */
    public List<String> servedBy(String organisation) {
        return jdbc.queryForList(
                "SELECT region_code FROM organisation_vt_region WHERE organisation_code = ? ORDER BY region_code",
                String.class,
                organisation);
    }
}
