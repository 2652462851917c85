package nl.adreszicht.addresses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The address register: reads by id and by designation, each one index probe. */
@Repository
class Addresses {

    static final String COLUMNS =
            "SELECT id, nummeraanduiding_id, postcode, huisnummer, huisletter, toevoeging, straat,"
                    + " woonplaats, gemeente_code, wijk_code, buurt_code, area_year, synthetic FROM address";

    /**
     * One probe of the unique designation index (its expressions and condition are matched exactly): only addresses
     * that have not ended, so an address the BAG ended is not found for a new registration.
     */
    static final String BY_DESIGNATION = COLUMNS + " WHERE postcode = ? AND huisnummer = ?"
            + " AND coalesce(huisletter, '') = ? AND coalesce(toevoeging, '') = ? AND ended_on IS NULL";

    private final JdbcClient jdbc;

    Addresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Address> findById(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?")
                .param(id)
                .query(Addresses::address)
                .optional();
    }

    /** The addresses with these ids, in one statement; ids the register does not hold are left out. */
    java.util.List<Address> findByIdIn(java.util.Collection<UUID> ids) {
        return jdbc.sql(COLUMNS + " WHERE id = ANY (?)")
                .param(ids.toArray(UUID[]::new))
                .query(Addresses::address)
                .list();
    }

    Optional<Address> find(Postcode postcode, HouseNumber number) {
        return jdbc.sql(BY_DESIGNATION)
                .param(postcode.value())
                .param(number.number())
                .param(number.letter() == null ? "" : number.letter())
                .param(number.addition() == null ? "" : number.addition())
                .query(Addresses::address)
                .optional();
    }

    private static Address address(ResultSet row, int n) throws SQLException {
        int areaYear = row.getInt("area_year");
        return new Address(
                new AddressId(row.getObject("id", UUID.class)),
                new Postcode(row.getString("postcode")),
                new HouseNumber(row.getInt("huisnummer"), row.getString("huisletter"), row.getString("toevoeging")),
                row.getString("nummeraanduiding_id"),
                row.getString("straat"),
                row.getString("woonplaats"),
                row.getString("gemeente_code"),
                row.getString("wijk_code"),
                row.getString("buurt_code"),
                row.wasNull() ? null : (short) areaYear,
                row.getBoolean("synthetic"));
    }
}
