package nl.adreszicht.veiligthuis;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/** A checked advies or melding, ready to store. */
record NewMelding(
        Kind kind,
        @Nullable UUID zorgmelding,
        AddressId address,
        Instant receivedAt,
        String melderSector,
        @Nullable String melderName,
        @Nullable String melderContact,
        String reason,
        boolean acute,
        Severity severity,
        boolean childrenInvolved,
        SortedSet<String> violenceTypes,
        List<Person> persons) {

    /** Advies or melding. */
    enum Kind {
        MELDING("melding"),
        ADVIES("advies");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** A betrokkene with their role in this melding. */
    record Person(
            String role,
            @Nullable String relation,
            String name,
            java.time.@Nullable LocalDate birthDate,
            @Nullable Bsn bsn) {}
}
