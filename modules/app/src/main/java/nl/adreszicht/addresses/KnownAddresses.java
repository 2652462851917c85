package nl.adreszicht.addresses;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an address id is in the register: what modules that record something at an address check their
 * input against. It answers yes or no only, so it reveals no address and is not an access to be logged.
 */
@Component
@Transactional(readOnly = true)
public class KnownAddresses {

    private final Addresses addresses;

    KnownAddresses(Addresses addresses) {
        this.addresses = addresses;
    }

    /** Whether the register holds an address with this id. */
    public boolean exists(AddressId id) {
        return addresses.existsById(id.value());
    }

    /**
     * The gemeente an address lies in, for a module that scopes its records by gemeente or VT region (a code, never
     * the address itself); empty when the register has no such address.
     */
    public Optional<GemeenteCode> gemeenteOf(AddressId id) {
        return addresses.findById(id.value()).map(address -> new GemeenteCode(address.gemeenteCode()));
    }
}
