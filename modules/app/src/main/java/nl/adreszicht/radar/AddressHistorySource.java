package nl.adreszicht.radar;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * What a module contributes to the history of an address (the radar of Veilig Thuis): each module that records at
 * an address implements this (and the colour code for its changes, raises and lowerings), so the history shows every
 * agency's records while {@code radar} depends on none of those modules. Only Veilig Thuis reads the history, within
 * its region or by break-the-glass; the sources therefore return content, names included.
 */
public interface AddressHistorySource {

    /** Every entry this source holds at the address, in any order. */
    List<HistoryEntry> historyAt(AddressId address);
}
