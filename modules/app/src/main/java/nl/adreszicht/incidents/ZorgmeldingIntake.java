package nl.adreszicht.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Veilig Thuis intake reads of a police zorgmelding: the address, the violence types and the little the colour
 * code weighs, and the officer's concern. Nothing else of the incident (no persons, no summary) leaves this module.
 * The caller logs its own access, as part of its intake. Veilig Thuis's terugkoppeling comes back as an event
 * ({@code records.TerugkoppelingGegeven}, {@link ZorgmeldingFeedback}), not through a call into this module.
 */
@Component
public class ZorgmeldingIntake {

    private final JdbcTemplate jdbc;

    ZorgmeldingIntake(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A zorgmelding as intake takes it in.
     *
     * @param id the zorgmelding's id
     * @param incident the incident it is about
     * @param address the incident's address
     * @param sentAt when the officer sent it
     * @param concern why the officer is worried
     * @param violenceTypes the incident's violence type codes
     * @param severity the incident's severity
     * @param childrenPresent whether children were present or witnessed it
     */
    public record Zorgmelding(
            UUID id,
            UUID incident,
            AddressId address,
            Instant sentAt,
            String concern,
            Set<String> violenceTypes,
            Severity severity,
            boolean childrenPresent) {}

    /** The zorgmelding with this id, if any. */
    @Transactional(readOnly = true)
    public Optional<Zorgmelding> find(UUID zorgmelding) {
        List<Zorgmelding> found = jdbc.query(
                "SELECT z.id, z.incident_id, i.address_id, z.sent_at, z.concern, i.severity, i.children_present,"
                        + " ARRAY(SELECT v.code FROM incident_violence_type v WHERE v.incident_id = i.id)"
                        + " AS violence_types FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE z.id = ?",
                (row, n) -> new Zorgmelding(
                        row.getObject("id", UUID.class),
                        row.getObject("incident_id", UUID.class),
                        new AddressId(row.getObject("address_id", UUID.class)),
                        row.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        row.getString("concern"),
                        new TreeSet<>(Arrays.asList(
                                (String[]) row.getArray("violence_types").getArray())),
                        Severity.valueOf(row.getString("severity")),
                        row.getBoolean("children_present")),
                zorgmelding);
        return found.stream().findFirst();
    }
}
