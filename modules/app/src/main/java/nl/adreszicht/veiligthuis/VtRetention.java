package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Veilig Thuis's meldingen and adviezen as retention sees them: who owns one and where, the birth dates of its
 * children for the family rule, and deleting one with its betrokkenen, violence types and vervolgstappen (the child
 * tables cascade). One component per source, as
 * retention asks; the anonymous tally is left alone.
 */
abstract class VtRetention implements RetentionSource {

    private final JdbcTemplate jdbc;
    private final NewMelding.Kind kind;

    VtRetention(JdbcTemplate jdbc, NewMelding.Kind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
    }

    @Override
    public String objectType() {
        return Meldingen.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return id(recordId)
                .flatMap(id -> jdbc
                        .query(
                                // Who worked on it: who took it in and who recorded its vervolgstappen. (The
                                // protocol's other steps are columns without an author yet.)
                                "SELECT organisation, vt_region, address_id, array_cat(ARRAY[registered_by],"
                                        + " ARRAY(SELECT recorded_by FROM vt_vervolgstap s WHERE s.melding_id = m.id))"
                                        + " AS worked_on_by FROM vt_melding m WHERE id = ? AND kind = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        row.getString("vt_region"),
                                        new AddressId(row.getObject("address_id", UUID.class)),
                                        Set.copyOf(Arrays.asList((String[])
                                                row.getArray("worked_on_by").getArray()))),
                                id,
                                kind.code())
                        .stream()
                        .findFirst());
    }

    @Override
    public List<LocalDate> childBirthDates(String recordId) {
        return id(recordId)
                .map(id -> jdbc.queryForList(
                        "SELECT birth_date FROM vt_melding_person WHERE melding_id = ? AND role = 'kind'"
                                + " AND birth_date IS NOT NULL",
                        LocalDate.class,
                        id))
                .orElse(List.of());
    }

    @Override
    public void delete(String recordId) {
        id(recordId).ifPresent(id -> jdbc.update("DELETE FROM vt_melding WHERE id = ? AND kind = ?", id, kind.code()));
    }

    private static Optional<UUID> id(String text) {
        return Meldingen.id(text);
    }

    /** Meldingen. */
    @Component
    static class MeldingRetention extends VtRetention {
        MeldingRetention(JdbcTemplate jdbc) {
            super(jdbc, NewMelding.Kind.MELDING);
        }

        @Override
        public RecordSource source() {
            return RecordSource.VT_MELDING;
        }
    }

    /** Adviezen. */
    @Component
    static class AdviesRetention extends VtRetention {
        AdviesRetention(JdbcTemplate jdbc) {
            super(jdbc, NewMelding.Kind.ADVIES);
        }

        @Override
        public RecordSource source() {
            return RecordSource.VT_ADVIES;
        }
    }
}
