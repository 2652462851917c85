package nl.adreszicht.veiligthuis;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.audit.OwnedObjects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whose melding or advies it is, for the access log: the Veilig Thuis organisation that took it in (its region for one taken in before meldingen carried their organisation). */
@Component
class MeldingOwners implements OwnedObjects {

    private final JdbcTemplate jdbc;

    MeldingOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String objectType() {
        return Meldingen.OBJECT_TYPE;
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
                        "SELECT coalesce(organisation, vt_region) AS owner, address_id::text AS address_id, registered_at FROM vt_melding WHERE id = ?",
                        (row, n) -> new Owned(
                                row.getString("owner"),
                                row.getString("address_id"),
                                row.getObject("registered_at", OffsetDateTime.class)),
                        id)
                .stream()
                .findFirst();
    }
}
