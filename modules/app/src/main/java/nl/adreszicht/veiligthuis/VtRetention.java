package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.retention.PersonQuery;
import nl.adreszicht.retention.RetentionSource;
import nl.adreszicht.retention.StoredRecord;
import nl.adreszicht.retention.SubjectRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Veilig Thuis's meldingen and adviezen as retention sees them: who owns one and where, the birth dates of its
 * children for the family rule, and deleting one with its betrokkenen, violence types and vervolgstappen (the child
 * tables cascade). One component per source, as
 * retention asks; the anonymous tally is left alone.
 */
abstract class VtRetention implements RetentionSource {

    private final JdbcTemplate jdbc;
    private final NewMelding.Kind kind;

    VtRetention(JdbcTemplate jdbc, NewMelding.Kind kind) {
        this.jdbc = jdbc;
        this.kind = kind;
    }

    @Override
    public String objectType() {
        return Meldingen.OBJECT_TYPE;
    }

    @Override
    public Optional<StoredRecord> find(String recordId) {
        return id(recordId)
                .flatMap(id -> jdbc
                        .query(
                                // Who worked on it: who took it in and who recorded its vervolgstappen. (The
                                // protocol's other steps are columns without an author yet.)
                                "SELECT organisation, vt_region, address_id, array_cat(ARRAY[registered_by],"
                                        + " ARRAY(SELECT recorded_by FROM vt_vervolgstap s WHERE s.melding_id = m.id))"
                                        + " AS worked_on_by FROM vt_melding m WHERE id = ? AND kind = ?",
                                (row, n) -> new StoredRecord(
                                        row.getString("organisation"),
                                        row.getString("vt_region"),
                                        new AddressId(row.getObject("address_id", UUID.class)),
                                        Set.copyOf(Arrays.asList((String[])
                                                row.getArray("worked_on_by").getArray()))),
                                id,
                                kind.code())
                        .stream()
                        .findFirst());
    }

    @Override
    public List<LocalDate> childBirthDates(String recordId) {
        return id(recordId)
                .map(id -> jdbc.queryForList(
                        "SELECT birth_date FROM vt_melding_person WHERE melding_id = ? AND role = 'kind'"
                                + " AND birth_date IS NOT NULL",
                        LocalDate.class,
                        id))
                .orElse(List.of());
    }

