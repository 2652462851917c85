package nl.adreszicht.incidents;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
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

    @Override
    public void delete(String recordId) {
        IncidentRegister.id(recordId)
                .ifPresent(id ->
                        jdbc.sql("DELETE FROM incident WHERE id = ?").param(id).update());
    }
}
