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

    /**
     * The name of the area with this code; an area merged with others to reach the minimum size ({@code BU01180701+})
     * is named after the area it is built on. Null when it has none.
     */
    static @org.jspecify.annotations.Nullable String nameOf(String code, Map<String, String> names) {
        String name = names.get(code);
        if (name == null && code.endsWith("+")) {
            name = names.get(code.substring(0, code.length() - 1));
        }
        return name;
    }

    /** "Hoogeveen (GM0118)", or the code alone when the area has no name. */
    static String display(String code, Map<String, String> names) {
        String name = nameOf(code, names);
        return name == null ? code : name + " (" + code + ")";
    }

    /** The names of the areas a scan shows, merged areas included, by the code the scan gives them. */
    static Map<String, String> of(Gebiedsscan scan, Map<String, String> names) {
        Map<String, String> shown = new HashMap<>(names);
        for (Gebiedsscan.Gebied area : scan.gebieden()) {
            String name = nameOf(area.code(), names);
            if (name != null) {
                shown.put(area.code(), name);
            }
        }
        return shown;
    }
}
