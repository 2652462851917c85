package nl.adreszicht.incidents;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.persons.PersonFields;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.Severity;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a registration body into a {@link NewIncident}, or reports every wrong field at once (names like
 * {@code betrokkenen[0].bsn}) so the police system can correct them in one go.
 */
@Component
class IncidentRegistrationCheck {

    /** Clocks of two systems differ a little; a time further ahead than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[A-Za-z0-9/-]{1,40}");
    private static final int SUMMARY_MAX = 1000;
    private static final String REQUIRED = "NotNull";

    private final KnownAddresses addresses;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    IncidentRegistrationCheck(KnownAddresses addresses, ViolenceTypeCodes violenceTypes, DutchTime time) {
        this.addresses = addresses;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    NewIncident check(IncidentRegistratie body) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String number = invalid.collect(() -> registrationNumber(body.registratienummer()));
        ZoneId zone = invalid.collect(() -> zone(body.tijdzone()));
        Instant occurredAt = invalid.collect(() -> occurredAt(body));
        AddressId address = invalid.collect(() -> address(body.adresId()));
        List<InvalidValueException> typeErrors = new ArrayList<>();
        SortedSet<String> types = violenceTypes(body.geweldsvormen(), typeErrors);
        typeErrors.forEach(error -> invalid.collect(() -> {
            throw error;
        }));
        Severity severity = invalid.collect(() -> severity(body.ernst()));
        Boolean children = invalid.collect(() -> required("kinderenAanwezig", body.kinderenAanwezig()));
        Boolean injury = invalid.collect(() -> required("letsel", body.letsel()));
        Boolean weapon = invalid.collect(() -> required("wapen", body.wapen()));
        Boolean alcoholDrugs = invalid.collect(() -> required("alcoholDrugs", body.alcoholDrugs()));
        Boolean aangifte = invalid.collect(() -> required("aangifte", body.aangifte()));
        Boolean imposed = invalid.collect(() -> required("huisverbodOpgelegd", body.huisverbodOpgelegd()));
        Boolean broken = invalid.collect(() -> required("huisverbodOvertreden", body.huisverbodOvertreden()));
        String summary = invalid.collect(() -> summary(body.toelichting()));
        List<NewIncident.Person> persons = new ArrayList<>();
        List<IncidentRegistratie.@Nullable Betrokkene> betrokkenen =
                body.betrokkenen() == null ? List.of() : body.betrokkenen();
        for (int i = 0; i < betrokkenen.size(); i++) {
            String field = "betrokkenen[" + i + "]";
            IncidentRegistratie.Betrokkene betrokkene = betrokkenen.get(i);
            if (betrokkene == null) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field, REQUIRED);
                });
                continue;
            }
            NewIncident.Person person = person(field, betrokkene, invalid);
            if (person != null) {
                persons.add(person);
            }
        }
        invalid.throwIfAny();
        return new NewIncident(
                number,
                occurredAt,
                zone,
                address,
                types,
                severity,
                children,
                injury,
                weapon,
                alcoholDrugs,
                aangifte,
                imposed,
                broken,
                summary,
                List.copyOf(persons));
    }

    private static String registrationNumber(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("registratienummer", REQUIRED);
        }
        if (!REGISTRATION_NUMBER.matcher(text).matches()) {
            throw new InvalidValueException("registratienummer", "validation.registratienummer.format");
        }
        return text;
    }

    private static ZoneId zone(@Nullable String text) {
        if (text == null) {
            return DutchTime.ZONE;
        }
        try {
            ZoneId zone = ZoneId.of(text);
            // An offset such as +01:00 is no time zone: it does not know summer time.
            if (zone instanceof ZoneOffset || text.length() > 40) {
                throw new DateTimeException("not a region");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidValueException("tijdzone", "validation.tijdzone.format");
        }
    }

    private Instant occurredAt(IncidentRegistratie body) {
        if (body.tijdstip() == null) {
            throw new InvalidValueException("tijdstip", REQUIRED);
        }
        Instant occurredAt = body.tijdstip().toInstant();
        if (occurredAt.isAfter(time.now().plus(CLOCK_SKEW))) {
            throw new InvalidValueException("tijdstip", "validation.tijdstip.future");
        }
        return occurredAt;
    }

    private AddressId address(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("adresId", REQUIRED);
        }
        AddressId id = InvalidValueException.underField("adresId", () -> AddressId.parse(text));
        if (!addresses.exists(id)) {
            throw new InvalidValueException("adresId", "validation.adresId.unknown");
        }
        return id;
    }

    private SortedSet<String> violenceTypes(
            @Nullable List<@Nullable String> codes, List<InvalidValueException> errors) {
        SortedSet<String> types = new TreeSet<>();
        if (codes == null || codes.isEmpty()) {
            errors.add(new InvalidValueException("geweldsvormen", "validation.geweldsvormen.empty"));
            return types;
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || code.isBlank()) {
                errors.add(new InvalidValueException("geweldsvormen[" + i + "]", REQUIRED));
            } else if (!violenceTypes.exists(code)) {
                errors.add(new InvalidValueException("geweldsvormen[" + i + "]", "validation.geweldsvorm.unknown"));
            } else {
                types.add(code);
            }
        }
        return types;
    }

    private static Severity severity(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("ernst", REQUIRED);
        }
        return switch (text) {
            case "S1" -> Severity.S1;
            case "S2" -> Severity.S2;
            case "S3" -> Severity.S3;
            default -> throw new InvalidValueException("ernst", "validation.ernst.format");
        };
    }

    private static Boolean required(String field, @Nullable Boolean value) {
        if (value == null) {
            throw new InvalidValueException(field, REQUIRED);
        }
        return value;
    }

    private static @Nullable String summary(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String summary = text.strip();
        if (summary.length() > SUMMARY_MAX) {
            throw new InvalidValueException("toelichting", "validation.toelichting.length");
        }
        return summary;
    }

    /** The person, or null when a field is wrong (then the collector holds the error and nothing is stored). */
    private NewIncident.@Nullable Person person(
            String field, IncidentRegistratie.Betrokkene betrokkene, InvalidValuesException.Collector invalid) {
        PersonFields.Checked person = PersonFields.check(
                field,
                betrokkene.rol(),
                betrokkene.relatie(),
                betrokkene.naam(),
                betrokkene.geboortedatum(),
                betrokkene.bsn(),
                time.today(),
                invalid);
        return person == null
                ? null
                : new NewIncident.Person(
                        person.role(), person.relation(), person.name(), person.birthDate(), person.bsn());
    }
}
