package nl.adreszicht.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national extract's mirror upsert outlasts the pool's socket timeout (30 s): the import lifts it for its own
 * transaction. Shown here on a timeout shortened to one second and a statement of one and a half.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class LongStatementsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aStatementLongerThanTheSocketTimeoutRunsOnceTheImportAllowsIt() {
        Integer slept = transaction.execute(status -> {
            shortenTimeoutTo(1_000);
            LongStatements.allow(dataSource);
            return jdbc.queryForObject("SELECT 1 FROM pg_sleep(1.5)", Integer.class);
        });

        assertThat(slept).isEqualTo(1);
    }

    @Test
    void withoutItTheSameStatementIsGivenUp() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    shortenTimeoutTo(1_000);
                    jdbc.queryForObject("SELECT 1 FROM pg_sleep(1.5)", Integer.class);
                }))
                // The rollback on the broken connection fails too; the statement's own failure is the timeout.
                .satisfies(failure -> assertThat(
                                failure instanceof TransactionSystemException rollback
                                                && rollback.getApplicationException() != null
                                        ? rollback.getApplicationException()
                                        : failure)
                        .isInstanceOf(DataAccessException.class)
                        .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class));
    }

    /** What the pool's {@code socketTimeout} does, only shorter. */
    private void shortenTimeoutTo(int milliseconds) {
        try {
            DataSourceUtils.getConnection(dataSource).setNetworkTimeout(Runnable::run, milliseconds);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
