package nl.adreszicht.areascan;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names people know the CBS areas of a gemeente by (the gemeente, its wijken and buurten), from the labels of the
 * imported boundaries, each code's latest year. The scan itself speaks in codes, which stay beside the names: a code is
 * what the CBS publishes figures under, a name is what a reader recognises.
 */
@Component
class AreaNames {

    static final String NAMES = "SELECT DISTINCT ON (code) code, label FROM area_boundary"
            + " WHERE gemeente_code = ? AND label IS NOT NULL ORDER BY code, area_year DESC";

    private final JdbcTemplate jdbc;

    AreaNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Code to name for the gemeente and every wijk and buurt in it that has one; a code without a name is absent. */
    @Transactional(readOnly = true)
    Map<String, String> in(String gemeente) {
        Map<String, String> names = new HashMap<>();
        jdbc.query(
                NAMES,
                row -> {
                    names.put(row.getString("code"), row.getString("label"));
                },
                gemeente);
        return names;
    }

    /** "Hoogeveen (GM0118)", or the code alone when the area has no name. */
    static String display(String code, Map<String, String> names) {
        String name = names.get(code);
        return name == null ? code : name + " (" + code + ")";
    }
}
