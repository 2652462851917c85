package nl.adreszicht.signals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.ContentHash;
import nl.adreszicht.records.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A registration that passed every check, in canonical form: what gets stored, and what the content hash is
 * computed over, so that the same record sent twice (even with its violence types in another order, or a
 * huisverbod's default end date sent explicitly) is recognised as the same.
 *
 * <p>A signaal has violence types, a severity and children present, and no huisverbod fields; a huisverbod has an
 * end date and whether (and when) it was broken, and no signaal fields. The check guarantees this shape.
 *
 * @param gemeente the gemeente code of the address, which is the professional's own
 * @param date the day of the signal, or the day the huisverbod was imposed
 */
record NewMunicipalRecord(
        String registrationNumber,
        MunicipalRecordKind kind,
        AddressId address,
        String gemeente,
        LocalDate date,
        SortedSet<String> violenceTypes,
        @Nullable Severity severity,
        @Nullable Boolean childrenPresent,
        @Nullable LocalDate huisverbodEndsOn,
        @Nullable Boolean huisverbodBroken,
        @Nullable LocalDate huisverbodBrokenOn,
        @Nullable String summary) {

    /** SHA-256 over every field, each length-prefixed so that no two different contents share one text. */
    String contentHash() {
        List<@Nullable Object> values = new ArrayList<>();
        values.add(registrationNumber);
        values.add(kind.code());
        values.add(address.value());
        values.add(gemeente);
        values.add(date);
        values.add(String.join(",", violenceTypes));
        values.add(severity == null ? null : severity.name());
        values.add(childrenPresent);
        values.add(huisverbodEndsOn);
        values.add(huisverbodBroken);
        values.add(huisverbodBrokenOn);
        values.add(summary);
        return ContentHash.of(values);
    }
}
