package nl.adreszicht.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * What Veilig Thuis intake reads of a police zorgmelding, and where it writes its terugkoppeling back: the address,
 * the violence types and the little the colour code weighs, and the officer's concern. Nothing else of the incident
 * (no persons, no summary) leaves this module. The caller logs its own access, as part of its intake.
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
                "SELECT z.id, z.incident_id, i.address_id, z.sent_at, z.concern, i.severity, i.children_present"
                        + " FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE z.id = ?",
                (row, n) -> new Zorgmelding(
                        row.getObject("id", UUID.class),
                        row.getObject("incident_id", UUID.class),
                        new AddressId(row.getObject("address_id", UUID.class)),
                        row.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        row.getString("concern"),
                        new TreeSet<>(jdbc.queryForList(
                                "SELECT code FROM incident_violence_type WHERE incident_id = ?",
                                String.class,
                                row.getObject("incident_id", UUID.class))),
                        Severity.valueOf(row.getString("severity")),
                        row.getBoolean("children_present")),
                zorgmelding);
        return found.stream().findFirst();
    }

    /**
     * Records Veilig Thuis's terugkoppeling: the status code the police see on their incident, nothing more. A later
     * code (the end of VT's involvement after its beoordeling) replaces an earlier one.
     */
    @Transactional
    public void giveFeedback(UUID zorgmelding, String statusCode, Instant at) {
        jdbc.update(
                "UPDATE zorgmelding SET feedback_code = ?, feedback_at = ? WHERE id = ?",
                statusCode,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                zorgmelding);
    }
}
