package nl.adreszicht.incidents;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.PersonQuery;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import nl.adreszicht.retention.SubjectRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Police incidents as retention sees them: who owns one and where, who worked on it (who registered it and who sent
 * its zorgmelding), the birth dates of its children for the family rule, and deleting one with its persons,
 * violence types and zorgmelding (the child tables cascade). The anonymous tally of the area scan is left alone.
 */
@Component
class IncidentRetention implements RetentionSource {

    private final JdbcClient jdbc;

    IncidentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordSource source() {
        return RecordSource.POLITIE_INCIDENT;
    }

    @Override
    public String objectType() {
        return IncidentRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return IncidentRegister.id(recordId)
                .flatMap(id -> jdbc.sql("SELECT organisation, address_id, array_remove(ARRAY[registered_by,"
                                + " (SELECT sent_by FROM zorgmelding z WHERE z.incident_id = i.id)], NULL)"
                                + " FROM incident i WHERE id = ?")
                        .param(id)
                        .query((row, n) -> new StoredRecord(
                                row.getString(1),
                                null,
                                new AddressId(row.getObject(2, UUID.class)),
                                Set.copyOf(
                                        Arrays.asList((String[]) row.getArray(3).getArray()))))
                        .optional());
    }

    @Override
    public List<LocalDate> childBirthDates(String recordId) {
        return IncidentRegister.id(recordId)
                .map(id -> jdbc.sql("SELECT birth_date FROM incident_person WHERE incident_id = ? AND role = 'kind'"
                                + " AND birth_date IS NOT NULL")
                        .param(id)
                        .query(LocalDate.class)
                        .list())
                .orElse(List.of());
    }

    /** The incidents in which the person is a betrokkene: content and parties in two statements. */
    @Override
    public List<SubjectRecord> concerning(PersonQuery person) {
        String match =
                person.byBsn() ? "p.bsn = ?" : "lower(p.name) = lower(?) AND p.birth_date = ? AND i.address_id = ?";
        List<Object> params = person.byBsn()
                ? List.of(person.bsn())
                : List.of(person.name(), person.birthDate(), person.address().value());
        record Found(UUID id, String number, String organisation, java.time.OffsetDateTime at, String severity) {}
        List<Found> found = jdbc.sql("SELECT i.id, i.registration_number, i.organisation, i.occurred_at, i.severity"
                        + " FROM incident i WHERE EXISTS (SELECT 1 FROM incident_person p WHERE p.incident_id = i.id"
                        + " AND " + match + ") ORDER BY i.occurred_at")
                .params(params)
                .query((row, n) -> new Found(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getString(3),
                        row.getObject(4, java.time.OffsetDateTime.class),
                        row.getString(5)))
                .list();
        if (found.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, List<SubjectRecord.Party>> parties = new java.util.HashMap<>();
        List<Object> partyParams = new java.util.ArrayList<>(params);
        partyParams.add(0, found.stream().map(Found::id).toArray(UUID[]::new));
        jdbc.sql("SELECT p.incident_id, p.role, p.name, p.birth_date, (" + match + ") AS subject FROM incident_person p"
                        + " JOIN incident i ON i.id = p.incident_id WHERE p.incident_id = ANY (?) ORDER BY p.position")
                .params(reorder(partyParams, params.size()))
                .query((row, n) -> parties.computeIfAbsent(
                                row.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                        .add(new SubjectRecord.Party(
                                row.getString(2),
                                row.getString(3),
                                row.getObject(4, LocalDate.class),
                                row.getBoolean(5))))
                .list();
        return found.stream()
                .map(f -> new SubjectRecord(
                        RecordSource.POLITIE_INCIDENT,
                        f.id().toString(),
                        f.organisation(),
                        f.at(),
                        "Incident politie " + f.number(),
                        List.of(
                                new SubjectRecord.Field("Registratienummer", f.number()),
                                new SubjectRecord.Field("Ernst", f.severity())),
                        parties.getOrDefault(f.id(), List.of())))
                .toList();
    }

    /** The match's parameters come first in the statement (in the select list), then the ids. */
    private static List<Object> reorder(List<Object> idsThenMatch, int matchSize) {
        List<Object> reordered = new java.util.ArrayList<>(idsThenMatch.subList(1, 1 + matchSize));
        reordered.add(idsThenMatch.get(0));
        return reordered;
    }

    @Override
    public void delete(String recordId) {
        IncidentRegister.id(recordId)
                .ifPresent(id ->
                        jdbc.sql("DELETE FROM incident WHERE id = ?").param(id).update());
    }
}
