package nl.adreszicht.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An exhausted pool told apart from an unreachable database, on the failures HikariCP really throws: a pool of one
 * connection on a running PostgreSQL whose only connection is taken, and a pool pointed at a port where nothing
 * listens. Both end in HikariCP's "Connection is not available, request timed out"; only the second carries the
 * failure to connect. A pool still opening its connections to a server that does not answer carries nothing either,
 * and is told apart by its count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultsTest {

    private EmbeddedPostgres postgres;

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPoolWhoseConnectionsAreAllTakenIsExhaustedNotUnreachable() throws SQLException {
        try (HikariDataSource pool = pool(postgres.getJdbcUrl("postgres", "postgres"));
                Connection taken = pool.getConnection()) {
            assertThat(taken.isValid(1)).isTrue();

            Throwable failure = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class));

            assertThat(failure).isInstanceOf(CannotGetJdbcConnectionException.class);
            assertThat(failure.getCause())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("Connection is not available, request timed out")
                    .hasNoCause();
            assertThat(DatabaseFaults.isPoolExhausted(failure, pool.getMaximumPoolSize()))
                    .isTrue();
            assertThat(DatabaseFaults.isUnreachable(failure, pool.getMaximumPoolSize()))
                    .isFalse();
            assertThat(DatabaseFaults.poolState(failure)).matches("total=1, active=1, idle=0, waiting=\\d+");
        }
    }

    @Test
    void aPoolThatCannotConnectIsUnreachableNotExhausted() throws IOException {
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres")) {
            Throwable failure = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class));

            assertThat(failure).isInstanceOf(CannotGetJdbcConnectionException.class);
            assertThat(failure.getCause())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("Connection is not available, request timed out")
                    .as("HikariCP's timeout carries the failure to connect")
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(DatabaseFaults.isUnreachable(failure, pool.getMaximumPoolSize()))
                    .isTrue();
            assertThat(DatabaseFaults.isPoolExhausted(failure, pool.getMaximumPoolSize()))
                    .isFalse();
        }
    }

    /**
     * Right after PostgreSQL comes back, or while it accepts connections without answering, a wait can run out
     * before the pool's attempt to connect has failed: HikariCP then attaches nothing. The pool holds fewer
     * connections than it may, so this is the database not answering (yet), not a pool too small for its load.
     */
    @Test
    void aPoolStillOpeningItsConnectionsIsUnreachableNotExhausted() throws IOException {
        try (ServerSocket silent = new ServerSocket(0);
                HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                        + "/postgres?connectTimeout=5&socketTimeout=5")) {
            Throwable failure = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class));

            assertThat(failure.getCause())
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("Connection is not available, request timed out")
                    .as("the attempt to connect is still waiting for an answer: nothing to attach")
                    .hasNoCause();
            assertThat(DatabaseFaults.poolState(failure)).startsWith("total=0,");
            assertThat(DatabaseFaults.isPoolExhausted(failure, pool.getMaximumPoolSize()))
                    .isFalse();
            assertThat(DatabaseFaults.isUnreachable(failure, pool.getMaximumPoolSize()))
                    .isTrue();
            assertThat(DatabaseFaults.isDatabaseFault(failure)).isTrue();
        }
    }

    @Test
    void theMaximumPoolSizeIsReadFromTheDataSource() {
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:1/postgres")) {
            pool.setMaximumPoolSize(7);
            assertThat(DatabaseFaults.maximumPoolSize(pool)).isEqualTo(7);
        }
        assertThat(DatabaseFaults.maximumPoolSize(new org.springframework.jdbc.datasource.SimpleDriverDataSource()))
                .as("another data source: its waits are never taken for an exhausted pool")
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void otherFailuresAreNeither() {
        SQLException constraint = new SQLException("duplicate key", "23505");
        assertThat(DatabaseFaults.isPoolExhausted(constraint, 1)).isFalse();
        assertThat(DatabaseFaults.isUnreachable(constraint, 1)).isFalse();
        assertThat(DatabaseFaults.poolState(constraint)).isEqualTo("unknown");
        // Another transient connection failure (not the pool's wait) stays an unreachable database.
        assertThat(DatabaseFaults.isUnreachable(new SQLTransientConnectionException("DataSource returned null"), 1))
                .isTrue();
    }

    /** A pool of one connection that gives up waiting for it after HikariCP's shortest timeout. */
    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(250);
        pool.setInitializationFailTimeout(-1);
        pool.setPoolName("faults-test");
        return pool;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
