package nl.adreszicht.signals;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.OwnedObjects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whose municipal record it is, for the access log: the organisation that registered it. */
@Component
class MunicipalRecordOwners implements OwnedObjects {

    private final JdbcTemplate jdbc;

    MunicipalRecordOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return MunicipalRecordRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<Owned> find(String objectId) {
        UUID id;
        try {
            id = UUID.fromString(objectId);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT organisation AS owner, address_id::text AS address_id, registered_at FROM municipal_record WHERE id = ?",
                        (row, n) -> new Owned(
                                row.getString("owner"),
                                row.getString("address_id"),
                                row.getObject("registered_at", OffsetDateTime.class)),
                        id)
                .stream()
                .findFirst();
    }
}
