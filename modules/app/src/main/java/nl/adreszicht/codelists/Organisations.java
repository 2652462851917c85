package nl.adreszicht.codelists;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names people read for the organisations in tokens and records ({@code veilig-thuis-drenthe} is shown as
 * "Veilig Thuis Drenthe"), from the reference table {@code organisation}. A code that is not listed is shown as it
 * is rather than hidden, so a missing row is visible and not a blank.
 */
@Component
public class Organisations {

    private final JdbcTemplate jdbc;

    /** Names already read; reference data changes only with a deployment, so every replica may keep its own copy. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    Organisations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The display name of the organisation with this code, or the code itself when it is not known. */
    public String displayName(String code) {
        return names.computeIfAbsent(code, this::read);
    }

    /** An organisation as the reference data lists it. */
    public record Organisation(String code, String name, String kind) {}

    /**
     * The organisations of these kinds ({@code politie}, {@code veilig-thuis}, {@code gemeente}, {@code ketenpartner},
     * {@code zvh}), by name: what a form offers to choose from.
     */
    public java.util.List<Organisation> ofKinds(java.util.Collection<String> kinds) {
        return jdbc.query(
                "SELECT code, name, kind FROM organisation WHERE kind = ANY (?) ORDER BY name",
                (row, n) -> new Organisation(row.getString("code"), row.getString("name"), row.getString("kind")),
                (Object) kinds.toArray(String[]::new));
    }

    /** Whether the reference data lists this organisation with one of these kinds. */
    public boolean isOfKind(String code, java.util.Collection<String> kinds) {
        return ofKinds(kinds).stream()
                .anyMatch(organisation -> organisation.code().equals(code));
    }

    private String read(String code) {
        return jdbc.queryForList("SELECT name FROM organisation WHERE code = ?", String.class, code).stream()
                .findFirst()
                .orElse(code);
    }
}
