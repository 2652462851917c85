package nl.adreszicht.codelists;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The violence type code list. */
interface ViolenceTypes extends Repository<ViolenceType, String> {

    List<ViolenceType> findAllByOrderBySortOrder();

    Optional<ViolenceType> findByCode(String code);
}
