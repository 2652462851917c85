package nl.adreszicht.monitor;

import java.util.List;
import nl.adreszicht.records.AddressId;

/**
 * Where the monitor gets the interventions at an address: a tijdelijk huisverbod ({@code signals}), a Veilig Thuis
 * onderzoek or overdracht ({@code veiligthuis}), and a casusoverleg's plan van aanpak (its module implements this
 * when it arrives, nothing else changes). For each, the monitor compares whether the address had a new record within
 * 6 and 12 months after with whether it had one in the 12 months before, per quarter of the intervention.
 */
public interface InterventionSource {

    /** Every intervention this source holds at the address, whatever its age. */
    List<Intervention> interventionsAt(AddressId address);
}
