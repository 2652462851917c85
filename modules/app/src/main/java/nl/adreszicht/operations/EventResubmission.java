package nl.adreszicht.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits the event publications whose after-commit listener never completed ({@code records.AfterCommitListener},
 * ADR 0011): the process died between the commit and the listener, or the listener failed. At start and every
 * {@code adreszicht.events.resubmit-interval}, on every instance, it resubmits those older than
 * {@code adreszicht.events.resubmit-after}, far longer than a listener runs, so a listener that is still running on
 * another instance is left alone; Spring Modulith marks each publication resubmitted with a compare-and-set, so of two
 * instances only one takes it. A resubmission that itself never finished (the process died during it) is marked
 * failed after {@code adreszicht.events.stale-after} and taken again. The listeners are idempotent, so the rare
 * double run (a listener slower than the threshold) changes nothing.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final EventPublicationRegistry registry;
    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;
    private final Duration staleAfter;
    private final AtomicInteger waiting = new AtomicInteger();

    EventResubmission(
            EventPublicationRegistry registry,
            IncompleteEventPublications incomplete,
            @Value("${adreszicht.events.resubmit-after:PT1M}") Duration resubmitAfter,
            @Value("${adreszicht.events.stale-after:PT10M}") Duration staleAfter,
            MeterRegistry metrics) {
        this.registry = registry;
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
        this.staleAfter = staleAfter;
        Gauge.builder("adreszicht.events.incomplete", waiting, AtomicInteger::get)
                .description("Event publications whose after-commit listener had not completed at the last check")
                .register(metrics);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resubmit();
    }

    @Scheduled(
            initialDelayString = "${adreszicht.events.resubmit-interval:PT1M}",
            fixedDelayString = "${adreszicht.events.resubmit-interval:PT1M}")
    void everyInterval() {
        resubmit();
    }

    /** Resubmits what is due; returns how many publications were due (some may have gone to another instance). */
    int resubmit() {
        registry.markStalePublicationsFailed(status -> staleAfter);
        int due = registry.findIncompletePublicationsOlderThan(resubmitAfter).size();
        waiting.set(due);
        if (due > 0) {
            log.warn(
                    "Resubmitting {} event publications whose listener did not complete within {}", due, resubmitAfter);
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        }
        return due;
    }
}
