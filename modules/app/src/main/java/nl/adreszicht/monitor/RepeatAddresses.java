package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The repeat marker of addresses: how many repeats (recidive rules, over the records of every agency) an address had
 * within the window up to its last computation, for a worklist or an address card. Not logged here: the caller shows
 * it beside the address it already reads (and logs).
 */
@Component
public class RepeatAddresses {

    private final JdbcTemplate jdbc;

    RepeatAddresses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The marker of one address.
     *
     * @param repeats the repeats within the window (0 when none)
     * @param rulesVersion the recidive rules version it was computed with
     * @param lastEvent the day of the last record that counts
     */
    public record Repeat(
            int repeats, String rulesVersion, @Nullable LocalDate lastEvent) {}

    /** The marker of an address with records; empty when it has none. */
    public Optional<Repeat> of(AddressId address) {
        return jdbc
                .query(
                        "SELECT repeats, rules_version, last_event_on FROM monitor_address WHERE address_id = ?",
                        (row, n) -> new Repeat(row.getInt(1), row.getString(2), row.getObject(3, LocalDate.class)),
                        address.value())
                .stream()
                .findFirst();
    }

    /** The repeats of each of these addresses that has any, in one statement. */
    public Map<AddressId, Integer> repeatsAt(Collection<AddressId> addresses) {
        Map<AddressId, Integer> repeats = new HashMap<>();
        if (addresses.isEmpty()) {
            return repeats;
        }
        jdbc.query(
                "SELECT address_id, repeats FROM monitor_address WHERE address_id = ANY(?::uuid[]) AND repeats > 0",
                row -> {
                    repeats.put(new AddressId(row.getObject(1, UUID.class)), row.getInt(2));
                },
                "{"
                        + String.join(
                                ",", addresses.stream().map(AddressId::toString).toList()) + "}");
        return repeats;
    }
}
