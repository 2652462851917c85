package nl.adreszicht.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ContentHash;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A registration that passed every check, in canonical form: what gets stored, and what the content hash is
 * computed over, so that the same incident sent twice (even with another UTC offset or another order of
 * violence types) is recognised as the same.
 */
record NewIncident(
        String registrationNumber,
        Instant occurredAt,
        ZoneId zone,
        AddressId address,
        SortedSet<String> violenceTypes,
        Severity severity,
        boolean childrenPresent,
        boolean injury,
        boolean weapon,
        boolean alcoholDrugs,
        boolean aangifte,
        boolean huisverbodImposed,
        boolean huisverbodBroken,
        @Nullable String summary,
        List<Person> persons) {

    /** A betrokkene as registered. */
    record Person(
            String role,
            @Nullable String relation,
            String name,
            @Nullable LocalDate birthDate,
            @Nullable Bsn bsn) {}

    /** SHA-256 over every field, each length-prefixed so that no two different contents share one text. */
    String contentHash() {
        List<@Nullable Object> values = new ArrayList<>(List.of(
                registrationNumber,
                occurredAt,
                zone.getId(),
                address.value(),
                String.join(",", violenceTypes),
                severity.name(),
                childrenPresent,
                injury,
                weapon,
                alcoholDrugs,
                aangifte,
                huisverbodImposed,
                huisverbodBroken));
        values.add(summary);
        values.add(persons.size());
        for (Person person : persons) {
            values.add(person.role());
            values.add(person.relation());
            values.add(person.name());
            values.add(person.birthDate());
            values.add(person.bsn() == null ? null : person.bsn().value());
        }
        return ContentHash.of(values);
    }
}
