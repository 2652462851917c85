package nl.adreszicht.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where heavy reads that may lag a moment behind the primary go: the read-only replicas
 * ({@code adreszicht.read-only-datasource.url}, on Kubernetes the CloudNativePG service {@code adreszicht-db-ro})
 * when configured, the primary otherwise. Used by the area scans: aggregates that need not see the last second's
 * registrations, and whose queries should not compete with registrations on the primary. Never for reading one's own
 * writes (a history, a colour right after a registration): those stay on the primary.
 *
 * <p>{@link #read} runs the work in one read-only, repeatable-read transaction on the replica, so the queries of one
 * scan see one snapshot.
 */
public final class ReadOnlyDatabase implements DisposableBean {

    private final JdbcTemplate jdbc;
    private final @Nullable TransactionTemplate snapshot;
    private final @Nullable HikariDataSource replica;

    private ReadOnlyDatabase(
            JdbcTemplate jdbc, @Nullable TransactionTemplate snapshot, @Nullable HikariDataSource replica) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.replica = replica;
    }

    /** No replica configured: the primary's own template, in the caller's transaction. */
    static ReadOnlyDatabase primary(JdbcTemplate primary) {
        return new ReadOnlyDatabase(primary, null, null);
    }

    static ReadOnlyDatabase replica(HikariDataSource replica) {
        TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(replica));
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new ReadOnlyDatabase(new JdbcTemplate(replica), snapshot, replica);
    }

    /** Queries through this template go to the replica when one is configured. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Runs {@code work} in one snapshot of the replica (or as it is, on the primary). */
    public <T> T read(Supplier<T> work) {
        return snapshot == null ? work.get() : snapshot.execute(status -> work.get());
    }

    /** Whether reads go to a replica rather than the primary. */
    public boolean isReplica() {
        return replica != null;
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
