package nl.adreszicht.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read-once holder of a transaction: one read per address and name while the transaction lasts, a fresh read
 * after a record at the address was announced, none kept outside a transaction or in another one (a suspended outer
 * transaction's synchronizations are not the inner one's), nothing kept after completion.
 */
class AddressReadsTest {

    private final AddressId address = new AddressId(UUID.randomUUID());
    private final AddressId other = new AddressId(UUID.randomUUID());
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void endSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private List<Integer> read(AddressId at) {
        return AddressReads.at(at, "test.read", () -> List.of(reads.incrementAndGet()));
    }

    @Test
    void outsideATransactionEveryAskIsARead() {
        read(address);
        read(address);
        assertThat(reads).hasValue(2);
    }

    @Test
    void inATransactionTheSecondAskIsAnsweredFromTheFirstRead() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(read(address)).containsExactly(1);
        assertThat(read(address)).containsExactly(1);
        assertThat(read(other)).containsExactly(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRecordAnnouncedAtTheAddressIsReadAgainButNotAtAnother() {
        TransactionSynchronizationManager.initSynchronization();
        read(address);
        read(other);
        new AddressReadsForgetting().on(new RecordChanged(RecordSource.POLITIE_INCIDENT, "x", address));
        assertThat(read(address)).containsExactly(3);
        assertThat(read(other)).containsExactly(2);
    }

    @Test
    void aReadDuringWhichTheAddressWasForgottenIsNotKept() {
        TransactionSynchronizationManager.initSynchronization();
        AddressReads.at(address, "test.read", () -> {
            AddressReads.forget(address);
            return List.of(reads.incrementAndGet());
        });
        assertThat(read(address)).containsExactly(2);
        assertThat(read(address)).containsExactly(2);
    }

    @Test
    void whatIsKeptOutlivesAnAnnouncementButNotTheTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        AddressReads.kept(address, "test.lock", reads::incrementAndGet);
        AddressReads.forget(address);
        assertThat(AddressReads.kept(address, "test.lock", reads::incrementAndGet))
                .isEqualTo(1);
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(AddressReads.kept(address, "test.lock", reads::incrementAndGet))
                .isEqualTo(2);
    }

    @Test
    void anInnerTransactionOfItsOwnReadsForItself() {
        TransactionSynchronizationManager.initSynchronization();
        read(address);
        // What a transaction manager does for REQUIRES_NEW: the outer transaction's synchronizations are suspended.
        List<TransactionSynchronization> outer = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        assertThat(read(address)).containsExactly(2);
        TransactionSynchronizationManager.clearSynchronization();
        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        assertThat(read(address)).containsExactly(1);
    }

    @Test
    void aLongTransactionKeepsTheReadsOfItsLastAddressesOnly() {
        TransactionSynchronizationManager.initSynchronization();
        read(address);
        for (int i = 0; i < AddressReads.ADDRESSES; i++) {
            read(new AddressId(UUID.randomUUID()));
        }
        int before = reads.get();
        read(address);
        assertThat(reads).hasValue(before + 1);
    }
}
