package nl.adreszicht.registers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Lets the statements of the current transaction run longer than the pool's socket timeout. The pool gives up on a
 * database that does not answer within 30 s (application.yaml: a request must fail fast, issue 13), but one set-based
 * upsert of the national BAG extract's mirror (about 20 million staged rows) takes minutes: the first national run
 * failed there with "Read timed out" after the whole extract had been read, and a page of the address derivation
 * (10,000 lookups) failed the same way on a machine under load 30. Only the import's set-based steps and its pages call
 * this; the connection's timeout goes back to the pool's when the pool gets the connection back (HikariCP resets the
 * network timeout it saw changed).
 */
final class LongStatements {

    /** The longest one import statement may take before the import gives the database up as unreachable. */
    static final Duration LIMIT = Duration.ofHours(2);

    private LongStatements() {}

    /** Lifts the timeout of the connection bound to the current transaction of {@code dataSource}. */
    static void allow(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // The executor is what the driver would use to abort a connection on timeout; PgJDBC needs one but
            // aborts on its own socket, so running inline is enough.
            connection.setNetworkTimeout(Runnable::run, (int) LIMIT.toMillis());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not lift the socket timeout for an import", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
