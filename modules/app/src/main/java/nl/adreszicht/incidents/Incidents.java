package nl.adreszicht.incidents;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The police incidents. Reads for a professional always name their organisation: scope is in the query. */
interface Incidents extends Repository<Incident, UUID> {

    Incident saveAndFlush(Incident incident);

    Optional<Incident> findByIdAndOrganisation(UUID id, String organisation);

    Optional<Incident> findByOrganisationAndRegistrationNumber(String organisation, String registrationNumber);

    /** Every organisation's incidents at an address: for the colour code, which never shows their content. */
    List<Incident> findByAddressId(UUID addressId);
}
