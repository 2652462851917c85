package nl.adreszicht.addresses;

import java.util.List;
import java.util.UUID;
import nl.adreszicht.audit.ObjectAliases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ids an address had before it got a random one (migration {@code addresses-006-random-address-ids}): the access
 * log is never rewritten, so its entries from before still name the former id.
 */
@Component
class FormerAddressIds implements ObjectAliases {

    private final JdbcTemplate jdbc;

    FormerAddressIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> aliasesOf(String objectId) {
        UUID id;
        try {
            id = UUID.fromString(objectId);
        } catch (IllegalArgumentException notAnAddressId) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT former_id::text FROM address_former_id WHERE address_id = ?", String.class, id);
    }
}
