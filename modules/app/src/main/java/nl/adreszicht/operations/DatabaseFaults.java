package nl.adreszicht.operations;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that PostgreSQL cannot be reached (down, restarting, frozen, or the pool waited in vain
 * for a connection), as opposed to a fault in the request or the code. Such a failure is answered with 503 and
 * {@code Retry-After}: the client may simply try again in a few seconds.
 */
public final class DatabaseFaults {

    /** What a 503 for an unreachable database tells the caller. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseFaults() {}

    public static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SocketTimeoutException && hasSqlCause(failure)) {
                return true;
            }
            if (cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedByThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server shuts down, crashed, or cannot take
     * connections yet).
     */
    private static boolean isConnectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    /**
     * HikariCP closes a connection on which PostgreSQL went away; the rollback of the transaction that was using it
     * then fails with this (without an SQLSTATE) and hides the original I/O error.
     */
    private static boolean isClosedByThePool(SQLException sql) {
        return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
    }

    private static boolean hasSqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
