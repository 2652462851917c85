package nl.adreszicht.casusoverleg;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The regions of the Zorg- en Veiligheidshuizen ({@code zvh_region}): which gemeenten each covers (the scope of its
 * procesregisseur) and which organisation runs it (the controller of its cases' data, whom signal matching names).
 */
@Component
class ZvhRegions {

    private final JdbcTemplate jdbc;

    ZvhRegions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The region that covers this gemeente, if any. */
    Optional<String> regionOf(String gemeente) {
        return jdbc
                .queryForList(
                        "SELECT region_code FROM zvh_region_gemeente WHERE gemeente_code = ?", String.class, gemeente)
                .stream()
                .findFirst();
    }

    /** The gemeenten of a region, by code. */
    List<String> gemeentenOf(String region) {
        return jdbc.queryForList(
                "SELECT gemeente_code FROM zvh_region_gemeente WHERE region_code = ? ORDER BY gemeente_code",
                String.class,
                region);
    }

    /** The gemeenten of a region with their names, by name: what a planning form offers. */
    java.util.Map<String, String> namedGemeentenOf(String region) {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        jdbc.query(
                "SELECT gemeente_code, gemeente_name FROM zvh_region_gemeente WHERE region_code = ?"
                        + " ORDER BY gemeente_name",
                row -> {
                    named.put(row.getString(1), row.getString(2));
                },
                region);
        return named;
    }

    /** The name of a gemeente the regions cover, or its code. */
    String gemeenteName(String code) {
        return jdbc
                .queryForList(
                        "SELECT gemeente_name FROM zvh_region_gemeente WHERE gemeente_code = ?", String.class, code)
                .stream()
                .findFirst()
                .orElse(code);
    }

    /** The organisation that runs the region's house, e.g. {@code zvh-drenthe}. */
    Optional<String> organisationOf(String region) {
        return jdbc.queryForList("SELECT organisation FROM zvh_region WHERE code = ?", String.class, region).stream()
                .findFirst();
    }

    /** The house's name, e.g. "Zorg- en Veiligheidshuis Drenthe". */
    Optional<String> nameOf(String region) {
        return jdbc.queryForList("SELECT name FROM zvh_region WHERE code = ?", String.class, region).stream()
                .findFirst();
    }
}
