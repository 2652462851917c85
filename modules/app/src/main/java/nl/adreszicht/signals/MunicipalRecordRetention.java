package nl.adreszicht.signals;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Municipal records as retention sees them, one component per source (a signaal and a huisverbod expire under
 * periods of their own): who owns one and where, and deleting one with its violence types (they cascade). They name
 * no persons, so the family rule finds no children in them.
 */
abstract class MunicipalRecordRetention implements RetentionSource {

    private final JdbcClient jdbc;
    private final MunicipalRecordKind kind;

    MunicipalRecordRetention(JdbcClient jdbc, MunicipalRecordKind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
    }

    @Override
    public RecordSource source() {
        return kind.source();
    }

    @Override
    public String objectType() {
        return MunicipalRecordRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return MunicipalRecordRegister.id(recordId)
                .flatMap(id -> jdbc.sql("SELECT organisation, address_id, registered_by FROM municipal_record"
                                + " WHERE id = ? AND kind = ?")
                        .params(id, kind.code())
                        .query((row, n) -> new StoredRecord(
                                row.getString(1),
                                null,
                                new AddressId(row.getObject(2, UUID.class)),
                                Set.of(row.getString(3))))
                        .optional());
    }

    @Override
    public void delete(String recordId) {
        MunicipalRecordRegister.id(recordId)
                .ifPresent(id -> jdbc.sql("DELETE FROM municipal_record WHERE id = ? AND kind = ?")
                        .params(id, kind.code())
                        .update());
    }

    /** Signalen of the lokaal team. */
    @Component
    static class SignaalRetention extends MunicipalRecordRetention {
        SignaalRetention(JdbcClient jdbc) {
            super(jdbc, MunicipalRecordKind.SIGNAAL);
        }
    }

    /** Tijdelijke huisverboden. */
    @Component
    static class HuisverbodRetention extends MunicipalRecordRetention {
        HuisverbodRetention(JdbcClient jdbc) {
            super(jdbc, MunicipalRecordKind.HUISVERBOD);
        }
    }
}
