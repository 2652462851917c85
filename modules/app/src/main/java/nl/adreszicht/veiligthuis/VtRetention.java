package nl.adreszicht.veiligthuis;

import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.addresses.AddressId;
import nl.adreszicht.addresses.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Veilig Thuis's meldingen and adviezen as retention sees them: who owns one and where, and deleting one with its
 * betrokkenen, violence types and vervolgstappen (the child tables cascade). One component per source, as
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
                                "SELECT coalesce(organisation, vt_region) AS organisation, address_id FROM vt_melding"
                                        + " WHERE id = ? AND kind = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        new AddressId(row.getObject("address_id", UUID.class))),
                                id,
                                kind.code())
                        .stream()
                        .findFirst());
    }

    @Override
    public void delete(String recordId) {
        id(recordId).ifPresent(id -> jdbc.update("DELETE FROM vt_melding WHERE id = ? AND kind = ?", id, kind.code()));
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
