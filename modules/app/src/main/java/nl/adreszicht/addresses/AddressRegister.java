package nl.adreszicht.addresses;

import java.util.Optional;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.springframework.stereotype.Service;

/**
 * Finding and reading addresses, within the caller's scope: a gemeente professional only finds addresses in
 * their own gemeente (the scope is part of the lookup, so another gemeente's address is simply not found).
 * Every found address is logged before it is returned.
 */
@Service
// No transaction around the methods: the access log writes in a transaction of its own, and a read that held a
// connection while the log took a second could starve the pool under load (each repository call is transactional).
public class AddressRegister {

    private final Addresses addresses;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    AddressRegister(Addresses addresses, AccessLog accessLog, CurrentProfessional currentProfessional) {
        this.addresses = addresses;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    /** Finds an address; {@code action} names the matrix row it was found through (API or page). */
    public Optional<Address> find(Postcode postcode, HouseNumber number, String action) {
        Optional<Address> found = scoped(addresses.find(postcode, number), action);
        found.ifPresent(address -> logged(AccessKind.ZOEKEN, action, address));
        return found;
    }

    /** Reads an address; {@code action} names the matrix row it was read through (API or page). */
    public Optional<Address> read(AddressId id, String action) {
        return access(id, action, AccessKind.LEZEN);
    }

    /** An address about to be changed (its colour raised): logged as a change, not a read. */
    public Optional<Address> change(AddressId id, String action) {
        return access(id, action, AccessKind.WIJZIGEN, false);
    }

    /** As {@link #read} or {@link #change}, for access that may rest on a break-the-glass grant (then flagged). */
    public Optional<Address> access(AddressId id, String action, AccessKind kind, boolean breakTheGlass) {
        Optional<Address> found = scoped(addresses.findById(id.value()), action);
        found.ifPresent(address -> accessLog.record(
                new AccessEntry(kind, action, "adres", address.id().toString(), breakTheGlass)));
        return found;
    }

    private Optional<Address> access(AddressId id, String action, AccessKind kind) {
        return access(id, action, kind, false);
    }

    /**
     * The address if it lies within the caller's scope. One outside it is not found, as one that does not exist, but
     * the attempt is logged as a refusal.
     */
    private Optional<Address> scoped(Optional<Address> found, String action) {
        if (found.isPresent() && !inScope(found.get())) {
            logged(AccessKind.GEWEIGERD, action, found.get());
            return Optional.empty();
        }
        return found;
    }

    private boolean inScope(Address address) {
        Professional professional = currentProfessional.require();
        if (professional.has(Role.GEMEENTE_MEDEWERKER) && !professional.has(Role.VT_MEDEWERKER)) {
            return professional
                    .gemeente()
                    .filter(address.gemeenteCode()::equals)
                    .isPresent();
        }
        return true;
    }

    private void logged(AccessKind kind, String action, Address address) {
        accessLog.record(AccessEntry.of(kind, action, "adres", address.id().toString()));
    }
}
