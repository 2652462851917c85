package nl.adreszicht.retention;

import java.time.OffsetDateTime;
import java.util.List;
import nl.adreszicht.records.RecordSource;
import org.jspecify.annotations.Nullable;

/**
 * A record in which a person appears, as its module hands it to an inzage request: its content as fields, and every
 * party in it (the person asked about marked as the subject). What the person may see is decided by
 * {@link InzageRedaction}, never by the module: a module hands over everything, the melder included, and the
 * redaction blacks out what is not the person's.
 *
 * @param organisation the organisation that owns the record
 * @param title what kind of record it is, for people (e.g. "Melding Veilig Thuis VT03-2026-000012")
 */
public record SubjectRecord(
        RecordSource source,
        String recordId,
        @Nullable String organisation,
        OffsetDateTime recordedAt,
        String title,
        List<Field> fields,
        List<Party> parties) {

    public SubjectRecord {
        fields = List.copyOf(fields);
        parties = List.copyOf(parties);
    }

    /** One item of the content, e.g. "Reden" and its text. */
    public record Field(String label, String value) {}

    /**
     * A person in the record with their role in it ({@code melder} for who reported it).
     *
     * @param subject whether this is the person the inzage is about
     */
    public record Party(String role, String name, java.time.@Nullable LocalDate birthDate, boolean subject) {}
}
