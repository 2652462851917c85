package nl.adreszicht.radar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * One entry in the history of an address: a record of some agency, or a change of the address's colour.
 *
 * @param id the opaque id of the record or change
 * @param type what it is; one of a fixed list, so the history can be filtered by it
 * @param at when it happened (for a record) or was decided (for a colour change)
 * @param organisation the organisation that recorded it; null for a change the system made
 * @param summary a short description in Dutch, built from coded fields (never from free text)
 * @param note the recording professional's free text, if any
 * @param severity the severity, for incidents and signals
 * @param childrenPresent whether children were present or witnessed it, where recorded
 * @param violenceTypes the violence type codes, where recorded
 * @param persons the betrokkenen, each with their role in this record
 */
public record HistoryEntry(
        String id,
        Type type,
        OffsetDateTime at,
        @Nullable String organisation,
        String summary,
        @Nullable String note,
        @Nullable Severity severity,
        @Nullable Boolean childrenPresent,
        List<String> violenceTypes,
        List<Person> persons) {

    public HistoryEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        violenceTypes = List.copyOf(violenceTypes);
        persons = List.copyOf(persons);
    }

    /** The kinds of entries, with the code the API and the filter use. */
    public enum Type {
        POLITIE_INCIDENT("politie-incident"),
        ZORGMELDING("zorgmelding"),
        GEMEENTE_SIGNAAL("gemeente-signaal"),
        HUISVERBOD("huisverbod"),
        VT_MELDING("vt-melding"),
        VT_ADVIES("vt-advies"),
        VEILIGHEIDSBEOORDELING("veiligheidsbeoordeling"),
        VERVOLG("vervolg"),
        KLEURWIJZIGING("kleurwijziging"),
        KLEURVERHOGING("kleurverhoging"),
        KLEURVERLAGING("kleurverlaging"),
        /** A case of the casusoverleg: that it exists, its status, regisseur and review date; never its minutes. */
        CASUSOVERLEG("casusoverleg");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The type with this code, if any. */
        public static java.util.Optional<Type> ofCode(String code) {
            return java.util.Arrays.stream(values())
                    .filter(type -> type.code.equals(code))
                    .findFirst();
        }
    }

    /**
     * A betrokkene as the record names them.
     *
     * @param key the opaque person key (persons.PersonKeys), to follow one person over the history
     */
    public record Person(
            String key,
            String name,
            @Nullable LocalDate birthDate,
            String role,
            @Nullable String relation) {}
}
