package nl.adreszicht.colour;

import java.util.List;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.codelists.VtRegions;
import nl.adreszicht.radar.BreakTheGlassGrants;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.NotFoundException;
import nl.adreszicht.records.RefusedException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import org.springframework.stereotype.Service;

/**
 * Veilig Thuis's own-region scope for work on an address (the matrix's {@code own VT region}): the VT region in the
 * professional's token must cover the address's gemeente, or the professional must hold a break-the-glass grant for
 * the address. Decided in the service from the token and the stored grants, like the radar; a refusal is logged.
 */
@Service
class VtRegionAccess {

    private final KnownAddresses addresses;
    private final VtRegions regions;
    private final List<BreakTheGlassGrants> grants;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    VtRegionAccess(
            KnownAddresses addresses,
            VtRegions regions,
            List<BreakTheGlassGrants> grants,
            AccessLog accessLog,
            CurrentProfessional currentProfessional) {
        this.addresses = addresses;
        this.regions = regions;
        this.grants = grants;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    /**
     * Whether the caller may do {@code action} on the address as Veilig Thuis.
     *
     * @return true when only a break-the-glass grant allows it (the access is then flagged), false within the region
     * @throws NotFoundException for an address the register does not have
     * @throws RefusedException outside the caller's region without a grant (logged as a refusal)
     */
    boolean authorise(AddressId address, String action) {
        Professional professional = currentProfessional.require();
        String gemeente = addresses
                .gemeenteOf(address)
                .map(GemeenteCode::value)
                .orElseThrow(() -> new NotFoundException("Dit adres staat niet in het adresregister."));
        boolean inRegion = professional
                .vtRegion()
                .filter(region -> regions.covers(region, gemeente))
                .isPresent();
        if (inRegion) {
            return false;
        }
        if (grants.stream().anyMatch(grant -> grant.grantedNow(professional.subject(), address))) {
            return true;
        }
        accessLog.record(new AccessEntry(AccessKind.GEWEIGERD, action, "adres", address.toString(), false));
        throw new RefusedException(
                "Dit adres ligt buiten uw Veilig Thuis-regio. Gebruik break-the-glass, met een reden, als u hier moet"
                        + " werken.");
    }
}
