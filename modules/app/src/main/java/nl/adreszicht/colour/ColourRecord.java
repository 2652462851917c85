package nl.adreszicht.colour;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;

/**
 * One contribution to the colour of an address, reduced to what the colour rules read. The module that owns the
 * record (incidents, veiligthuis, the municipality) maps its own data to this; the policy never sees content.
 *
 * @param id the record's opaque id, unique among the records of one decision; it is what a decision lists
 * @param source where the record comes from
 * @param date the day it happened, in Europe/Amsterdam (the same calendar as the {@code today} of a decision)
 * @param severity the incident's severity; read only for sources that count as incidents
 * @param childrenPresent children were present or witnessed it; read only for sources that count as incidents
 * @param huisverbodImposed a tijdelijk huisverbod was imposed
 * @param huisverbodBroken a tijdelijk huisverbod was broken
 * @param acuteOnveiligheid Veilig Thuis found acute onveiligheid
 * @param personKeys opaque keys of the persons involved, used only to recognise one event reported twice; never
 *     names or BSNs
 * @param organisation the organisation that recorded it: whom another organisation is told to contact, never what
 *     it recorded (the colour's explanation outside Veilig Thuis names only this)
 */
public record ColourRecord(
        String id,
        RecordSource source,
        LocalDate date,
        Severity severity,
        boolean childrenPresent,
        boolean huisverbodImposed,
        boolean huisverbodBroken,
        boolean acuteOnveiligheid,
        Set<String> personKeys,
        String organisation) {

    public ColourRecord {
        if (id.isBlank()) {
            throw new IllegalArgumentException("A colour record needs an id");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(severity, "severity");
        personKeys = Set.copyOf(personKeys);
        Objects.requireNonNull(organisation, "organisation");
        if (personKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Person keys must not be blank");
        }
    }

    /** Whether the record sets a flag that fires a rule on its own, whatever its source. */
    boolean flagsSomething() {
        return huisverbodImposed || huisverbodBroken || acuteOnveiligheid;
    }
}
