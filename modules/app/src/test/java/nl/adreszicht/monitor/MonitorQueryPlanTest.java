package nl.adreszicht.monitor;

import static nl.adreszicht.QueryPlans.assertIndexed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At national scale (10M addresses, millions of records, a few million addresses with records) the monitor and the
 * list of repeat addresses read only kept aggregates, each through an index: a gemeente's months by
 * {@code (gemeente_code, month)}, a region's or all gemeenten's by their totals' key, an open month by month, and a
 * page of repeat addresses from the partial index of its sort order, also after a cursor.
 */
@SpringBootTest
class MonitorQueryPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    private static final LocalDate FROM = LocalDate.of(2021, 4, 1);
    private static final LocalDate UNTIL = LocalDate.of(2026, 4, 1);

    @Test
    void theMonitorReadsTheKeptCountsByGemeenteRegionAndMonth() {
        assertIndexed(jdbc, transaction, "monitor_gemeente_month", MonitorReads.OWN, "GM0118", UNTIL, FROM, "{1,2}");
        assertIndexed(jdbc, transaction, "monitor_total_month", MonitorReads.TOTALS, "R", "VT03", UNTIL, FROM, "{1,2}");
        assertIndexed(
                jdbc,
                transaction,
                "monitor_gemeente_month",
                MonitorReads.OPEN_MONTHS,
                "{2026-02-01,2026-03-01}",
                false,
                "{GM0118,GM0106}");
        // The first month: one step from the start of the month index (a scan of it under a limit of one row).
        String first = transaction.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("EXPLAIN " + MonitorReads.FIRST, String.class));
        });
        assertThat(first).contains("Limit", "Index Only Scan using monitor_gemeente_month_by_month");
        assertIndexed(jdbc, transaction, "monitor_closed_month", MonitorReads.CLOSED, UNTIL);
    }

    @Test
    void aPageOfRepeatAddressesIsReadFromItsSortIndex() {
        UUID after = UUID.randomUUID();
        assertIndexed(
                jdbc, transaction, "monitor_address", RepeatAddressList.page("herhalingen", false), "{VT03}", 3, 51);
        assertIndexed(
                jdbc,
                transaction,
                "monitor_address",
                RepeatAddressList.page("herhalingen", true),
                "{VT03}",
                3,
                5,
                5,
                after,
                51);
        assertIndexed(jdbc, transaction, "monitor_address", RepeatAddressList.page("recent", false), "{VT03}", 3, 51);
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertIndexed(
                jdbc,
                transaction,
                "monitor_address",
                RepeatAddressList.page("recent", true),
                "{VT03,VT04}",
                3,
                day,
                day,
                after,
                51);
    }
}
