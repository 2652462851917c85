package nl.adreszicht.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.records.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The municipal records, stored and read as whole aggregates: a record with its violence types in one statement,
 * however many records an address has. Reads for a professional always name their organisation: scope is in the
 * query.
 */
@Repository
class MunicipalRecords {

    /** A record with its violence types (index municipal_record_address for an address, the key otherwise). */
    static final String RECORDS = "SELECT r.id, r.organisation, r.gemeente_code, r.registration_number, r.kind,"
            + " r.address_id, r.occurred_on, r.severity, r.children_present, r.huisverbod_ends_on, r.huisverbod_broken,"
            + " r.huisverbod_broken_on, r.summary, r.content_hash, r.registered_by, r.registered_at,"
            + " ARRAY(SELECT v.code FROM municipal_record_violence_type v WHERE v.record_id = r.id) AS violence_types"
            + " FROM municipal_record r";

    private final JdbcClient jdbc;

    MunicipalRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new record with its violence types, unless its organisation has a record under its registration number
     * already (also one stored by a parallel request a moment ago: the insert waits for it).
     *
     * @return whether it was stored; false leaves the database as it was
     */
    boolean insert(MunicipalRecord record) {
        // A new record at the address: what this transaction read there is not what it holds now.
        AddressReads.forget(record.address());
        int stored = jdbc.sql(
                        "INSERT INTO municipal_record (id, organisation, gemeente_code, registration_number, kind,"
                                + " address_id, occurred_on, severity, children_present, huisverbod_ends_on, huisverbod_broken,"
                                + " huisverbod_broken_on, summary, content_hash, registered_by, registered_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT ON CONSTRAINT municipal_record_registration_number_unique DO NOTHING")
                .params(
                        record.id(),
                        record.organisation(),
                        record.gemeenteCode(),
                        record.registrationNumber(),
                        record.kind().code(),
                        record.address().value(),
                        record.date(),
                        record.severity() == null ? null : record.severity().name(),
                        record.childrenPresent(),
                        record.huisverbodEndsOn(),
                        record.huisverbodBroken(),
                        record.huisverbodBrokenOn(),
                        record.summary(),
                        record.contentHash(),
                        record.registeredBy(),
                        OffsetDateTime.ofInstant(record.registeredAt(), ZoneOffset.UTC))
                .update();
        if (stored == 0) {
            return false;
        }
        if (!record.violenceTypes().isEmpty()) {
            jdbc.sql("INSERT INTO municipal_record_violence_type (record_id, code) SELECT ?, unnest(?::text[])")
                    .params(record.id(), record.violenceTypes().toArray(String[]::new))
                    .update();
        }
        return true;
    }

    Optional<MunicipalRecord> findByIdAndOrganisation(UUID id, String organisation) {
        return jdbc.sql(RECORDS + " WHERE r.id = ? AND r.organisation = ?")
                .params(id, organisation)
                .query(MunicipalRecords::record)
                .optional();
    }

    Optional<MunicipalRecord> findByOrganisationAndRegistrationNumber(String organisation, String registrationNumber) {
        return jdbc.sql(RECORDS + " WHERE r.organisation = ? AND r.registration_number = ?")
                .params(organisation, registrationNumber)
                .query(MunicipalRecords::record)
                .optional();
    }

    /**
     * Every organisation's records at an address, in one statement: for the colour code, the monitor (its records and
     * its huisverboden as interventions) and the radar. Read once per transaction ({@link AddressReads}).
     */
    List<MunicipalRecord> findByAddress(AddressId address) {
        return AddressReads.at(
                address,
                "signals.atAddress",
                () -> jdbc.sql(RECORDS + " WHERE r.address_id = ?")
                        .param(address.value())
                        .query(MunicipalRecords::record)
                        .list());
    }

    private static MunicipalRecord record(ResultSet row, int n) throws SQLException {
        String severity = row.getString("severity");
        return new MunicipalRecord(
                row.getObject("id", UUID.class),
                row.getString("organisation"),
                row.getString("gemeente_code"),
                row.getString("registration_number"),
                MunicipalRecordKind.fromCode(row.getString("kind")).orElseThrow(),
                new AddressId(row.getObject("address_id", UUID.class)),
                row.getObject("occurred_on", LocalDate.class),
                severity == null ? null : Severity.valueOf(severity),
                (Boolean) row.getObject("children_present"),
                row.getObject("huisverbod_ends_on", LocalDate.class),
                (Boolean) row.getObject("huisverbod_broken"),
                row.getObject("huisverbod_broken_on", LocalDate.class),
                row.getString("summary"),
                row.getString("content_hash"),
                row.getString("registered_by"),
                row.getObject("registered_at", OffsetDateTime.class).toInstant(),
                new TreeSet<>(
                        Arrays.asList((String[]) row.getArray("violence_types").getArray())));
    }
}
