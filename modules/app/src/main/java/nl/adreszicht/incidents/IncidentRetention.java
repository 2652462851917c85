package nl.adreszicht.incidents;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Police incidents as retention sees them: who owns one and where, and deleting one with its persons and violence
 * types (the child tables cascade). The anonymous tally of the area scan is left alone.
 */
@Component
class IncidentRetention implements RetentionSource {

    private final JdbcTemplate jdbc;

    IncidentRetention(JdbcTemplate jdbc) {
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
        return id(recordId)
                .flatMap(id -> jdbc
                        .query(
                                // Who worked on it: who registered it and who sent its zorgmelding.
                                "SELECT organisation, address_id, array_remove(ARRAY[registered_by,"
                                        + " (SELECT sent_by FROM zorgmelding z WHERE z.incident_id = i.id)], NULL)"
                                        + " AS worked_on_by FROM incident i WHERE id = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        null,
                                        new AddressId(row.getObject("address_id", UUID.class)),
                                        Set.copyOf(Arrays.asList((String[])
                                                row.getArray("worked_on_by").getArray()))),
                                id)
                        .stream()
                        .findFirst());
    }

    @Override
    public void delete(String recordId) {
        id(recordId).ifPresent(id -> jdbc.update("DELETE FROM incident WHERE id = ?", id));
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
