package nl.adreszicht.addresses;

import java.util.List;
import nl.adreszicht.audit.AddressLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The privacy officer's search of the access log by postcode and house number: the ids under which the log names the
 * addresses there (their current and former ids). Reads only ids, no address text leaves the register.
 */
@Component
class AddressIdsForTheAccessLog implements AddressLookup {

    private final JdbcTemplate jdbc;

    AddressIdsForTheAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> idsAt(String postcode, String huisnummer) {
        Postcode code = Postcode.parse(postcode);
        int number = HouseNumber.parse(huisnummer.strip()).number();
        return jdbc.queryForList(
                "SELECT a.id::text FROM address a WHERE a.postcode = ? AND a.huisnummer = ?"
                        + " UNION SELECT f.former_id::text FROM address_former_id f JOIN address a ON a.id = f.address_id"
                        + " WHERE a.postcode = ? AND a.huisnummer = ?",
                String.class,
                code.value(),
                number,
                code.value(),
                number);
    }
}
