package nl.adreszicht.addresses;

import java.util.Optional;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an address id is in the register: what modules that record something at an address check their
 * input against. It answers yes or no, or the CBS areas of the address, so it reveals no address and is not an
 * access to be logged.
 */
@Component
@Transactional(readOnly = true)
public class KnownAddresses {

    private final Addresses addresses;
    private final JdbcTemplate jdbc;

    KnownAddresses(Addresses addresses, JdbcTemplate jdbc) {
        this.addresses = addresses;
        this.jdbc = jdbc;
    }

    /**
     * Locks the address's row until the transaction ends ({@code FOR NO KEY UPDATE}), so what is derived from the
     * records at the address (its colour, its repeat count) is derived by one transaction at a time and the later
     * one sees the earlier one's records. Sent once per transaction: the colour recompute and the recidive reconcile
     * of a registration take the same lock, and the second finds it held ({@link AddressReads#kept}). What the
     * transaction read at the address before it took the lock is forgotten ({@link AddressReads#forget}).
     *
     * @return the gemeente of the address; empty when the register has no such address (nothing is locked)
     */
    @Transactional
    public Optional<GemeenteCode> lockForDerivation(AddressId id) {
        return AddressReads.kept(id, "addresses.lock", () -> {
            Optional<GemeenteCode> locked = jdbc
                    .queryForList(
                            "SELECT gemeente_code FROM address WHERE id = ? FOR NO KEY UPDATE",
                            String.class,
                            id.value())
                    .stream()
                    .findFirst()
                    .map(code -> new GemeenteCode(code.trim()));
            // What the transaction read at the address before it held the lock may miss a record that another
            // transaction committed while this one waited for it: read again from here. (Registrations at
            // one address used to be kept apart by a tally row locked earlier; since the counters are
            // written last, only this lock is.)
            AddressReads.forget(id);
            return locked;
        });
    }

    /** Whether the register holds an address with this id. */
    public boolean exists(AddressId id) {
        return row(id).isPresent();
    }

    /**
     * The address's row, read once per transaction ({@link AddressReads#kept}; no record written changes it): a
     * registration checks the address, counts it in its area's tallies, scopes it by gemeente and region, and the
     * colour counts and the casusoverleg ask for its gemeente, each through this class (issue 18).
     */
    private Optional<Address> row(AddressId id) {
        return AddressReads.kept(id, "addresses.row", () -> addresses.findById(id.value()));
    }

    /** The CBS areas of the address, for anonymous counts per area; empty when the id is not in the register. */
    public Optional<AddressArea> areaOf(AddressId id) {
        return row(id).map(address -> new AddressArea(
                new GemeenteCode(address.gemeenteCode()),
                address.wijkCode() == null ? null : new WijkCode(address.wijkCode()),
                address.buurtCode() == null ? null : new BuurtCode(address.buurtCode()),
                address.areaYear() == null ? null : address.areaYear().intValue()));
    }

    /**
     * Whether the register holds an address with this id in this gemeente: for modules whose professionals may
     * record only in their own gemeente. An address elsewhere and no address at all give the same answer.
     */
    public boolean existsInGemeente(AddressId id, String gemeenteCode) {
        return row(id).filter(address -> address.gemeenteCode().trim().equals(gemeenteCode.trim()))
                .isPresent();
    }

    /**
     * The gemeente an address lies in, for a module that scopes its records by gemeente or VT region (a code, never
     * the address itself); empty when the register has no such address.
     */
    public Optional<GemeenteCode> gemeenteOf(AddressId id) {
        return row(id).map(address -> new GemeenteCode(address.gemeenteCode()));
    }

    /**
     * How people read these addresses ("Dam 1A-2, 1012AB Amsterdam"), by id: for a module that shows its own records
     * with their address and has logged its own access to those records (the address is part of them, so reading it
     * here is not another access). Ids the register does not hold are left out.
     */
    public java.util.Map<AddressId, String> labelsOf(java.util.Collection<AddressId> ids) {
        java.util.Map<AddressId, String> labels = new java.util.HashMap<>();
        addresses
                .findByIdIn(ids.stream().map(AddressId::value).distinct().toList())
                .forEach(address -> labels.put(
                        address.id(),
                        address.straat() + " " + address.houseNumber() + ", " + address.postcode() + " "
                                + address.woonplaats()));
        return labels;
    }

    /**
     * The address itself, for a module that shows it as part of its own record and logs that access as one (an
     * overdracht names the address it hands over); empty when the register has no such address.
     */
    public Optional<Address> addressOf(AddressId id) {
        return row(id);
    }

    /**
     * The id of the address with this designation, for a form where a professional types postcode and house number
     * instead of an id; empty when the register has none. Only the opaque id comes back, to be checked and recorded
     * (and logged) by the module that records something there.
     */
    public Optional<AddressId> idOf(Postcode postcode, HouseNumber number) {
        return addresses.find(postcode, number).map(Address::id);
    }
}
