package nl.adreszicht.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A police incident at an address, with its violence types and betrokkenen: the aggregate {@link Incidents} stores and
 * reads whole. Created once from a validated registration, never bound to a request, never changed except for the
 * zorgmelding flag.
 *
 * @param zorgmelding whether a zorgmelding was sent to Veilig Thuis; set by the zorgmelding, not by the registration
 */
record Incident(
        UUID id,
        String organisation,
        String registrationNumber,
        Instant occurredAt,
        ZoneId zone,
        AddressId address,
        Severity severity,
        boolean childrenPresent,
        boolean injury,
        boolean weapon,
        boolean alcoholDrugs,
        boolean aangifte,
        boolean huisverbodImposed,
        boolean huisverbodBroken,
        boolean zorgmelding,
        @Nullable String summary,
        String contentHash,
        String registeredBy,
        Instant registeredAt,
        SortedSet<String> violenceTypes,
        List<Person> persons) {

    Incident {
        violenceTypes = new TreeSet<>(violenceTypes);
        persons = List.copyOf(persons);
    }

    /** A new incident from a validated registration, by a professional of {@code organisation}. */
    static Incident register(NewIncident registration, String organisation, String registeredBy, Instant now) {
        List<Person> persons = new ArrayList<>();
        for (NewIncident.Person person : registration.persons()) {
            persons.add(new Person(
                    UUID.randomUUID(),
                    person.role(),
                    person.relation(),
                    person.name(),
                    person.birthDate(),
                    person.bsn() == null ? null : person.bsn().value()));
        }
        return new Incident(
                UUID.randomUUID(),
                organisation,
                registration.registrationNumber(),
                registration.occurredAt(),
                registration.zone(),
                registration.address(),
                registration.severity(),
                registration.childrenPresent(),
                registration.injury(),
                registration.weapon(),
                registration.alcoholDrugs(),
                registration.aangifte(),
                registration.huisverbodImposed(),
                registration.huisverbodBroken(),
                false,
                registration.summary(),
                registration.contentHash(),
                registeredBy,
                now,
                registration.violenceTypes(),
                persons);
    }

    /** The same incident with its betrokkenen, as read back. */
    Incident withPersons(List<Person> persons) {
        return new Incident(
                id,
                organisation,
                registrationNumber,
                occurredAt,
                zone,
                address,
                severity,
                childrenPresent,
                injury,
                weapon,
                alcoholDrugs,
                aangifte,
                huisverbodImposed,
                huisverbodBroken,
                zorgmelding,
                summary,
                contentHash,
                registeredBy,
                registeredAt,
                violenceTypes,
                persons);
    }

    ZonedDateTime occurred() {
        return occurredAt.atZone(zone);
    }

    /** The known birth dates of the children (role {@code kind}), for the family rule of retention. */
    List<LocalDate> childBirthDates() {
        return persons.stream()
                .filter(person -> "kind".equals(person.role()))
                .map(Person::birthDate)
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * A betrokkene of this incident, in the order the registration listed them: the role belongs to this incident,
     * never to the person overall.
     */
    record Person(
            UUID id,
            String role,
            @Nullable String relation,
            String name,
            @Nullable LocalDate birthDate,
            @Nullable String bsn) {

        /** Only the last three digits, e.g. {@code ******123}: enough to tell persons apart, not to identify one. */
        @Nullable
        String maskedBsn() {
            return bsn == null ? null : "******" + bsn.substring(6);
        }

        /** The opaque key that recognises this person in another organisation's record of the same event. */
        String personKey() {
            return bsn != null ? PersonKeys.of(new Bsn(bsn)) : PersonKeys.of(name, birthDate);
        }
    }
}
