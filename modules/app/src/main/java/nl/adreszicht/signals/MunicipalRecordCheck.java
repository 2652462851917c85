package nl.adreszicht.signals;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.Severity;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns a registration body into a {@link NewMunicipalRecord}, or reports every wrong field at once. The address
 * must lie in the professional's own gemeente (from the token): an address elsewhere is reported exactly like an
 * address that does not exist, so the answer reveals nothing about other gemeenten.
 */
@Component
class MunicipalRecordCheck {

    /** A tijdelijk huisverbod lasts ten days unless it is extended (Wet tijdelijk huisverbod, art. 2 and 9). */
    static final int HUISVERBOD_DAYS = 10;

    /** An extension brings it to at most four weeks after the day it was imposed. */
    static final int HUISVERBOD_MAX_DAYS = 28;

    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[A-Za-z0-9/-]{1,40}");
    private static final int SUMMARY_MAX = 1000;
    private static final String REQUIRED = "NotNull";
    private static final String ONLY_SIGNAAL = "validation.soort.alleenSignaal";
    private static final String ONLY_HUISVERBOD = "validation.soort.alleenHuisverbod";

    private final KnownAddresses addresses;
    private final ViolenceTypeCodes violenceTypes;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    MunicipalRecordCheck(
            KnownAddresses addresses,
            ViolenceTypeCodes violenceTypes,
            CurrentProfessional currentProfessional,
            DutchTime time) {
        this.addresses = addresses;
        this.violenceTypes = violenceTypes;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    NewMunicipalRecord check(GemeenteRegistratie body) {
        String gemeente = currentProfessional
                .require()
                .gemeente()
                .orElseThrow(() -> new AccessDeniedException(
                        "Een gemeentelijke registratie hoort bij een gemeente; uw account heeft er geen."));
        LocalDate today = time.today();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String number = invalid.collect(() -> registrationNumber(body.registratienummer()));
        MunicipalRecordKind kind = invalid.collect(() -> kind(body.soort()));
        AddressId address = invalid.collect(() -> address(body.adresId(), gemeente));
        LocalDate date = invalid.collect(() -> notInFuture("datum", body.datum(), today, "validation.datum.future"));
        String summary = invalid.collect(() -> summary(body.toelichting()));

        SortedSet<String> types = new TreeSet<>();
        Severity severity = null;
        Boolean children = null;
        LocalDate endsOn = null;
        Boolean broken = null;
        LocalDate brokenOn = null;
        if (kind == MunicipalRecordKind.SIGNAAL) {
            types = violenceTypes(body.geweldsvormen(), invalid);
            severity = invalid.collect(() -> severity(body.ernst()));
            children = invalid.collect(() -> required("kinderenAanwezig", body.kinderenAanwezig()));
            absent(invalid, "einddatum", body.einddatum(), ONLY_HUISVERBOD);
            absent(invalid, "overtreden", body.overtreden(), ONLY_HUISVERBOD);
            absent(invalid, "overtredenOp", body.overtredenOp(), ONLY_HUISVERBOD);
        } else if (kind == MunicipalRecordKind.HUISVERBOD) {
            absent(invalid, "geweldsvormen", body.geweldsvormen(), ONLY_SIGNAAL);
            absent(invalid, "ernst", body.ernst(), ONLY_SIGNAAL);
            absent(invalid, "kinderenAanwezig", body.kinderenAanwezig(), ONLY_SIGNAAL);
            endsOn = date == null ? null : invalid.collect(() -> endsOn(date, body.einddatum()));
            broken = invalid.collect(() -> required("overtreden", body.overtreden()));
            LocalDate end = endsOn;
            brokenOn = broken == null || date == null || end == null
                    ? null
                    : invalid.collect(() -> brokenOn(body.overtreden(), body.overtredenOp(), date, end, today));
        }
        invalid.throwIfAny();
        return new NewMunicipalRecord(
                number, kind, address, gemeente, date, types, severity, children, endsOn, broken, brokenOn, summary);
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

    private static MunicipalRecordKind kind(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("soort", REQUIRED);
        }
        return MunicipalRecordKind.fromCode(text)
                .orElseThrow(() -> new InvalidValueException("soort", "validation.soort.format"));
    }

    private AddressId address(@Nullable String text, String gemeente) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("adresId", REQUIRED);
        }
        AddressId id = InvalidValueException.underField("adresId", () -> AddressId.parse(text));
        if (!addresses.existsInGemeente(id, gemeente)) {
            throw new InvalidValueException("adresId", "validation.adresId.unknownInGemeente");
        }
        return id;
    }

    private static LocalDate notInFuture(String field, @Nullable LocalDate date, LocalDate today, String futureKey) {
        if (date == null) {
            throw new InvalidValueException(field, REQUIRED);
        }
        if (date.isAfter(today)) {
            throw new InvalidValueException(field, futureKey);
        }
        return date;
    }

    private SortedSet<String> violenceTypes(
            @Nullable List<@Nullable String> codes, InvalidValuesException.Collector invalid) {
        SortedSet<String> types = new TreeSet<>();
        if (codes == null || codes.isEmpty()) {
            invalid.collect(() -> {
                throw new InvalidValueException("geweldsvormen", "validation.geweldsvormen.empty");
            });
            return types;
        }
        for (int i = 0; i < codes.size(); i++) {
            String field = "geweldsvormen[" + i + "]";
            String code = codes.get(i);
            if (code == null || code.isBlank()) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field, REQUIRED);
                });
            } else if (!violenceTypes.exists(code)) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field, "validation.geweldsvorm.unknown");
                });
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

    private static LocalDate endsOn(LocalDate imposed, @Nullable LocalDate endsOn) {
        if (endsOn == null) {
            return imposed.plusDays(HUISVERBOD_DAYS);
        }
        if (!endsOn.isAfter(imposed) || endsOn.isAfter(imposed.plusDays(HUISVERBOD_MAX_DAYS))) {
            throw new InvalidValueException("einddatum", "validation.einddatum.range");
        }
        return endsOn;
    }

    private static @Nullable LocalDate brokenOn(
            @Nullable Boolean broken,
            @Nullable LocalDate brokenOn,
            LocalDate imposed,
            LocalDate endsOn,
            LocalDate today) {
        if (!Boolean.TRUE.equals(broken)) {
            if (brokenOn != null) {
                throw new InvalidValueException("overtredenOp", "validation.overtredenOp.notBroken");
            }
            return null;
        }
        LocalDate day = notInFuture("overtredenOp", brokenOn, today, "validation.overtredenOp.future");
        if (day.isBefore(imposed) || day.isAfter(endsOn)) {
            throw new InvalidValueException("overtredenOp", "validation.overtredenOp.range");
        }
        return day;
    }

    private static Boolean required(String field, @Nullable Boolean value) {
        if (value == null) {
            throw new InvalidValueException(field, REQUIRED);
        }
        return value;
    }

    /** A field of the other kind of record: refused rather than silently dropped. */
    private static void absent(
            InvalidValuesException.Collector invalid, String field, @Nullable Object value, String key) {
        boolean given = value instanceof String text
                ? !text.isBlank()
                : value instanceof List<?> list ? !list.isEmpty() : value != null;
        if (given) {
            invalid.collect(() -> {
                throw new InvalidValueException(field, key);
            });
        }
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
}
