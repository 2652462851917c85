package nl.adreszicht.audit;

import static nl.adreszicht.audit.AccessLogTest.professional;
import static nl.adreszicht.audit.AccessLogTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The bulk loader of sealed history holds the sealer's advisory lock while it loads, and gives it back on every
 * path, also when it refuses to start: a lock left on a pooled connection would stop sealing for good (each test
 * checks while the loader's connection is still open; closing it would end the session and hide a leak). Shares the
 * context of {@link ChainVerifierTest} (no background sealing: each test seals on purpose).
 */
@SpringBootTest(properties = {"adreszicht.access-log.seal-settle=0s", "adreszicht.access-log.seal-interval=1h"})
class SealedHistoryLoaderTest {

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    EmbeddedPostgres postgres;

    private final Professional vt = professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER);

    @Test
    void withEntriesWaitingToBeSealedItRefusesAndTheSealerGoesOn() throws Exception {
        accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web");

        try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
            assertThatThrownBy(() -> SealedHistoryLoader.start(owner))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unsealed entries");
        }

        assertThat(sealer.sealPending())
                .as("the sealer took its lock and sealed")
                .isPositive();
    }

    @Test
    void onAChainWhoseLastEntryIsMissingItRefusesAndTheSealerGoesOn() throws Exception {
        sealTheLogUpToNow();

        try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
            owner.setAutoCommit(false);
            try (Statement tamper = owner.createStatement()) {
                // Within this transaction only: the last sealed entry is gone while its seal stays.
                tamper.execute("SET LOCAL session_replication_role = replica");
                tamper.execute("DELETE FROM access_log WHERE id = (SELECT max(entry_id) FROM access_log_seal)");
            }
            assertThatThrownBy(() -> SealedHistoryLoader.start(owner))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not the last sealed");
            owner.rollback();

            // The connection stays open, as a pooled one would: its session must not hold the lock any more.
            assertSealingGoesOn();
        }
    }

    @Test
    void whenAStatementFailsAfterTheLockItRefusesAndTheSealerGoesOn() throws Exception {
        sealTheLogUpToNow();

        try (Connection owner = postgres.getPostgresDatabase().getConnection()) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                // The access log tables cannot be found in this transaction: the first read after the lock fails.
                statement.execute("SET LOCAL search_path = no_such_schema");
            }
            assertThatThrownBy(() -> SealedHistoryLoader.start(owner)).isInstanceOf(SQLException.class);
            owner.rollback();

            // The connection stays open, as a pooled one would: its session must not hold the lock any more.
            assertSealingGoesOn();
        }
    }

    private void sealTheLogUpToNow() {
        accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web");
        assertThat(sealer.sealPending()).isPositive();
    }

    private void assertSealingGoesOn() {
        accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web");
        assertThat(sealer.sealPending())
                .as("the sealer can take its lock again and seals the new entry")
                .isEqualTo(1);
    }
}
