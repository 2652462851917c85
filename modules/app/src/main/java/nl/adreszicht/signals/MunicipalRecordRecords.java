package nl.adreszicht.signals;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.adreszicht.audit.OwnedObjects;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.colour.ColourRecordSource;
import nl.adreszicht.matching.SignalHolders;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipal records as the other modules see them, each through the interface it asks with: the colour code, the
 * radar, signal matching and the access log. For the colour a signaal counts as {@link RecordSource#GEMEENTE_SIGNAAL}
 * (an incident under rules v1), a huisverbod as {@link RecordSource#HUISVERBOD} (only through what it flags: imposed,
 * and broken). Every organisation's records count; their content stays with the organisation that recorded them.
 * Municipal records name no persons, so they carry no person keys and are never merged with another agency's record
 * of the same event.
 */
@Component
@Transactional(readOnly = true)
class MunicipalRecordRecords implements ColourRecordSource, AddressHistorySource, SignalHolders, OwnedObjects {

    /** Before every id: where the verifier's paging starts. */
    private final MunicipalRecords records;

    private final JdbcClient jdbc;
    private final OwnedObjects.RecordTable owned;

    MunicipalRecordRecords(MunicipalRecords records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
        this.owned = new OwnedObjects.RecordTable(jdbc, "municipal_record", "organisation");
    }

    @Override
    public List<ColourRecord> recordsAt(AddressId address) {
        return records.findByAddress(address).stream()
                .map(MunicipalRecordRecords::colourRecord)
                .toList();
    }

    private static ColourRecord colourRecord(MunicipalRecord record) {
        boolean signaal = record.kind() == MunicipalRecordKind.SIGNAAL;
        // The severity of a huisverbod is never read: it is not an incident source, it counts by its flags. Its date
        // is the day it was imposed; a breach falls within its at most 28 days.
        return new ColourRecord(
                record.id().toString(),
                record.kind().source(),
                record.date(),
                signaal && record.severity() != null ? record.severity() : Severity.S1,
                signaal && Boolean.TRUE.equals(record.childrenPresent()),
                !signaal,
                !signaal && Boolean.TRUE.equals(record.huisverbodBroken()),
                false,
                Set.of(),
                record.organisation());
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        return records.findByAddress(address).stream()
                .map(MunicipalRecordRecords::historyEntry)
                .toList();
    }

    private static HistoryEntry historyEntry(MunicipalRecord record) {
        boolean signaal = record.kind() == MunicipalRecordKind.SIGNAAL;
        List<String> facts = new ArrayList<>();
        if (signaal) {
            facts.add("Signaal " + record.registrationNumber() + ", ernst " + record.severity());
            if (Boolean.TRUE.equals(record.childrenPresent())) {
                facts.add("kinderen aanwezig");
            }
        } else {
            facts.add("Tijdelijk huisverbod " + record.registrationNumber() + " tot " + record.huisverbodEndsOn());
            if (Boolean.TRUE.equals(record.huisverbodBroken())) {
                facts.add("overtreden op " + record.huisverbodBrokenOn());
            }
        }
        return new HistoryEntry(
                        record.id().toString(),
                        signaal ? HistoryEntry.Type.GEMEENTE_SIGNAAL : HistoryEntry.Type.HUISVERBOD,
                        record.date()
                                .atTime(LocalTime.NOON)
                                .atZone(DutchTime.ZONE)
                                .toOffsetDateTime(),
                        record.organisation(),
                        String.join(", ", facts),
                        record.summary(),
                        signaal ? record.severity() : null,
                        signaal ? record.childrenPresent() : null,
                        List.copyOf(record.violenceTypes()),
                        List.of())
                .saying(sentence(record));
    }

    /** The summary in the reader's language (issue 12): the same facts as the Dutch one. */
    private static Sentence sentence(MunicipalRecord record) {
        if (record.kind() == MunicipalRecordKind.SIGNAAL) {
            return Sentence.of(
                            "historie.zin.signaal",
                            record.registrationNumber(),
                            record.severity() == null ? "–" : record.severity().name())
                    .withFact(Boolean.TRUE.equals(record.childrenPresent()), "kinderen");
        }
        String until = record.huisverbodEndsOn() == null ? "–" : DutchTime.displayDate(record.huisverbodEndsOn());
        return Boolean.TRUE.equals(record.huisverbodBroken()) && record.huisverbodBrokenOn() != null
                ? Sentence.of(
                        "historie.zin.huisverbod.overtreden",
                        record.registrationNumber(),
                        until,
                        DutchTime.displayDate(record.huisverbodBrokenOn()))
                : Sentence.of("historie.zin.huisverbod", record.registrationNumber(), until);
    }

    @Override
    public Set<String> organisationsWithSignalsAt(AddressId address) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT organisation FROM municipal_record WHERE address_id = ?")
                .param(address.value())
                .query(String.class)
                .list());
    }

    @Override
    public String objectType() {
        return MunicipalRecordRegister.OBJECT_TYPE;
    }

    @Override
    public Optional<Owned> find(String objectId) {
        return owned.find(objectId);
    }

    @Override
    public List<String> idsAfter(@Nullable String after, int limit) {
        return owned.idsAfter(after, limit);
    }
}
