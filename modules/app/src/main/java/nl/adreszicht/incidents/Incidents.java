package nl.adreszicht.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.records.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The police incidents, stored and read as whole aggregates: an incident with its violence types in one statement and
 * the betrokkenen of all incidents read in a second, however many incidents an address has (no statement per
 * incident). Reads for a professional always name their organisation: scope is in the query.
 */
@Repository
class Incidents {

    /** An incident with its violence types (index incident_address for an address, the key otherwise). */
    static final String INCIDENTS =
            "SELECT i.id, i.organisation, i.registration_number, i.occurred_at, i.occurred_zone,"
                    + " i.address_id, i.severity, i.children_present, i.injury, i.weapon, i.alcohol_drugs, i.aangifte,"
                    + " i.huisverbod_imposed, i.huisverbod_broken, i.zorgmelding, i.summary, i.content_hash, i.registered_by,"
                    + " i.registered_at, ARRAY(SELECT v.code FROM incident_violence_type v WHERE v.incident_id = i.id)"
                    + " AS violence_types FROM incident i";

    /** The betrokkenen of some incidents, in the order each registration listed them (index incident_person_incident). */
    static final String PERSONS = "SELECT incident_id, id, role, relation, name, birth_date, bsn FROM incident_person"
            + " WHERE incident_id = ANY (?::uuid[]) ORDER BY incident_id, position";

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new incident with its violence types and betrokkenen, unless its organisation has an incident under
     * its registration number already (also one stored by a parallel request a moment ago: the insert waits for it).
     *
     * @return whether it was stored; false leaves the database as it was
     */
    boolean insert(Incident incident) {
        // A new record at the address: what this transaction read there is not what it holds now.
        AddressReads.forget(incident.address());
        int stored = jdbc.sql("INSERT INTO incident (id, organisation, registration_number, occurred_at, occurred_zone,"
                        + " address_id, severity, children_present, injury, weapon, alcohol_drugs, aangifte,"
                        + " huisverbod_imposed, huisverbod_broken, zorgmelding, summary, content_hash, registered_by,"
                        + " registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT ON CONSTRAINT incident_registration_number_unique DO NOTHING")
                .params(
                        incident.id(),
                        incident.organisation(),
                        incident.registrationNumber(),
                        OffsetDateTime.ofInstant(incident.occurredAt(), ZoneOffset.UTC),
                        incident.zone().getId(),
                        incident.address().value(),
                        incident.severity().name(),
                        incident.childrenPresent(),
                        incident.injury(),
                        incident.weapon(),
                        incident.alcoholDrugs(),
                        incident.aangifte(),
                        incident.huisverbodImposed(),
                        incident.huisverbodBroken(),
                        incident.zorgmelding(),
                        incident.summary(),
                        incident.contentHash(),
                        incident.registeredBy(),
                        OffsetDateTime.ofInstant(incident.registeredAt(), ZoneOffset.UTC))
                .update();
        if (stored == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO incident_violence_type (incident_id, code) SELECT ?, unnest(?::text[])")
                .params(incident.id(), incident.violenceTypes().toArray(String[]::new))
                .update();
        List<Incident.Person> persons = incident.persons();
        if (!persons.isEmpty()) {
            jdbc.sql("INSERT INTO incident_person (id, incident_id, position, role, relation, name, birth_date, bsn)"
                            + " SELECT p.id::uuid, ?, p.position - 1, p.role, p.relation, p.name, p.birth_date::date,"
                            + " p.bsn FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                            + " WITH ORDINALITY AS p (id, role, relation, name, birth_date, bsn, position)")
                    .params(
                            incident.id(),
                            column(persons, person -> person.id().toString()),
                            column(persons, Incident.Person::role),
                            column(persons, Incident.Person::relation),
                            column(persons, Incident.Person::name),
                            column(
                                    persons,
                                    person -> person.birthDate() == null
                                            ? null
                                            : person.birthDate().toString()),
                            column(persons, Incident.Person::bsn))
                    .update();
        }
        return true;
    }

    Optional<Incident> findByIdAndOrganisation(UUID id, String organisation) {
        return one(INCIDENTS + " WHERE i.id = ? AND i.organisation = ?", id, organisation);
    }

    Optional<Incident> findByOrganisationAndRegistrationNumber(String organisation, String registrationNumber) {
        return one(
                INCIDENTS + " WHERE i.organisation = ? AND i.registration_number = ?",
                organisation,
                registrationNumber);
    }

    /**
     * Every organisation's incidents at an address, in two statements: for the colour code, the monitor and the radar.
     * Read once per transaction ({@link AddressReads}): the colour recompute and the recidive reconcile of a
     * registration share the read.
     */
    List<Incident> findByAddress(AddressId address) {
        return AddressReads.at(
                address,
                "incidents.atAddress",
                () -> withPersons(jdbc.sql(INCIDENTS + " WHERE i.address_id = ?")
                        .param(address.value())
                        .query(Incidents::incident)
                        .list()));
    }

    private Optional<Incident> one(String sql, Object... params) {
        return withPersons(
                        jdbc.sql(sql).params(params).query(Incidents::incident).list())
                .stream()
                .findFirst();
    }

    /** The incidents with their betrokkenen, read in one statement for all of them. */
    private List<Incident> withPersons(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return incidents;
        }
        Map<UUID, List<Incident.Person>> persons = new HashMap<>();
        jdbc.sql(PERSONS)
                .param(incidents.stream()
                        .map(incident -> incident.id().toString())
                        .toArray(String[]::new))
                .query(row -> {
                    persons.computeIfAbsent(row.getObject("incident_id", UUID.class), k -> new ArrayList<>())
                            .add(new Incident.Person(
                                    row.getObject("id", UUID.class),
                                    row.getString("role"),
                                    row.getString("relation"),
                                    row.getString("name"),
                                    row.getObject("birth_date", LocalDate.class),
                                    row.getString("bsn")));
                });
        return incidents.stream()
                .map(incident -> incident.withPersons(persons.getOrDefault(incident.id(), List.of())))
                .toList();
    }

    private static Incident incident(ResultSet row, int n) throws SQLException {
        return new Incident(
                row.getObject("id", UUID.class),
                row.getString("organisation"),
                row.getString("registration_number"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                ZoneId.of(row.getString("occurred_zone")),
                new AddressId(row.getObject("address_id", UUID.class)),
                Severity.valueOf(row.getString("severity")),
                row.getBoolean("children_present"),
                row.getBoolean("injury"),
                row.getBoolean("weapon"),
                row.getBoolean("alcohol_drugs"),
                row.getBoolean("aangifte"),
                row.getBoolean("huisverbod_imposed"),
                row.getBoolean("huisverbod_broken"),
                row.getBoolean("zorgmelding"),
                row.getString("summary"),
                row.getString("content_hash"),
                row.getString("registered_by"),
                row.getObject("registered_at", OffsetDateTime.class).toInstant(),
                new TreeSet<>(
                        Arrays.asList((String[]) row.getArray("violence_types").getArray())),
                List.of());
    }

    private static String[] column(
            List<Incident.Person> persons, java.util.function.Function<Incident.Person, String> value) {
        return persons.stream().map(value).toArray(String[]::new);
    }
}
