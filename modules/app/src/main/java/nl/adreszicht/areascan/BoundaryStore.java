package nl.adreszicht.areascan;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the outlines of CBS areas for the map, for the module {@code registers} (the CBS wijk- en buurtkaart in its
 * published formats). Same table and rules as the GeoJSON import: a code and year loaded again is replaced.
 */
@Component
public class BoundaryStore {

    private final JdbcTemplate jdbc;

    BoundaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One outline.
     *
     * @param code a GM, WK or BU code
     * @param year the year of the CBS division
     * @param label the CBS name
     * @param geometry a GeoJSON Polygon or MultiPolygon in WGS84 (longitude, latitude)
     */
    public record Outline(String code, int year, @Nullable String label, String geometry) {}

    @Transactional
    public void store(List<Outline> outlines) {
        for (Outline outline : outlines) {
            String code = outline.code();
            String level = code.startsWith("GM") ? "gemeente" : code.startsWith("WK") ? "wijk" : "buurt";
            jdbc.update(
                    "INSERT INTO area_boundary (code, area_year, level, gemeente_code, label, geometry)"
                            + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (code, area_year) DO UPDATE SET"
                            + " level = excluded.level, gemeente_code = excluded.gemeente_code,"
                            + " label = excluded.label, geometry = excluded.geometry, synthetic = false,"
                            + " imported_at = now()"
                            + " WHERE (area_boundary.label, area_boundary.geometry, area_boundary.synthetic)"
                            + " IS DISTINCT FROM (excluded.label, excluded.geometry, false)",
                    code,
                    outline.year(),
                    level,
                    "GM" + code.substring(2, 6),
                    outline.label(),
                    outline.geometry());
        }
    }
}
