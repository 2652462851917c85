package nl.adreszicht.records;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction has read of the records at an address, so that each source's read is sent once per
 * transaction however many listeners ask (issue 18): a registration's colour recompute, recidive reconcile and the
 * casusoverleg's marker all read the same records at the same address, in the transaction that stored one.
 *
 * <p>The reads are kept with the transaction (a synchronization registered with it, so an inner transaction of its
 * own, {@code REQUIRES_NEW}, never sees them) and go with it at its completion. They are forgotten for an address
 * when a record at it is announced ({@link RecordEvent} here, before any other listener; {@code
 * monitor.MonitoredRecordChanged} by the monitor), so every listener of the announcement reads what the write made:
 * a module that writes a record at an address announces it before anything reads that address again in the
 * transaction, as ADR 0011 already has it, and a write that announces nothing calls {@link #forget} itself. A long
 * transaction that visits many addresses keeps the reads of only the last {@value #ADDRESSES} of them.
 *
 * <p>What is kept must not be changed by its readers: keep immutable values (records, {@code List.copyOf}).
 */
public final class AddressReads {

    /** How many addresses' reads one transaction keeps; a registration needs one. */
    static final int ADDRESSES = 8;

    private AddressReads() {}

    /**
     * {@code what} at {@code address}: read by {@code read} the first time in the transaction, then as it was read.
     * Outside a transaction it is read each time.
     *
     * @param what names the read, unique across the modules (by convention "module.read")
     */
    @SuppressWarnings("unchecked")
    public static <T> T at(AddressId address, String what, Supplier<T> read) {
        Reads reads = current(true);
        if (reads == null) {
            return read.get();
        }
        Map<String, Object> atAddress = reads.byAddress.computeIfAbsent(address, a -> new HashMap<>());
        Object value = atAddress.get(what);
        if (value == null) {
            value = read.get();
            // Kept only if the address was not forgotten (nor pushed out) while it was read: else it may be from
            // before a write.
            if (reads.byAddress.get(address) == atAddress) {
                atAddress.put(what, value);
            }
        }
        return (T) value;
    }

    /**
     * {@code what} at {@code address}, kept until the transaction ends whatever is written at the address: for what
     * no record changes (a row lock the transaction took, the gemeente of the address). Outside a transaction it is
     * read each time.
     */
    @SuppressWarnings("unchecked")
    public static <T> T kept(AddressId address, String what, Supplier<T> read) {
        Reads reads = current(true);
        if (reads == null) {
            return read.get();
        }
        Map<String, Object> atAddress = reads.kept.computeIfAbsent(address, a -> new HashMap<>());
        Object value = atAddress.get(what);
        if (value == null) {
            value = read.get();
            atAddress.put(what, value);
        }
        return (T) value;
    }

    /** Forgets what the transaction read at {@code address}: a record there was written. */
    public static void forget(AddressId address) {
        Reads reads = current(false);
        if (reads != null) {
            reads.byAddress.remove(address);
        }
    }

    private static @Nullable Reads current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Reads reads) {
                return reads;
            }
        }
        if (!create) {
            return null;
        }
        Reads reads = new Reads();
        TransactionSynchronizationManager.registerSynchronization(reads);
        return reads;
    }

    /** One transaction's reads, by address, the least recently used address first. */
    private static final class Reads implements TransactionSynchronization {

        final Map<AddressId, Map<String, Object>> byAddress = lastUsed();

        final Map<AddressId, Map<String, Object>> kept = lastUsed();

        private static Map<AddressId, Map<String, Object>> lastUsed() {
            return new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AddressId, Map<String, Object>> eldest) {
                    return size() > ADDRESSES;
                }
            };
        }

        @Override
        public void afterCompletion(int status) {
            byAddress.clear();
            kept.clear();
        }
    }
}
