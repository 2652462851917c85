package nl.adreszicht.codelists;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names people read for gemeenten ({@code GM0118} is shown as "Hoogeveen"), from the reference table
 * {@code gemeente}. A code that is not listed is shown as it is, so a missing row is visible and not a blank.
 */
@Component
public class Gemeenten {

    private final JdbcTemplate jdbc;

    /** Names already read; reference data changes only with a deployment, so every replica may keep its own copy. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Gemeenten(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of the gemeente with this CBS code, or the code itself when it is not known. */
    public String nameOf(String code) {
        return names.computeIfAbsent(code, this::read);
    }

    private String read(String code) {
        return jdbc.queryForList("SELECT name FROM gemeente WHERE code = ?", String.class, code).stream()
                .findFirst()
                .orElse(code);
    }
}
