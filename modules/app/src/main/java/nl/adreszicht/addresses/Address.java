package nl.adreszicht.addresses;

import nl.adreszicht.records.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * An address of the register, as {@link AddressRegister} hands it out to a module that shows it (the address card of the
 * colour code). Written only by the import (and the demo data), read by everyone allowed.
 *
 * @param nummeraanduidingId the BAG id, when known
 * @param wijkCode the CBS wijk, when known
 * @param buurtCode the CBS buurt, when known
 * @param areaYear the year of the CBS division its wijk and buurt come from
 * @param synthetic demo or generated data, never a real address
 */
public record Address(
        AddressId id,
        Postcode postcode,
        HouseNumber houseNumber,
        @Nullable String nummeraanduidingId,
        String straat,
        String woonplaats,
        String gemeenteCode,
        @Nullable String wijkCode,
        @Nullable String buurtCode,
        @Nullable Short areaYear,
        boolean synthetic) {}
