package nl.adreszicht.records;

import java.util.UUID;

/**
 * The opaque id of an address: what URLs, logs and other modules use instead of the address itself. It is random
 * (a version 4 UUID), so nothing about the address predicts it and nobody can compute the id of an address to
 * recognise it in a URL, a proxy log or the access log. Importing the same address again finds it by its BAG id (or
 * its designation) and keeps its id.
 */
public record AddressId(UUID value) {

    public static AddressId parse(String text) {
        try {
            return new AddressId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("id", "validation.adresId.format");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
