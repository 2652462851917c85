package nl.adreszicht.radar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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
 * @param sentence the summary as message keys, so that a page says it in the reader's language (codes as their
 *     names); null where a source gives only the Dutch {@code summary}
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
        List<Person> persons,
        @Nullable Sentence sentence) {

    public HistoryEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        violenceTypes = List.copyOf(violenceTypes);
        persons = List.copyOf(persons);
    }

    /** An entry whose summary exists only in Dutch. */
    public HistoryEntry(
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
        this(id, type, at, organisation, summary, note, severity, childrenPresent, violenceTypes, persons, null);
    }

    /** The same entry, its summary also given as a sentence of message keys. */
    public HistoryEntry saying(Sentence sentence) {
        return new HistoryEntry(
                id, type, at, organisation, summary, note, severity, childrenPresent, violenceTypes, persons, sentence);
    }

    /**
     * A summary as the message bundles say it: a key ({@code historie.zin.*}) with its arguments, and facts (keys of
     * {@code historie.feit.*}) listed after it. An argument that is itself a {@link MessageSourceResolvable} (a colour,
     * a rule, a status code: see {@link #label}) is said in the same language, so no code reaches the page.
     */
    public record Sentence(String key, List<Object> arguments, List<String> facts) implements MessageSourceResolvable {

        public Sentence {
            arguments = List.copyOf(arguments);
            facts = List.copyOf(facts);
        }

        public static Sentence of(String key, Object... arguments) {
            return new Sentence(key, List.of(arguments), List.of());
        }

        /** The sentence with a fact ({@code historie.feit.<name>}) added when {@code holds}. */
        public Sentence withFact(boolean holds, String name) {
            if (!holds) {
                return this;
            }
            List<String> more = new java.util.ArrayList<>(facts);
            more.add("historie.feit." + name);
            return new Sentence(key, arguments, more);
        }

        /** A word of a code list in the reader's language, the code itself when the bundle lacks it. */
        public static MessageSourceResolvable label(String key, String code) {
            return new DefaultMessageSourceResolvable(new String[] {key}, code);
        }

        @Override
        public String[] getCodes() {
            return new String[] {key};
        }

        /** The arguments, then the facts as one more: {@code historie.feiten.<n>} lists n facts after a comma. */
        @Override
        public Object[] getArguments() {
            List<Object> all = new java.util.ArrayList<>(arguments);
            all.add(new DefaultMessageSourceResolvable(
                    new String[] {"historie.feiten." + facts.size()},
                    facts.stream()
                            .map(fact -> new DefaultMessageSourceResolvable(new String[] {fact}, fact))
                            .toArray()));
            return all.toArray();
        }

        @Override
        public @Nullable String getDefaultMessage() {
            return null;
        }
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
        KLEURVERLAGING("kleurverlaging");

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
