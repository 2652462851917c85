package nl.adreszicht.records;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that runs after the publishing transaction committed, in a transaction of its own, on a thread of its
 * own, and that is never lost: Spring Modulith's event publication registry (in PostgreSQL) records the event for it
 * in the publishing transaction and removes it once the listener completed, and whatever is left (the process died
 * between the commit and the listener, the listener failed, or its queue was full) is resubmitted, on start and every
 * minute, by any instance ({@code spring.modulith.events.registry-trigger-annotation} names this annotation, so only
 * these listeners use the registry). ADR 0011.
 *
 * <p><b>Asynchronous, on the bounded {@value #EXECUTOR} executor</b> ({@code AfterCommitExecution}), like Spring
 * Modulith's {@code @ApplicationModuleListener}. Run on the publishing thread, the listener's {@code REQUIRES_NEW}
 * transaction took a second pooled connection while the committed transaction's was still bound (Spring releases it
 * only after {@code afterCompletion}): every registration needed two connections at its end, and as many parallel
 * registrations as the pool has connections waited on each other until the pool's timeout (docs/performance.md,
 * "Registrations collapse"). Handed to the executor, the request thread releases its connection and answers; the
 * listener takes one connection of its own, and the executor's few threads bound how many it takes at once. So the
 * request answers <em>before</em> the listener ran: a client that reads the listener's effect (a match, a
 * terugkoppeling) right after registering may not see it yet, and sees it moments later. The completion is marked by
 * Spring Modulith inside the asynchronous call, on the executor's thread, so a listener that never ran stays
 * incomplete in the registry.
 *
 * <p>A listener may run more than once for one event (a resubmission racing a slow first run), so it must be
 * idempotent. Published outside a transaction (nothing does so today), it is handed to the executor at once.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Async(AfterCommitListener.EXECUTOR)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener(fallbackExecution = true)
public @interface AfterCommitListener {

    /** The bean name of the executor the listeners run on ({@code AfterCommitExecution}). */
    String EXECUTOR = "afterCommitExecutor";

    /**
     * The listener's stable id in the registry, e.g. {@code matching.signal-matches}: an incomplete publication names
     * its listener by it, so a renamed method still gets the events published before the rename.
     */
    @AliasFor(annotation = EventListener.class, attribute = "id")
    String value();
}
