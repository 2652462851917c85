package nl.adreszicht.incidents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police's part of an address's history: every organisation's incidents there, with their betrokkenen, and
 * the zorgmeldingen sent about them. Read only by Veilig Thuis, whose task the full picture is.
 */
@Component
@Transactional(readOnly = true)
class IncidentHistory implements AddressHistorySource {

    private final Incidents incidents;
    private final JdbcTemplate jdbc;

    IncidentHistory(Incidents incidents, JdbcTemplate jdbc) {
        this.incidents = incidents;
        this.jdbc = jdbc;
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Incident incident : incidents.findByAddressId(address.value())) {
            entries.add(new HistoryEntry(
                            incident.id().toString(),
                            HistoryEntry.Type.POLITIE_INCIDENT,
                            incident.occurred().toOffsetDateTime(),
                            incident.organisation(),
                            summary(incident),
                            incident.summary(),
                            incident.severity(),
                            incident.childrenPresent(),
                            List.copyOf(incident.violenceTypes()),
                            incident.persons().stream()
                                    .map(person -> new HistoryEntry.Person(
                                            person.personKey(),
                                            person.name(),
                                            person.birthDate(),
                                            person.role(),
                                            person.relation()))
                                    .toList())
                    .saying(sentence(incident)));
        }
        entries.addAll(jdbc.query(
                "SELECT z.id, z.organisation, z.concern, z.sent_at, z.feedback_code, i.registration_number"
                        + " FROM zorgmelding z JOIN incident i ON i.id = z.incident_id WHERE i.address_id = ?",
                (row, n) -> new HistoryEntry(
                                row.getObject("id", UUID.class).toString(),
                                HistoryEntry.Type.ZORGMELDING,
                                row.getObject("sent_at", OffsetDateTime.class),
                                row.getString("organisation"),
                                "Zorgmelding over incident " + row.getString("registration_number")
                                        + (row.getString("feedback_code") == null
                                                ? ""
                                                : ", terugkoppeling " + row.getString("feedback_code")),
                                row.getString("concern"),
                                null,
                                null,
                                List.of(),
                                List.of())
                        .saying(
                                row.getString("feedback_code") == null
                                        ? Sentence.of("historie.zin.zorgmelding", row.getString("registration_number"))
                                        : Sentence.of(
                                                "historie.zin.zorgmelding.terugkoppeling",
                                                row.getString("registration_number"),
                                                row.getString("feedback_code"),
                                                Sentence.label(
                                                        "statuscode." + row.getString("feedback_code"),
                                                        row.getString("feedback_code")))),
                address.value()));
        return entries;
    }

    /** The summary in the reader's language (issue 12): the same facts as {@link #summary}. */
    private static Sentence sentence(Incident incident) {
        return Sentence.of(
                        "historie.zin.incident",
                        incident.registrationNumber(),
                        incident.severity().name())
                .withFact(incident.childrenPresent(), "kinderen")
                .withFact(incident.injury(), "letsel")
                .withFact(incident.weapon(), "wapen")
                .withFact(incident.huisverbodImposed(), "huisverbodOpgelegd")
                .withFact(incident.huisverbodBroken(), "huisverbodOvertreden");
    }

    private static String summary(Incident incident) {
        List<String> facts = new ArrayList<>();
        facts.add("Incident " + incident.registrationNumber() + ", ernst " + incident.severity());
        if (incident.childrenPresent()) {
            facts.add("kinderen aanwezig");
        }
        if (incident.injury()) {
            facts.add("letsel");
        }
        if (incident.weapon()) {
            facts.add("wapen");
        }
        if (incident.huisverbodImposed()) {
            facts.add("huisverbod opgelegd");
        }
        if (incident.huisverbodBroken()) {
            facts.add("huisverbod overtreden");
        }
        return String.join(", ", facts);
    }
}
