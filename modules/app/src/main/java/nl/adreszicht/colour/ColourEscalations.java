package nl.adreszicht.colour;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
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

    /** An address with a mark taken for it; one address may come with several marks. */
    public record Since(AddressId address, long mark) {}

    /**
     * Of the given address-and-mark pairs, those whose address's colour went up after that mark: one statement for
     * all of them (a worklist asks for every open case at once), each pair an index probe on the colour history.
     */
    public Set<Since> escalatedSince(Collection<Since> pairs) {
        if (pairs.isEmpty()) {
            return Set.of();
        }
        UUID[] addresses = new UUID[pairs.size()];
        Long[] marks = new Long[pairs.size()];
        int i = 0;
        for (Since since : pairs) {
            addresses[i] = since.address().value();
            marks[i++] = since.mark();
        }
        Set<Since> escalated = new HashSet<>();
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(ESCALATED_SINCE);
                    statement.setArray(1, connection.createArrayOf("uuid", addresses));
                    statement.setArray(2, connection.createArrayOf("bigint", marks));
                    return statement;
                },
                row -> {
                    escalated.add(new Since(new AddressId(row.getObject(1, UUID.class)), row.getLong(2)));
                });
        return escalated;
    }

    static final String ESCALATED_SINCE =
            "SELECT p.address_id, p.mark FROM unnest(?::uuid[], ?::bigint[]) AS p (address_id, mark)"
                    + " WHERE EXISTS (SELECT 1 FROM address_colour_history h WHERE h.address_id = p.address_id AND h.id > p.mark"
                    + " AND " + RANK.formatted("h.colour") + " > " + RANK.formatted("h.previous_colour") + ")";
}
