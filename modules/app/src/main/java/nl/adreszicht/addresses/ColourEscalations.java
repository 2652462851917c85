package nl.adreszicht.addresses;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the colour of an address went up after a moment another module marked: what a worklist shows as a
 * colour escalation. A module takes a {@link #mark} after its own record was counted and later asks which
 * addresses rose past it. It answers with address ids and opaque marks only, never a colour's reasons or records.
 */
@Component
@Transactional(readOnly = true)
public class ColourEscalations {

    private static final String RANK =
            "CASE %s WHEN 'GREEN' THEN 1 WHEN 'YELLOW' THEN 2 WHEN 'ORANGE' THEN 3 WHEN 'RED' THEN 4 ELSE 0 END";

    private static final String ESCALATED = "SELECT 1 FROM address_colour_history WHERE address_id = ? AND id > ?"
            + " AND " + RANK.formatted("colour") + " > " + RANK.formatted("previous_colour") + " LIMIT 1";

    private final JdbcTemplate jdbc;

    ColourEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The address's latest colour change so far, as an opaque mark (0 when its colour never changed). */
    public long mark(AddressId address) {
        Long mark = jdbc.queryForObject(
                "SELECT coalesce(max(id), 0) FROM address_colour_history WHERE address_id = ?",
                Long.class,
                address.value());
        return mark == null ? 0 : mark;
    }

    /** Of the given addresses, those whose colour went up after the mark given for each. */
    public Set<AddressId> escalatedAfter(Map<AddressId, Long> marks) {
        Set<AddressId> escalated = new HashSet<>();
        marks.forEach((address, mark) -> {
            if (!jdbc.queryForList(ESCALATED, Integer.class, address.value(), mark)
                    .isEmpty()) {
                escalated.add(address);
            }
        });
        return escalated;
    }
}
