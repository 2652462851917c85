package nl.adreszicht.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that PostgreSQL cannot be reached (down, restarting, frozen, or the pool waited in vain
 * for a connection it could not open), or that PostgreSQL answers but every connection of the pool was busy for the
 * whole connection timeout, as opposed to a fault in the request or the code. Both are answered with 503 and
 * {@code Retry-After}: the client may simply try again, after a few seconds (unreachable) or a moment (busy).
 *
 * <p>HikariCP (7.0.2) reports both as the same {@link SQLTransientConnectionException} ("Connection is not available,
 * request timed out after …ms (total=…, active=…, idle=…, waiting=…)"). It attaches the pool's last failure to open
 * or validate a connection as the cause (and, for an {@link SQLException}, as the next exception); that failure is
 * forgotten as soon as the pool opens a connection again. Without one the server answered the pool's last attempt,
 * but that alone does not make the pool exhausted: right after PostgreSQL comes back the pool opens its connections
 * one by one, and a wait that began during the outage can run out after the first one opened (nothing attached)
 * while the pool still holds fewer connections than it may. Only a pool that holds all the connections it may open,
 * every one in use, is exhausted; anything less is the database not (yet) answering.
 */
public final class DatabaseFaults {

    /** What a 503 for an unreachable database tells the caller. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** What a 503 for an exhausted pool tells the caller: a moment, the database itself is fine. */
    public static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(2);

    /** How HikariCP's wait for a connection ends; the pool's counts follow in parentheses. */
    private static final String POOL_TIMEOUT = "Connection is not available, request timed out";

    private static final Pattern POOL_STATE =
            Pattern.compile("\\((total=(\\d+), active=\\d+, idle=\\d+, waiting=\\d+)\\)");

    private DatabaseFaults() {}

    /**
     * How many connections the pool may open (HikariCP's {@code maximumPoolSize}, read on every call: it can be
     * changed at runtime), or {@link Integer#MAX_VALUE} for another data source, whose waits are never taken for an
     * exhausted pool.
     */
    public static int maximumPoolSize(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
                    : Integer.MAX_VALUE;
        } catch (SQLException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * PostgreSQL cannot be reached, or the pool waited in vain for a connection: either way nothing of the request
     * was done and it may be retried as it is. {@link #isPoolExhausted} tells the two apart.
     */
    public static boolean isDatabaseFault(Throwable failure) {
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

    /** PostgreSQL cannot be reached; false for an {@linkplain #isPoolExhausted exhausted pool}. */
    public static boolean isUnreachable(Throwable failure, int maximumPoolSize) {
        return isDatabaseFault(failure) && !isPoolExhausted(failure, maximumPoolSize);
    }

    /**
     * The pool waited its connection timeout in vain while PostgreSQL answered and the pool held all the connections
     * it may open ({@code maximumPoolSize}), every one in use. Nothing of the request was done (it never had a
     * connection), so it may be retried as it is.
     */
    public static boolean isPoolExhausted(Throwable failure, int maximumPoolSize) {
        SQLTransientConnectionException timeout = poolTimeout(failure);
        if (timeout == null || timeout.getCause() != null || timeout.getNextException() != null) {
            return false; // a failure to connect is attached: PostgreSQL did not answer the pool
        }
        Matcher state = POOL_STATE.matcher(String.valueOf(timeout.getMessage()));
        return state.find() && Integer.parseInt(state.group(2)) >= maximumPoolSize;
    }

    /**
     * The pool's counts when its wait ran out, as HikariCP wrote them ({@code total=10, active=10, idle=0,
     * waiting=3}), or {@code "unknown"}.
     */
    public static String poolState(Throwable failure) {
        SQLTransientConnectionException timeout = poolTimeout(failure);
        Matcher state = POOL_STATE.matcher(timeout == null ? "" : String.valueOf(timeout.getMessage()));
        return state.find() ? state.group(1) : "unknown";
    }

    /** HikariCP's timeout of a wait for a connection, or null. */
    private static @Nullable SQLTransientConnectionException poolTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException timeout
                    && timeout.getMessage() != null
                    && timeout.getMessage().contains(POOL_TIMEOUT)) {
                return timeout;
            }
        }
        return null;
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

    private static @Nullable Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
