package nl.adreszicht.casusoverleg;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.codelists.Organisations;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.InvalidValuesException;
import nl.adreszicht.records.StatedReason;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns what a form or an API client sends for a referral or a triage decision into checked values, or reports every
 * wrong field at once. A gemeente-medewerker refers only addresses in its own gemeente (one elsewhere is reported as an
 * address that does not exist); police and Veilig Thuis refer any address of the register, as they record there.
 */
@Component
class ReferralCheck {

    static final int REASON_MIN = 10;
    static final int REASON_MAX = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final KnownAddresses addresses;
    private final ZvhRegions regions;
    private final Organisations organisations;
    private final CurrentProfessional currentProfessional;

    ReferralCheck(
            KnownAddresses addresses,
            ZvhRegions regions,
            Organisations organisations,
            CurrentProfessional currentProfessional) {
        this.addresses = addresses;
        this.regions = regions;
        this.organisations = organisations;
        this.currentProfessional = currentProfessional;
    }

    Referrals.NewReferral referral(@Nullable String addressId, @Nullable String reason) {
        Professional professional = currentProfessional.require();
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        String[] place = invalid.collect(() -> place(addressId, professional));
        String text = invalid.collect(() -> reason(reason));
        invalid.throwIfAny();
        return new Referrals.NewReferral(AddressId.parse(addressId), place[0], place[1], text);
    }

    /** The gemeente and region of the address, checked against the professional's scope. */
    private String[] place(@Nullable String text, Professional professional) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("adresId", "NotNull");
        }
        AddressId id = InvalidValueException.underField("adresId", () -> AddressId.parse(text));
        String gemeente = addresses
                .gemeenteOf(id)
                .map(GemeenteCode::value)
                .orElseThrow(() -> new InvalidValueException("adresId", "validation.adresId.unknown"));
        boolean ownGemeenteOnly = professional.has(Role.GEMEENTE_MEDEWERKER)
                && !professional.has(Role.POLITIE_MEDEWERKER)
                && !professional.has(Role.VT_MEDEWERKER)
                && !professional.has(Role.VT_SUPERVISOR);
        if (ownGemeenteOnly && !professional.gemeente().filter(gemeente::equals).isPresent()) {
            throw new InvalidValueException("adresId", "validation.adresId.unknownInGemeente");
        }
        String region = regions.regionOf(gemeente)
                .orElseThrow(() -> new InvalidValueException("adresId", "validation.aanmelding.geenZvh"));
        return new String[] {gemeente, region};
    }

    private static String reason(@Nullable String text) {
        String reason = text == null ? "" : text.strip();
        if (reason.length() < REASON_MIN || reason.length() > REASON_MAX) {
            throw new InvalidValueException("reden", "validation.aanmelding.reden");
        }
        return reason;
    }

    /** A triage decision: {@code accepteren} with the organisations to invite, or {@code afwijzen} with a reason. */
    Referrals.Decision decision(
            @Nullable String decision, @Nullable List<@Nullable String> partners, @Nullable String reason) {
        InvalidValuesException.Collector invalid = new InvalidValuesException.Collector();
        Boolean accept = invalid.collect(() -> {
            if (decision == null || decision.isBlank()) {
                throw new InvalidValueException("besluit", "NotNull");
            }
            return switch (decision) {
                case "accepteren" -> Boolean.TRUE;
                case "afwijzen" -> Boolean.FALSE;
                default -> throw new InvalidValueException("besluit", "validation.besluit.format");
            };
        });
        List<@Nullable String> given = partners == null
                ? List.of()
                : partners.stream().filter(p -> p != null && !p.isBlank()).toList();
        Set<String> invited = new LinkedHashSet<>();
        String declineReason = null;
        if (Boolean.TRUE.equals(accept)) {
            if (given.isEmpty()) {
                invalid.collect(() -> {
                    throw new InvalidValueException("partners", "validation.partners.empty");
                });
            }
            for (int i = 0; i < given.size(); i++) {
                String code = given.get(i);
                String field = "partners[" + i + "]";
                invalid.collect(() -> {
                    if (!organisations.isOfKind(code, CasePlans.PARTNER_KINDS)) {
                        throw new InvalidValueException(field, "validation.partners.unknown");
                    }
                    return invited.add(code);
                });
            }
        } else if (Boolean.FALSE.equals(accept)) {
            if (!given.isEmpty()) {
                invalid.collect(() -> {
                    throw new InvalidValueException("partners", "validation.partners.notWhenDeclined");
                });
            }
            declineReason = invalid.collect(() -> StatedReason.of(reason));
        }
        invalid.throwIfAny();
        return new Referrals.Decision(Boolean.TRUE.equals(accept), invited, declineReason);
    }

    /** An idempotency key as a client sends it: 1 to 64 letters, digits, dots, dashes, colons or underscores. */
    static @Nullable String idempotencyKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidValueException("Idempotency-Key", "validation.idempotencyKey.format");
        }
        return key;
    }
}
