package nl.adreszicht.addresses;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The address register. */
interface Addresses extends Repository<Address, UUID> {

    Optional<Address> findById(UUID id);

    boolean existsById(UUID id);

    java.util.List<Address> findByIdIn(java.util.Collection<UUID> ids);

    boolean existsByIdAndGemeenteCode(UUID id, String gemeenteCode);

    /**
     * One probe of the unique designation index (its expressions and condition are matched exactly): only addresses
     * that have not ended, so an address the BAG ended is not found for a new registration.
     */
    @Query(
            value = "SELECT * FROM address WHERE postcode = :postcode AND huisnummer = :huisnummer"
                    + " AND coalesce(huisletter, '') = :huisletter AND coalesce(toevoeging, '') = :toevoeging"
                    + " AND ended_on IS NULL",
            nativeQuery = true)
    Optional<Address> findByDesignation(String postcode, int huisnummer, String huisletter, String toevoeging);

    default Optional<Address> find(Postcode postcode, HouseNumber number) {
        return findByDesignation(
                postcode.value(),
                number.number(),
                number.letter() == null ? "" : number.letter(),
                number.addition() == null ? "" : number.addition());
    }
}
