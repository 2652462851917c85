package nl.adreszicht.addresses;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * What a module contributes to the history of an address (the radar of Veilig Thuis): each module that records at
 * an address implements this, as it implements {@code colour.ColourRecordSource}, so the history shows every agency's
 * records while {@code addresses} depends on none of those modules. Only Veilig Thuis reads the history, within
 * its region or by break-the-glass; the sources therefore return content, names included.
 */
public interface AddressHistorySource {

    /** Every entry this source holds at the address, in any order. */
    List<HistoryEntry> historyAt(AddressId address);

    /**
     * The organisations that hold a signal of this source at the address (an incident, a melding, a municipal
     * record; not a colour change): what signal matching needs on every registration, so a source answers it with
     * one cheap query instead of its whole history.
     */
    java.util.Set<String> organisationsWithSignalsAt(AddressId address);
}
