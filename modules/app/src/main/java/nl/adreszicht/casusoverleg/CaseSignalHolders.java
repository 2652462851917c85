package nl.adreszicht.casusoverleg;

import java.util.Set;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.records.AddressId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A case counts as a signal at its address for signal matching: the Zorg- en Veiligheidshuis that runs (or ran) an
 * accepted case there holds one, so an organisation that records there learns whom to contact.
 */
@Component
class CaseSignalHolders implements SignalHolders {

    private final JdbcTemplate jdbc;

    CaseSignalHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT z.organisation FROM casus c JOIN zvh_region z ON z.code = c.zvh_region"
                        + " WHERE c.address_id = ? AND c.status IN ('lopend', 'gesloten')",
                String.class,
                address.value()));
    }
}
