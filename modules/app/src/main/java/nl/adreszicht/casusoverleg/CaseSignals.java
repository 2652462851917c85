package nl.adreszicht.casusoverleg;

import nl.adreszicht.matching.SignalRaised;
import nl.adreszicht.records.AddressId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adapter to the recording pipeline: an accepted case counts as a signal at its address. It is announced to signal
 * matching ({@link SignalRaised}, matched after the commit through the event publication registry), so the
 * organisations with a signal there learn whom to contact (and {@link CaseSignalHolders} names the house on their
 * next records). It is no {@code RecordStored}: a case is not counted in the area scan's tally, weighed by the colour
 * or scheduled for retention when it is accepted, and {@link CaseProposals} does not take it for a new record.
 */
@Component
class CaseSignals {

    private final ApplicationEventPublisher events;

    CaseSignals(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** In the caller's transaction: the case is a signal exactly when it is stored. */
    void accepted(AddressId address, String houseOrganisation) {
        events.publishEvent(new SignalRaised(address, houseOrganisation));
    }
}
