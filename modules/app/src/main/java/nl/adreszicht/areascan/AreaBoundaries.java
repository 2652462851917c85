package nl.adreszicht.areascan;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored boundaries of CBS areas: public geography, read per gemeente for the map. */
@Component
class AreaBoundaries {

    static final String BUURTEN = "SELECT code, geometry::text FROM area_boundary"
            + " WHERE gemeente_code = ? AND level = 'buurt' AND area_year = (SELECT max(area_year) FROM area_boundary"
            + " WHERE gemeente_code = ? AND level = 'buurt') ORDER BY code";

    private final JdbcTemplate jdbc;

    AreaBoundaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A buurt's outline as a GeoJSON geometry in WGS84. */
    record Boundary(String code, String geometry) {}

    /** The buurten of the gemeente in its latest imported division. */
    @Transactional(readOnly = true)
    List<Boundary> buurten(String gemeente) {
        return jdbc.query(BUURTEN, (row, n) -> new Boundary(row.getString(1), row.getString(2)), gemeente, gemeente);
    }
}
