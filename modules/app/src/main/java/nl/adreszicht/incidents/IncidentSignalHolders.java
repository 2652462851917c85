package nl.adreszicht.incidents;

import java.util.Set;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.records.AddressId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The police organisations with an incident at an address, for signal matching. */
@Component
@Transactional(readOnly = true)
class IncidentSignalHolders implements SignalHolders {

    private final JdbcTemplate jdbc;

    IncidentSignalHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT organisation FROM incident WHERE address_id = ?", String.class, address.value()));
    }
}
