package nl.adreszicht.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.security.AccessRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The business signals an operator watches next to the technical ones, counted from the events the modules publish:
 * records stored (police incidents, Veilig Thuis meldingen and adviezen, municipal records) and records deleted
 * (retention, destruction on request), each only once its transaction committed, and refusals of personal data by
 * the permission matrix's action. Break-the-glass grants, the access log's sealer lag and its last chain verification
 * are counted where they happen (radar, audit). No label ever carries an id, a name or an address. These are plain
 * after-commit listeners, outside the event publication registry (only {@code records.AfterCommitListener}s use it):
 * a count lost with a dying process is a metric, not a record.
 */
@Component
class BusinessMetrics {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final Counter registrations;
    private final Counter deletions;
    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.registrations = Counter.builder("adreszicht.registrations")
                .description("Records stored at an address, by any organisation")
                .register(registry);
        this.deletions = Counter.builder("adreszicht.records.deleted")
                .description("Records deleted by retention or on request")
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RecordStored stored) {
        registrations.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RecordDestroyed destroyed) {
        deletions.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccessRefused refused) {
        // The Keycloak subject only, never a name: with the request's trace id, for security monitoring.
        log.info(
                "Refused {} to subject {} (client {})",
                refused.permission().action(),
                refused.professional().subject(),
                refused.client());
        Counter.builder("adreszicht.access.refusals")
                .description("Requests for personal data refused by the permission matrix")
                .tag("action", refused.permission().action())
                .register(registry)
                .increment();
    }
}
