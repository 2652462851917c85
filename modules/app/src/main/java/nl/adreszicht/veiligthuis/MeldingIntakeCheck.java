package nl.adreszicht.veiligthuis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.incidents.ZorgmeldingIntake;
import nl.adreszicht.persons.PersonFields;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.Severity;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns an intake body into a {@link NewMelding}, or reports every wrong field at once (names like
 * {@code betrokkenen[0].bsn}, {@code melder.sector}). A melding from a police zorgmelding takes its address, violence
 * types, severity and the officer's concern from the incident; any other melder names the address and the types.
 */
@Component
class MeldingIntakeCheck {

    static final Set<String> SECTORS = Set.of(
            "politie",
            "onderwijs",
            "kinderopvang",
            "huisarts",
            "ziekenhuis",
            "ggz",
            "jeugdzorg",
            "wijkteam",
            "verslavingszorg",
            "reclassering",
            "gemeente",
            "slachtoffer",
            "familie",
            "omgeving",
            "anoniem",
            "overig");

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int REASON_MIN = 10;
    private static final int REASON_MAX = 2000;
    private static final int TEXT_MAX = 200;
    private static final String REQUIRED = "NotNull";

    private final KnownAddresses addresses;
    private final ViolenceTypeCodes violenceTypes;
    private final ZorgmeldingIntake zorgmeldingen;
    private final DutchTime time;

    MeldingIntakeCheck(
            KnownAddresses addresses,
            ViolenceTypeCodes violenceTypes,
            ZorgmeldingIntake zorgmeldingen,
            DutchTime time) {
        this.addresses = addresses;
        this.violenceTypes = violenceTypes;
        this.zorgmeldingen = zorgmeldingen;
        this.time = time;
    }

    NewMelding check(MeldingRegistratie body, NewMelding.Kind kind) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        ZorgmeldingIntake.Zorgmelding zorgmelding = invalid.collect(() -> zorgmelding(body.zorgmeldingId(), kind));
        boolean fromPolice =
                body.zorgmeldingId() != null && !body.zorgmeldingId().isBlank();
        AddressId address = fromPolice
                ? (zorgmelding == null ? null : zorgmelding.address())
                : invalid.collect(() -> address(body.adresId()));
        if (fromPolice
                && body.adresId() != null
                && zorgmelding != null
                && !body.adresId().equals(zorgmelding.address().toString())) {
            invalid.collect(() -> {
                throw new InvalidValueException("adresId", "validation.adresId.zorgmelding");
            });
        }
        Instant receivedAt = invalid.collect(() -> receivedAt(body));
        MeldingRegistratie.Melder melder = body.melder();
        String sector = fromPolice && (melder == null || melder.sector() == null)
                ? "politie"
                : invalid.collect(() -> sector(melder));
        String melderName = melder == null ? null : invalid.collect(() -> text("melder.naam", melder.naam()));
        String melderContact = melder == null ? null : invalid.collect(() -> text("melder.contact", melder.contact()));
        String reason = fromPolice && (body.reden() == null || body.reden().isBlank()) && zorgmelding != null
                ? zorgmelding.concern()
                : invalid.collect(() -> reason(body.reden()));
        SortedSet<String> types = new TreeSet<>();
        if (zorgmelding != null) {
            types.addAll(zorgmelding.violenceTypes());
        }
        List<@Nullable String> codes = body.geweldsvormen() == null ? List.of() : body.geweldsvormen();
        if (codes.isEmpty() && types.isEmpty() && !fromPolice) {
            invalid.collect(() -> {
                throw new InvalidValueException("geweldsvormen", "validation.geweldsvormen.empty");
            });
        }
        for (int i = 0; i < codes.size(); i++) {
            String field = "geweldsvormen[" + i + "]";
            String code = codes.get(i);
            String checked = invalid.collect(() -> violenceType(field, code));
            if (checked != null) {
                types.add(checked);
            }
        }
        List<NewMelding.Person> persons = new ArrayList<>();
        List<MeldingRegistratie.@Nullable Betrokkene> betrokkenen =
                body.betrokkenen() == null ? List.of() : body.betrokkenen();
        for (int i = 0; i < betrokkenen.size(); i++) {
            String field = "betrokkenen[" + i + "]";
            MeldingRegistratie.Betrokkene betrokkene = betrokkenen.get(i);
            if (betrokkene == null) {
                invalid.collect(() -> {
                    throw new InvalidValueException(field, REQUIRED);
                });
                continue;
            }
            NewMelding.Person person = person(field, betrokkene, invalid);
            if (person != null) {
                persons.add(person);
            }
        }
        invalid.throwIfAny();
        boolean children = persons.stream().anyMatch(p -> p.role().equals("kind"))
                || (zorgmelding != null && zorgmelding.childrenPresent());
        // A melding without a police incident behind it has no police severity; S1 is the floor, and what the
        // beoordeling finds (acute onveiligheid) is what raises the colour.
        Severity severity = zorgmelding == null ? Severity.S1 : zorgmelding.severity();
        return new NewMelding(
                kind,
                zorgmelding == null ? null : zorgmelding.id(),
                address,
                receivedAt,
                sector,
                melderName,
                melderContact,
                reason,
                Boolean.TRUE.equals(body.acuut()),
                severity,
                children,
                types,
                List.copyOf(persons));
    }

    private ZorgmeldingIntake.@Nullable Zorgmelding zorgmelding(@Nullable String text, NewMelding.Kind kind) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (kind == NewMelding.Kind.ADVIES) {
            throw new InvalidValueException("zorgmeldingId", "validation.zorgmeldingId.advies");
        }
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("zorgmeldingId", "validation.zorgmeldingId.format");
        }
        return zorgmeldingen
                .find(id)
                .orElseThrow(() -> new InvalidValueException("zorgmeldingId", "validation.zorgmeldingId.unknown"));
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

    private Instant receivedAt(MeldingRegistratie body) {
        if (body.ontvangenOp() == null) {
            return time.now();
        }
        Instant received = body.ontvangenOp().toInstant();
        if (received.isAfter(time.now().plus(CLOCK_SKEW))) {
            throw new InvalidValueException("ontvangenOp", "validation.ontvangenOp.future");
        }
        return received;
    }

    private static String sector(MeldingRegistratie.@Nullable Melder melder) {
        if (melder == null) {
            throw new InvalidValueException("melder", REQUIRED);
        }
        if (melder.sector() == null || melder.sector().isBlank()) {
            throw new InvalidValueException("melder.sector", REQUIRED);
        }
        if (!SECTORS.contains(melder.sector())) {
            throw new InvalidValueException("melder.sector", "validation.melder.sector");
        }
        return melder.sector();
    }

    private static @Nullable String text(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > TEXT_MAX) {
            throw new InvalidValueException(field, "validation.melder.length");
        }
        return text.strip();
    }

    private static String reason(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("reden", REQUIRED);
        }
        String reason = text.strip();
        if (reason.length() < REASON_MIN || reason.length() > REASON_MAX) {
            throw new InvalidValueException("reden", "validation.meldingreden.length");
        }
        return reason;
    }

    private String violenceType(String field, @Nullable String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException(field, REQUIRED);
        }
        if (!violenceTypes.exists(code)) {
            throw new InvalidValueException(field, "validation.geweldsvorm.unknown");
        }
        return code;
    }

    private NewMelding.@Nullable Person person(
            String field, MeldingRegistratie.Betrokkene betrokkene, InvalidValuesException.Collector invalid) {
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
                : new NewMelding.Person(
                        person.role(), person.relation(), person.name(), person.birthDate(), person.bsn());
    }
}
