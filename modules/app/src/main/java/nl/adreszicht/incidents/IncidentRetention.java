package nl.adreszicht.incidents;

import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.addresses.AddressId;
import nl.adreszicht.addresses.RecordSource;
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
                                "SELECT organisation, address_id FROM incident WHERE id = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        new AddressId(row.getObject("address_id", UUID.class))),
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
