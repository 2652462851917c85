package nl.adreszicht.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The increments of shared counter rows (the area scan's tallies, the counts per colour, the monitor's month counts),
 * written last in the transaction that caused them, just before its commit. An increment is not
 * idempotent, so it stays in the transaction of the record it counts (ADR 0011): counted exactly once, exactly when the
 * record exists. But a counter row is shared by every registration in a gemeente and month, and its row lock is held
 * until the commit: written where the listener ran, early in a registration, it made every other registration in that
 * gemeente and month wait for the colour recompute, the recidive reconcile and the access log of this one (16
 * concurrent registrations in one gemeente: 518 of 555 sampled backends waited on {@code Lock:transactionid}, and
 * their pooled connections timed out). Written last, the lock is held only for the commit.
 *
 * <p>The increments are kept with the transaction (a synchronization registered with it, as {@link AddressReads}: an
 * inner transaction of its own, {@code REQUIRES_NEW}, writes its own at its own commit) and written in its {@code
 * beforeCommit}, so a failure of a write rolls the whole transaction back, the record with it, and the caller gets the
 * error. Increments of one row in one transaction are added up first and written once (a row whose sum is zero is not
 * written). The counters are written in one global order, by {@link Counter#rank()} and then each counter's rows in
 * its {@link Counter#order()}, so two transactions take the rows they share in the same order (no deadlock).
 * Outside a transaction, or after the transaction's increments were written (an increment made in another
 * synchronization's {@code beforeCommit}), an increment is written at once.
 *
 * <p>Nothing may read a counter in the transaction that increments it and expect the increment: it is not written
 * yet.
 */
public final class CounterWrites {

    private CounterWrites() {}

    /**
     * A kind of counter row, identified by a key: it writes the summed increments of one transaction's rows, in the
     * order of their keys. A singleton bean per kind (the transaction's increments are kept per counter instance).
     */
    public interface Counter<K> {

        /** Where this counter is written among the others: a lower rank first. Unique per counter. */
        int rank();

        /** The order the rows are written in (and their row locks taken); keys that compare equal are one row. */
        Comparator<? super K> order();

        /** Writes the increments (none zero), in the order of {@link #order()}. */
        void write(SortedMap<K, Long> increments);
    }

    /** The ranks of the counters, in the order they are written: one global order across the modules. */
    public static final int RANK_AREA_SCAN_TALLIES = 100;

    public static final int RANK_COLOUR_COUNTS = 200;

    public static final int RANK_MONITOR = 300;

    /** Adds {@code delta} to the row {@code key} of {@code counter}, at the end of the current transaction. */
    public static <K> void add(Counter<K> counter, K key, long delta) {
        Pending pending = current();
        if (pending == null || pending.written) {
            if (delta != 0) {
                SortedMap<K, Long> now = new TreeMap<>(counter.order());
                now.put(key, delta);
                counter.write(now);
            }
            return;
        }
        pending.of(counter).merge(key, delta, Long::sum);
    }

    private static @Nullable Pending current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending) {
                return pending;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** One counter's increments in one transaction. */
    private record Queued<K>(Counter<K> counter, TreeMap<K, Long> increments) {

        void write() {
            SortedMap<K, Long> nonZero = new TreeMap<>(counter.order());
            increments.forEach((key, delta) -> {
                if (delta != 0) {
                    nonZero.put(key, delta);
                }
            });
            increments.clear();
            if (!nonZero.isEmpty()) {
                counter.write(nonZero);
            }
        }
    }

    /** One transaction's increments, per counter. */
    private static final class Pending implements TransactionSynchronization {

        final List<Queued<?>> queued = new ArrayList<>();

        boolean written;

        @SuppressWarnings("unchecked")
        <K> TreeMap<K, Long> of(Counter<K> counter) {
            for (Queued<?> q : queued) {
                if (q.counter() == counter) {
                    return (TreeMap<K, Long>) q.increments();
                }
            }
            Queued<K> q = new Queued<>(counter, new TreeMap<>(counter.order()));
            queued.add(q);
            return q.increments();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            // The lowest rank with increments first, until none are left: an increment made by a write (none is) is
            // written too, in its turn.
            while (true) {
                Queued<?> next = queued.stream()
                        .filter(q -> !q.increments().isEmpty())
                        .min(Comparator.comparingInt(q -> q.counter().rank()))
                        .orElse(null);
                if (next == null) {
                    break;
                }
                next.write();
            }
            written = true;
        }

        @Override
        public void afterCompletion(int status) {
            queued.clear();
        }
    }
}
