package nl.adreszicht.veiligthuis;

import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.incidents.ZorgmeldingSent;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts every police zorgmelding in the inbox of the VT region that covers its address, in the sending transaction,
 * so the worklist shows it until intake takes it in. It holds ids and codes only; the content is read at intake.
 */
@Component
class ZorgmeldingInbox {

    private final JdbcTemplate jdbc;
    private final KnownAddresses addresses;
    private final VtRegions regions;
    private final DutchTime time;

    ZorgmeldingInbox(JdbcTemplate jdbc, KnownAddresses addresses, VtRegions regions, DutchTime time) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.regions = regions;
        this.time = time;
    }

    @EventListener
    void on(ZorgmeldingSent sent) {
        String gemeente = addresses
                .gemeenteOf(new AddressId(sent.address()))
                .map(GemeenteCode::value)
                .orElseThrow();
        jdbc.update(
                "INSERT INTO vt_zorgmelding_inbox (zorgmelding_id, address_id, gemeente_code, vt_region, sent_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                sent.zorgmelding(),
                sent.address(),
                gemeente,
                regions.regionOf(gemeente).orElse(null),
                time.nowUtc());
    }
}
