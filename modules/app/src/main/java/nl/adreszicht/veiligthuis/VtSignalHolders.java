package nl.adreszicht.veiligthuis;

import java.util.Set;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.records.AddressId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Veilig Thuis organisations with a melding or advies at an address, for signal matching: a record stored before
 * records carried their organisation counts for the organisation of its region.
 */
@Component
@Transactional(readOnly = true)
class VtSignalHolders implements SignalHolders {

    private final JdbcTemplate jdbc;

    VtSignalHolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT DISTINCT coalesce(m.organisation, r.name, m.vt_region) FROM vt_melding m"
                        + " LEFT JOIN vt_region r ON r.code = m.vt_region WHERE m.address_id = ?",
                String.class,
                address.value()));
    }
}
