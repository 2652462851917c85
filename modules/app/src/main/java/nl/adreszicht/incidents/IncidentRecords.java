package nl.adreszicht.incidents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adreszicht.audit.OwnedObjects;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The police incidents as the other modules see them, each through the interface it asks with: the colour code (what
 * its rules read), the radar (the police's part of an address's history, with the zorgmeldingen sent), signal matching
 * (which police organisations hold a signal at an address) and the access log (whose incident it is). Every
 * organisation's incidents count; their content stays with the organisation that recorded it, and only Veilig Thuis
 * reads the history.
 */
@Component
@Transactional(readOnly = true)
class IncidentRecords implements ColourRecordSource, AddressHistorySource, SignalHolders, OwnedObjects {

    /** Before every id: where the verifier's paging starts. */
    private final Incidents incidents;

    private final JdbcClient jdbc;
    private final OwnedObjects.RecordTable owned;

    IncidentRecords(Incidents incidents, JdbcClient jdbc) {
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.owned = new OwnedObjects.RecordTable(jdbc, "incident", "organisation");
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        return incidents.findByAddress(address).stream()
                .map(incident -> new ColourRecord(
                        incident.id().toString(),
                        RecordSource.POLITIE_INCIDENT,
                        incident.occurred().toLocalDate(),
                        incident.severity(),
                        incident.childrenPresent(),
                        incident.huisverbodImposed(),
                        incident.huisverbodBroken(),
                        false,
                        incident.persons().stream()
                                .map(Incident.Person::personKey)
                                .collect(Collectors.toSet()),
                        incident.organisation()))
                .toList();
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (Incident incident : incidents.findByAddress(address)) {
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
        entries.addAll(jdbc.sql("SELECT z.id, z.organisation, z.concern, z.sent_at, z.feedback_code,"
                        + " i.registration_number FROM zorgmelding z JOIN incident i ON i.id = z.incident_id"
                        + " WHERE i.address_id = ?")
                .param(address.value())
                .query((row, n) -> new HistoryEntry(
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
                                                        row.getString("feedback_code")))))
                .list());
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

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT organisation FROM incident WHERE address_id = ?")
                .param(address.value())
                .query(String.class)
                .list());
    }

    @Override
    public String objectType() {
        return IncidentRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<Owned> find(String objectId) {
        return owned.find(objectId);
    }

    @Override
    public List<String> idsAfter(@Nullable String after, int limit) {
        return owned.idsAfter(after, limit);
    }
}
