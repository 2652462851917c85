package nl.adreszicht.matching;

import java.util.Set;
import nl.adreszicht.records.AddressId;

/**
 * Which organisations hold a signal at an address: each module that records signals (police incidents, Veilig Thuis
 * meldingen and adviezen, municipal records) implements this, so signal matching learns who to tell about whom while
 * {@code matching} depends on none of those modules. It never learns what they recorded.
 */
public interface SignalHolders {

    /**
     * The organisations that hold a signal of this source at the address: what signal matching needs on every
     * registration, so a source answers it with one cheap query.
     */
    Set<String> organisationsWithSignalsAt(AddressId address);
}
