package nl.adreszicht.records;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Forgets what the transaction read at an address when a record there is stored, changed or destroyed, before any
 * other listener of the announcement reads it ({@link AddressReads}).
 */
@Component
class AddressReadsForgetting {

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(RecordEvent event) {
        AddressReads.forget(event.address());
    }
}
