package nl.adreszicht.addresses;

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
     * Whether the register holds an address with this id in this gemeente: for modules whose professionals may
     * record only in their own gemeente. An address elsewhere and no address at all give the same answer.
     */
    public boolean existsInGemeente(AddressId id, String gemeenteCode) {
        return addresses.existsByIdAndGemeenteCode(id.value(), gemeenteCode);
    }
}
