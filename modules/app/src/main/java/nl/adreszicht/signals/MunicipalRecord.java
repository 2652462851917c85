package nl.adreszicht.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A signaal or a tijdelijk huisverbod recorded by the municipality at an address, with its violence types: the
 * aggregate {@link MunicipalRecords} stores and reads whole. Created once from a validated registration, never bound
 * to a request, never changed. A signaal has a severity and children present and no huisverbod fields; a huisverbod
 * the reverse (the schema checks it too).
 *
 * @param date the day of the signal, or the day the huisverbod was imposed
 */
record MunicipalRecord(
        UUID id,
        String organisation,
        String gemeenteCode,
        String registrationNumber,
        MunicipalRecordKind kind,
        AddressId address,
        LocalDate date,
        @Nullable Severity severity,
        @Nullable Boolean childrenPresent,
        @Nullable LocalDate huisverbodEndsOn,
        @Nullable Boolean huisverbodBroken,
        @Nullable LocalDate huisverbodBrokenOn,
        @Nullable String summary,
        String contentHash,
        String registeredBy,
        Instant registeredAt,
        SortedSet<String> violenceTypes) {

    MunicipalRecord {
        violenceTypes = new TreeSet<>(violenceTypes);
    }

    /** A new record from a validated registration, by a professional of {@code organisation}. */
    static MunicipalRecord register(
            NewMunicipalRecord registration, String organisation, String registeredBy, Instant now) {
        return new MunicipalRecord(
                UUID.randomUUID(),
                organisation,
                registration.gemeente(),
                registration.registrationNumber(),
                registration.kind(),
                registration.address(),
                registration.date(),
                registration.severity(),
                registration.childrenPresent(),
                registration.huisverbodEndsOn(),
                registration.huisverbodBroken(),
                registration.huisverbodBrokenOn(),
                registration.summary(),
                registration.contentHash(),
                registeredBy,
                now,
                registration.violenceTypes());
    }
}
