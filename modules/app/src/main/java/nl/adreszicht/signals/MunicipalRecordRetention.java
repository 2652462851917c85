package nl.adreszicht.signals;

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
 * Municipal records as retention sees them, one component per source (a signaal and a huisverbod expire under
 * periods of their own): who owns one and where, and deleting one with its violence types (they cascade).
 */
abstract class MunicipalRecordRetention implements RetentionSource {

    private final JdbcTemplate jdbc;
    private final MunicipalRecordKind kind;

    MunicipalRecordRetention(JdbcTemplate jdbc, MunicipalRecordKind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
    }

    static RecordSource source(MunicipalRecordKind kind) {
        return kind == MunicipalRecordKind.SIGNAAL ? RecordSource.GEMEENTE_SIGNAAL : RecordSource.HUISVERBOD;
    }

    @Override
    public RecordSource source() {
        return source(kind);
    }

    @Override
    public String objectType() {
        return MunicipalRecordRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return id(recordId)
                .flatMap(id -> jdbc
                        .query(
                                "SELECT organisation, address_id, registered_by FROM municipal_record"
                                        + " WHERE id = ? AND kind = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        null,
                                        new AddressId(row.getObject("address_id", UUID.class)),
                                        Set.of(row.getString("registered_by"))),
                                id,
                                kind.code())
                        .stream()
                        .findFirst());
    }

    @Override
    public void delete(String recordId) {
        id(recordId)
                .ifPresent(
                        id -> jdbc.update("DELETE FROM municipal_record WHERE id = ? AND kind = ?", id, kind.code()));
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Signalen of the lokaal team. */
    @Component
    static class SignaalRetention extends MunicipalRecordRetention {
        SignaalRetention(JdbcTemplate jdbc) {
            super(jdbc, MunicipalRecordKind.SIGNAAL);
        }
    }

    /** Tijdelijke huisverboden. */
    @Component
    static class HuisverbodRetention extends MunicipalRecordRetention {
        HuisverbodRetention(JdbcTemplate jdbc) {
            super(jdbc, MunicipalRecordKind.HUISVERBOD);
        }
    }
}
