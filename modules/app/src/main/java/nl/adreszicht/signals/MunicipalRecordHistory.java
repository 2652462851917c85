package nl.adreszicht.signals;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.radar.AddressHistorySource;
import nl.adreszicht.radar.HistoryEntry;
import nl.adreszicht.radar.HistoryEntry.Sentence;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.time.DutchTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The municipality's part of an address's history: its signalen and tijdelijke huisverboden there. */
@Component
@Transactional(readOnly = true)
class MunicipalRecordHistory implements AddressHistorySource {

    private final MunicipalRecords records;

    MunicipalRecordHistory(MunicipalRecords records) {
        this.records = records;
    }

    @Override
    public List<HistoryEntry> historyAt(AddressId address) {
        return records.findByAddressId(address.value()).stream()
                .map(MunicipalRecordHistory::entry)
                .toList();
    }

    private static HistoryEntry entry(MunicipalRecord record) {
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
}
