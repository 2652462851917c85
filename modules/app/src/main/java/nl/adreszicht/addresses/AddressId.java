package nl.adreszicht.addresses;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The opaque id of an address: what URLs, logs and other modules use instead of the address itself. It is
 * derived from the BAG nummeraanduiding id when there is one (else from the designation), so that importing the
 * same address again yields the same id.
 */
public record AddressId(UUID value) {

    public static AddressId parse(String text) {
        try {
            return new AddressId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.adresId.format");
        }
    }

    static AddressId derivedFrom(String stableKey) {
        return new AddressId(UUID.nameUUIDFromBytes(("adres:" + stableKey).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
