package nl.adreszicht.colour;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * Where the colour of an address gets its records: each module that records something at an address (police
 * incidents, Veilig Thuis meldingen, municipal signals) implements this, so the colour code sees every agency's
 * records while {@code colour} depends on none of those modules.
 */
public interface ColourRecordSource {

    /** Every record this source holds at the address that the colour policy should weigh, whatever its age. */
    List<ColourRecord> recordsAt(AddressId address);
}
