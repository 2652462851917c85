package nl.adreszicht.codelists;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a violence type code is on the code list: what modules that register violence types check their
 * input against, without reaching into the code list's storage.
 */
@Component
@Transactional(readOnly = true)
public class ViolenceTypeCodes {

    private final ViolenceTypes violenceTypes;

    ViolenceTypeCodes(ViolenceTypes violenceTypes) {
        this.violenceTypes = violenceTypes;
    }

    /** Whether {@code code} is a violence type of the code list (in any validity period). */
    public boolean exists(String code) {
        return violenceTypes.findByCode(code).isPresent();
    }
}