    /**
     * The meldingen (or adviezen) in which the person is a betrokkene, with their content and every party, the melder
     * included (the redaction blacks it out): two statements whatever their number.
     */
    @Override
    public List<SubjectRecord> concerning(PersonQuery person) {
        String match =
                person.byBsn() ? "p.bsn = ?" : "lower(p.name) = lower(?) AND p.birth_date = ? AND m.address_id = ?";
        Object[] params = person.byBsn()
                ? new Object[] {kind.code(), person.bsn()}
                : new Object[] {
                    kind.code(),
                    person.name(),
                    person.birthDate(),
                    person.address().value()
                };
        List<java.util.Map<String, Object>> meldingen = jdbc.queryForList(
                "SELECT m.id, m.registration_number, m.organisation, m.received_at, m.melder_sector, m.melder_name,"
                        + " m.reason, m.assessment_code, m.investigation_started_on, m.investigation_closed_at,"
                        + " m.end_code, ARRAY(SELECT t.code || coalesce(': ' || t.outcome, '')"
                        + "   FROM vt_melding_violence_type t WHERE t.melding_id = m.id ORDER BY t.code) AS types,"
                        + " ARRAY(SELECT DISTINCT p.position FROM vt_melding_person p WHERE p.melding_id = m.id AND "
                        + match.replace("m.address_id = ?", "m.address_id = ?") + ") AS subject_positions"
                        + " FROM vt_melding m WHERE m.kind = ? AND EXISTS (SELECT 1 FROM vt_melding_person p"
                        + " WHERE p.melding_id = m.id AND " + match + ") ORDER BY m.received_at",
                concat(params));
        if (meldingen.isEmpty()) {
            return List.of();
        }
        UUID[] ids = meldingen.stream().map(row -> (UUID) row.get("id")).toArray(UUID[]::new);
        java.util.Map<UUID, List<Object[]>> persons = new java.util.HashMap<>();
        jdbc.query(
                "SELECT melding_id, position, role, name, birth_date FROM vt_melding_person WHERE melding_id = ANY (?)"
                        + " ORDER BY position",
                row -> {
                    persons.computeIfAbsent(row.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                            .add(new Object[] {
                                row.getInt(2), row.getString(3), row.getString(4), row.getObject(5, LocalDate.class)
                            });
                },
                (Object) ids);
        return meldingen.stream()
                .map(row -> {
                    UUID id = (UUID) row.get("id");
                    Set<Integer> subject = positions(row.get("subject_positions"));
                    List<SubjectRecord.Party> parties = new java.util.ArrayList<>();
                    parties.add(new SubjectRecord.Party(
                            "melder",
                            row.get("melder_name") == null
                                    ? String.valueOf(row.get("melder_sector"))
                                    : row.get("melder_name") + " (" + row.get("melder_sector") + ")",
                            null,
                            false));
                    for (Object[] p : persons.getOrDefault(id, List.of())) {
                        parties.add(new SubjectRecord.Party(
                                (String) p[1], (String) p[2], (LocalDate) p[3], subject.contains((Integer) p[0])));
                    }
                    List<SubjectRecord.Field> fields = new java.util.ArrayList<>();
                    fields.add(new SubjectRecord.Field("Registratienummer", (String) row.get("registration_number")));
                    fields.add(new SubjectRecord.Field("Reden van de melding", (String) row.get("reason")));
                    fields.add(new SubjectRecord.Field("Geweldsvormen", String.join(", ", strings(row.get("types")))));
                    if (row.get("assessment_code") != null) {
                        fields.add(new SubjectRecord.Field(
                                "Uitkomst veiligheidsbeoordeling", (String) row.get("assessment_code")));
                    }
                    if (row.get("investigation_started_on") != null) {
                        fields.add(new SubjectRecord.Field(
                                "Onderzoek gestart op",
                                row.get("investigation_started_on").toString()));
                    }
                    if (row.get("end_code") != null) {
                        fields.add(new SubjectRecord.Field("Einde bemoeienis", (String) row.get("end_code")));
                    }
                    return new SubjectRecord(
                            source(),
                            id.toString(),
                            (String) row.get("organisation"),
                            toOffset(row.get("received_at")),
                            (kind == NewMelding.Kind.MELDING ? "Melding" : "Advies") + " Veilig Thuis "
                                    + row.get("registration_number"),
                            fields,
                            parties);
                })
                .toList();
    }

    private static Object[] concat(Object[] params) {
        // The subject positions' subquery takes the match's parameters, then the kind and the match again.
        Object[] match = java.util.Arrays.copyOfRange(params, 1, params.length);
        Object[] all = new Object[match.length * 2 + 1];
        System.arraycopy(match, 0, all, 0, match.length);
        all[match.length] = params[0];
        System.arraycopy(match, 0, all, match.length + 1, match.length);
        return all;
    }

    private static Set<Integer> positions(Object array) {
        try {
            Object values = ((java.sql.Array) array).getArray();
            Set<Integer> positions = new java.util.HashSet<>();
            for (Object value : (Object[]) values) {
                positions.add(((Number) value).intValue());
            }
            return positions;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Object array) {
        try {
            return Arrays.stream((Object[]) ((java.sql.Array) array).getArray())
                    .map(String::valueOf)
                    .toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.OffsetDateTime toOffset(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return java.time.OffsetDateTime.ofInstant(timestamp.toInstant(), java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    @Override
    public void delete(String recordId) {
        id(recordId).ifPresent(id -> jdbc.update("DELETE FROM vt_melding WHERE id = ? AND kind = ?", id, kind.code()));
    }

    private static Optional<UUID> id(String text) {
        return Meldingen.id(text);
    }

    /** Meldingen. */
    @Component
    static class MeldingRetention extends VtRetention {
        MeldingRetention(JdbcTemplate jdbc) {
            super(jdbc, NewMelding.Kind.MELDING);
        }

        @Override
        public RecordSource source() {
            return RecordSource.VT_MELDING;
        }
    }

    /** Adviezen. */
    @Component
    static class AdviesRetention extends VtRetention {
        AdviesRetention(JdbcTemplate jdbc) {
            super(jdbc, NewMelding.Kind.ADVIES);
        }

        @Override
        public RecordSource source() {
            return RecordSource.VT_ADVIES;
        }
    }
}
