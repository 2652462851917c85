/**
 * The address register (domain.md section 3): every address with its BAG id, postcode and house number, street and
 * woonplaats, and the CBS gemeente, wijk and buurt it lies in ({@link nl.adreszicht.addresses.AddressArea}). Addresses
 * are known elsewhere only by their opaque {@code records.AddressId}; their text never appears in URLs or logs. Finding
 * and reading an address goes through {@link nl.adreszicht.addresses.AddressRegister}, which applies the caller's scope
 * and writes the access log; a module that records at an address checks it with
 * {@link nl.adreszicht.addresses.KnownAddresses}, which reveals nothing. Addresses come from the CSV import command and,
 * through the one door {@link nl.adreszicht.addresses.RegisterAddresses}, from the national registers (module
 * {@code registers}). The register knows nothing of colours or records.
 */
@ApplicationModule(allowedDependencies = {"records", "security", "audit"})
@NullMarked
package nl.adreszicht.addresses;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
