package nl.adreszicht.casusoverleg;

import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordedAtAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adapter to the recording pipeline: an accepted case counts as a signal at its address. It is announced as a new
 * record of the Zorg- en Veiligheidshuis ({@link RecordedAtAddress}), so signal matching tells the organisations with
 * a signal there whom to contact (and {@link CaseSignalHolders} names the house on their next records). {@link
 * CaseProposals} ignores these announcements: they are not new records of the household.
 */
@Component
class CaseSignals {

    private final ApplicationEventPublisher events;

    CaseSignals(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** In the caller's transaction: the case is a signal exactly when it is stored. */
    void accepted(AddressId address, String houseOrganisation) {
        events.publishEvent(RecordedAtAddress.recordedBy(address, houseOrganisation));
    }
}
