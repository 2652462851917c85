package nl.adreszicht.persons;

import java.time.LocalDate;
import java.util.Set;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a betrokkene as any registration receives one (a police incident, a Veilig Thuis melding): role and
 * relation in <em>this</em> record from fixed lists, a name, a birth date not in the future, an optional BSN that
 * passes the elfproef. Every wrong field is collected under the request's own field names.
 */
public final class PersonFields {

    /** The roles a person can have in one record (domain.md section 3). */
    public static final Set<String> ROLES = Set.of("slachtoffer", "pleger", "getuige", "kind", "melder");

    /** The relations a person can have in one record. */
    public static final Set<String> RELATIONS =
            Set.of("partner", "ex-partner", "ouder-kind", "kind-ouder", "overig-familie");

    static final int NAME_MAX = 200;

    private static final String REQUIRED = "NotNull";

    private PersonFields() {}

    /** A betrokkene whose fields all passed. */
    public record Checked(
            String role,
            @Nullable String relation,
            String name,
            @Nullable LocalDate birthDate,
            @Nullable Bsn bsn) {}

    /**
     * Checks one betrokkene, collecting every wrong field as {@code field.rol}, {@code field.naam}, and so on.
     *
     * @return the checked person, or null when a field is wrong (the collector then holds why)
     */
    public static @Nullable Checked check(
            String field,
            @Nullable String role,
            @Nullable String relation,
            @Nullable String name,
            @Nullable LocalDate birthDate,
            @Nullable String bsn,
            LocalDate today,
            InvalidValuesException.Collector invalid) {
        String checkedRole = invalid.collect(() -> {
            if (role == null || role.isBlank()) {
                throw new InvalidValueException(field + ".rol", REQUIRED);
            }
            return code(field + ".rol", role, ROLES, "validation.rol.format");
        });
        String checkedRelation = relation == null || relation.isBlank()
                ? null
                : invalid.collect(() -> code(field + ".relatie", relation, RELATIONS, "validation.relatie.format"));
        String checkedName = invalid.collect(() -> name(field + ".naam", name));
        LocalDate checkedBirthDate = invalid.collect(() -> {
            if (birthDate != null && birthDate.isAfter(today)) {
                throw new InvalidValueException(field + ".geboortedatum", "validation.geboortedatum.future");
            }
            return birthDate;
        });
        Bsn checkedBsn = bsn == null || bsn.isBlank()
                ? null
                : invalid.collect(() -> InvalidValueException.underField(field + ".bsn", () -> Bsn.parse(bsn)));
        return checkedRole == null || checkedName == null
                ? null
                : new Checked(checkedRole, checkedRelation, checkedName, checkedBirthDate, checkedBsn);
    }

    private static String code(String field, String code, Set<String> allowed, String key) {
        if (!allowed.contains(code)) {
            throw new InvalidValueException(field, key);
        }
        return code;
    }

    private static String name(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, REQUIRED);
        }
        String name = text.strip();
        if (name.length() > NAME_MAX) {
            throw new InvalidValueException(field, "validation.naam.length");
        }
        return name;
    }
}
