package nl.adreszicht.audit;

import static nl.adreszicht.QueryPlans.assertIndexed;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The access log grows 10–100× faster than content: every read of it must be an index path. */
@SpringBootTest
class AccessLogQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void thePrivacyOfficersReadsUseIndexes() {
        String[] owners = {"org", "VT03"};
        assertIndexed(
                jdbc,
                transaction,
                "access_log",
                AccessLogQueries.BY_OBJECT,
                new String[] {"object-1", "object-0"},
                "org",
                owners);
        assertIndexed(jdbc, transaction, "access_log", AccessLogQueries.BY_PROFESSIONAL, "sub-1", "org", owners);
        assertIndexed(jdbc, transaction, "access_log", AccessLogQueries.BREAK_THE_GLASS, "org");
        assertIndexed(
                jdbc,
                transaction,
                "access_log",
                AccessLogQueries.HISTORY_OF_ADDRESS,
                "address-1",
                AccessLogQueries.HISTORY_READS,
                java.time.OffsetDateTime.now());
    }

    @Test
    void theVerifiersDigestLookupUsesAnIndex() {
        assertIndexed(
                jdbc,
                transaction,
                "access_log_seal",
                "SELECT entry_id FROM access_log_seal WHERE entry_digest = ? AND entry_id <> ?",
                "0".repeat(64),
                1L);
    }
}
