package nl.adreszicht.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.security.AccessRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business signals an operator watches next to the technical ones, counted from the events the modules publish:
 * records stored (police incidents, Veilig Thuis meldingen and adviezen, municipal records) and records deleted
 * (retention, destruction on request), each only once its transaction committed, and refusals of personal data by
 * the permission matrix's action. Break-the-glass grants, the access log's sealer lag and its last chain verification
 * are counted where they happen (radar, audit). No label ever carries an id, a name or an address. Each is counted
 * after its transaction committed, outside the event publication registry (only {@code records.AfterCommitListener}s
 * use it): a count lost with a dying process is a metric, not a record.
 *
 * <p>Plain event listeners that register a transaction synchronisation, not {@code @TransactionalEventListener}s:
 * Spring Modulith intercepts every after-commit {@code @TransactionalEventListener} method, registry or not, and marks
 * it processing and completed, each in a transaction of its own ({@code REQUIRES_NEW}). On the request thread, where
 * the committed transaction's connection is still bound until its completion, that took a second pooled connection
 * per registration, the same wait that made registrations collapse under load (ADR 0011, docs/performance.md).
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

    @EventListener
    void on(RecordStored stored) {
        afterCommit(registrations::increment);
    }

    @EventListener
    void on(RecordDestroyed destroyed) {
        afterCommit(deletions::increment);
    }

    @EventListener
    void on(AccessRefused refused) {
        afterCommit(() -> count(refused));
    }

    /** Runs {@code count} once the current transaction committed (never when it rolls back), or at once outside one. */
    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private void count(AccessRefused refused) {
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
