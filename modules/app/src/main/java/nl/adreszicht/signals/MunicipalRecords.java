package nl.adreszicht.signals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The municipal records. Reads for a professional always name their organisation: scope is in the query. */
interface MunicipalRecords extends Repository<MunicipalRecord, UUID> {

    MunicipalRecord saveAndFlush(MunicipalRecord record);

    Optional<MunicipalRecord> findByIdAndOrganisation(UUID id, String organisation);

    Optional<MunicipalRecord> findByOrganisationAndRegistrationNumber(String organisation, String registrationNumber);

    /** Every organisation's records at an address: for the colour code, which never shows their content. */
    List<MunicipalRecord> findByAddressId(UUID addressId);
}
