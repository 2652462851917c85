package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import nl.adreszicht.time.DutchTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes ended months: writes the totals per VT region and of all gemeenten for a month once it has ended
 * ({@code monitor_total_month}, marked in {@code monitor_closed_month}), so that the figures of a region or of all
 * gemeenten read a few hundred rows rather than every gemeente's. Runs every few minutes on every instance; closing a
 * month takes its advisory lock exclusively (see {@link MonitorTally}), so two instances close it once and a count
 * being written is never missed. Until a month is closed, readers sum the gemeenten themselves.
 */
@Component
class MonitorMonths {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final DutchTime time;

    MonitorMonths(JdbcTemplate jdbc, TransactionTemplate transaction, DutchTime time) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.time = time;
    }

    @Scheduled(
            initialDelayString = "${adreszicht.monitor.close-delay:PT1M}",
            fixedDelayString = "${adreszicht.monitor.close-every:PT10M}")
    void closeEnded() {
        closeBefore(YearMonth.from(time.today()));
    }

    /** Closes every month before {@code running} that has counts and is not closed yet; returns how many. */
    int closeBefore(YearMonth running) {
        List<LocalDate> open = jdbc.queryForList(
                "SELECT DISTINCT g.month FROM monitor_gemeente_month g WHERE g.month < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM monitor_closed_month c WHERE c.month = g.month) ORDER BY 1",
                LocalDate.class,
                running.atDay(1));
        open.forEach(this::close);
        return open.size();
    }

    /** Writes the totals of one ended month and marks it closed, unless another instance did. */
    void close(LocalDate month) {
        transaction.executeWithoutResult(status -> {
            jdbc.query(
                    "SELECT pg_advisory_xact_lock(?, ?)",
                    row -> {},
                    MonitorTally.LOCK_CLASS,
                    MonitorTally.monthIndex(YearMonth.from(month)));
            Boolean closed = jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM monitor_closed_month WHERE month = ?)", Boolean.class, month);
            if (Boolean.TRUE.equals(closed)) {
                return;
            }
            jdbc.update(
                    "INSERT INTO monitor_total_month (level, code, month, category, n)"
                            + " SELECT 'R', r.region_code, g.month, g.category, sum(g.n) FROM monitor_gemeente_month g"
                            + " JOIN vt_region_gemeente r ON r.gemeente_code = g.gemeente_code WHERE g.month = ?"
                            + " GROUP BY 2, 3, 4"
                            + " UNION ALL SELECT 'N', ?, month, category, sum(n) FROM monitor_gemeente_month"
                            + " WHERE month = ? GROUP BY 2, 3, 4"
                            + " ON CONFLICT (level, code, month, category) DO UPDATE SET n = excluded.n",
                    month,
                    MonitorTally.ALL,
                    month);
            jdbc.update("INSERT INTO monitor_closed_month (month, closed_at) VALUES (?, ?)", month, time.nowUtc());
        });
    }
}
