package nl.adreszicht.operations;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that a fault lasts, written at most once a minute per subject with the number of occurrences since,
 * instead of once per request or per scheduled run: 40,000 log lines in three minutes help no operator.
 */
public final class ThrottledLog {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    // Monotonic nanoTime of the last line per subject: an interval, not a date.
    private final ConcurrentMap<String, Long> lastWritten = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> suppressed = new ConcurrentHashMap<>();

    public ThrottledLog(Logger log) {
        this.log = log;
    }

    /** Writes {@code message} (with SLF4J arguments, never a stack trace) unless it was written for this subject less than a minute ago. */
    public void warn(String subject, String message, Object... arguments) {
        long now = System.nanoTime();
        AtomicLong count = suppressed.computeIfAbsent(subject, key -> new AtomicLong());
        Long previous = lastWritten.get(subject);
        if (previous != null && now - previous < INTERVAL.toNanos()) {
            count.incrementAndGet();
            return;
        }
        if (previous == null
                ? lastWritten.putIfAbsent(subject, now) != null
                : !lastWritten.replace(subject, previous, now)) {
            count.incrementAndGet();
            return;
        }
        long since = count.getAndSet(0);
        log.warn(since == 0 ? message : message + " (" + since + " more since the last report)", arguments);
    }

    /** The fault is over: the next occurrence is written at once. */
    public void clear(String subject) {
        lastWritten.remove(subject);
        suppressed.remove(subject);
    }
}
