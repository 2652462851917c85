package nl.adreszicht.addresses;

/**
 * Published after an import of addresses (or any bulk load) has written rows, so counts kept per gemeente can be
 * brought up to date once, instead of per address.
 *
 * @param written how many addresses were new or changed
 */
public record AddressesImported(long written) {}
