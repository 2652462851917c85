package nl.adreszicht.areascan;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The number of addresses per gemeente, kept as addresses are imported ({@code gemeente_address_count}): public
 * register figures, the denominator of a rate per 1,000 addresses and what says which gemeenten take part. A gemeente
 * without addresses is not listed.
 */
@Component
public class AddressCounts {

    private final JdbcTemplate jdbc;

    AddressCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Addresses per gemeente code, for every gemeente with at least one. */
    public Map<String, Long> perGemeente() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT gemeente_code, addresses FROM gemeente_address_count WHERE addresses > 0", row -> {
            counts.put(row.getString(1).trim(), row.getLong(2));
        });
        return counts;
    }
}
