package nl.adreszicht.records;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that runs after the publishing transaction committed, in a transaction of its own, and that is never
 * lost: Spring Modulith's event publication registry (in PostgreSQL) records the event for it in the publishing
 * transaction and removes it once the listener completed, and whatever is left (the process died between the commit
 * and the listener, or the listener failed) is resubmitted, on start and every minute, by any instance
 * ({@code spring.modulith.events.registry-trigger-annotation} names this annotation, so only these listeners use the
 * registry). It runs synchronously, on the publishing thread, so the request that caused it answers after it ran. A
 * listener may run more than once for one event (a resubmission racing a slow first run), so it must be idempotent.
 * Published outside a transaction (nothing does so today), it runs at once. ADR 0011.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Transactional(propagation = Propagation.REQUIRES_NEW)
@TransactionalEventListener(fallbackExecution = true)
public @interface AfterCommitListener {

    /**
     * The listener's stable id in the registry, e.g. {@code matching.signal-matches}: an incomplete publication names
     * its listener by it, so a renamed method still gets the events published before the rename.
     */
    @AliasFor(annotation = EventListener.class, attribute = "id")
    String value();
}
