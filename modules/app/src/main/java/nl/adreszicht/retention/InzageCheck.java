package nl.adreszicht.retention;

import java.time.LocalDate;
import java.util.UUID;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import org.jspecify.annotations.Nullable;

/**
 * An inzage request as typed, checked at once (every wrong field named): the day it was received (not in the
 * future), and the person by BSN (nine digits, elfproef) or by name, date of birth and address together.
 */
final class InzageCheck {

    private InzageCheck() {}

    record Checked(LocalDate receivedOn, PersonQuery person) {}

    static Checked check(
            @Nullable LocalDate receivedOn,
            @Nullable String name,
            @Nullable LocalDate birthDate,
            @Nullable String addressId,
            @Nullable String bsn,
            LocalDate today) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        LocalDate received = invalid.collect(() -> {
            if (receivedOn == null) {
                throw new InvalidValueException("ontvangenOp", "NotNull");
            }
            if (receivedOn.isAfter(today)) {
                throw new InvalidValueException("ontvangenOp", "validation.datum.toekomst");
            }
            return receivedOn;
        });
        if (bsn != null && !bsn.isBlank()) {
            Bsn number = invalid.collect(() -> Bsn.parse(bsn));
            invalid.throwIfAny();
            return new Checked(received, new PersonQuery(null, null, null, number.value()));
        }
        String checkedName = invalid.collect(() -> {
            if (name == null || name.isBlank()) {
                throw new InvalidValueException("naam", "validation.inzage.persoon");
            }
            if (name.strip().length() > 200) {
                throw new InvalidValueException("naam", "validation.tekst.length");
            }
            return name.strip();
        });
        LocalDate born = invalid.collect(() -> {
            if (birthDate == null) {
                throw new InvalidValueException("geboortedatum", "validation.inzage.persoon");
            }
            return birthDate;
        });
        AddressId address = invalid.collect(() -> {
            if (addressId == null || addressId.isBlank()) {
                throw new InvalidValueException("adresId", "validation.inzage.persoon");
            }
            try {
                return new AddressId(UUID.fromString(addressId.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("adresId", "validation.adresId.format");
            }
        });
        invalid.throwIfAny();
        return new Checked(received, new PersonQuery(checkedName, born, address, null));
    }
}
