package nl.adreszicht.audit;

import nl.adreszicht.security.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A refused attempt on personal data is an access too: it gets its entry, synchronously. */
@Component
class RefusalLogger {

    private final AccessLog accessLog;

    RefusalLogger(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @EventListener
    void on(AccessRefused refused) {
        accessLog.record(
                refused.professional(),
                new AccessEntry(AccessKind.GEWEIGERD, refused.permission().action(), null, null, false),
                refused.remoteAddress(),
                refused.client());
    }
}
