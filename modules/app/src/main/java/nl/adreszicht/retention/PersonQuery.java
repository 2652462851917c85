package nl.adreszicht.retention;

import java.time.LocalDate;
import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * A person as a privacy officer identifies them for an inzage request: by BSN, or by name, date of birth and address
 * together (all three, so a namesake elsewhere is not found).
 */
public record PersonQuery(
        @Nullable String name,
        @Nullable LocalDate birthDate,
        @Nullable AddressId address,
        @Nullable String bsn) {

    /** Whether the person is identified by BSN (else by name, date of birth and address). */
    public boolean byBsn() {
        return bsn != null;
    }
}
