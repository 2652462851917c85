package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.adreszicht.records.CounterWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds to the monitor's counts per gemeente, month and category ({@code monitor_gemeente_month}) in the transaction
 * that stores or changes a record or a colour, last in it, just before its commit ({@link CounterWrites}): every
 * registration in a gemeente and month adds to the same rows, and a row lock taken where the listener runs would make
 * the others wait for the rest of the transaction. What one transaction adds to a cell is added up and
 * written once. Rows are written by gemeente, then in (month, category) order, so two transactions never wait on each
 * other's rows crosswise.
 *
 * <p>The totals per VT region and of all gemeenten ({@code monitor_total_month}) are written when a month has ended
 * ({@link MonitorMonths#close}); a count for a month already closed (a record registered late) is added to them too. A
 * writer holds a shared advisory lock on each month it adds to, and closing takes it exclusively, so a count is never
 * lost between the sum and the mark: either the closing sees it, or the writer sees the mark. The lock is taken, and
 * the mark read, when the counts are written (at the end of the transaction), and held until its commit.
 */
@Component
class MonitorTally implements CounterWrites.Counter<MonitorTally.Cell> {

    /** One count: a gemeente (with its VT region) and a packed month and category. */
    record Cell(String gemeente, @Nullable String region, int packed) {

        static final Comparator<Cell> ORDER = Comparator.comparing(Cell::gemeente)
                .thenComparing(Cell::region, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Cell::packed);
    }

    /** The first key of the monitor's advisory locks (the two-key lock space, apart from the one-key locks). */
    static final int LOCK_CLASS = 0x4D4F4E; // "MON"

    /** The region key of the total of all gemeenten. */
    static final String ALL = "NL";

    private final JdbcTemplate jdbc;

    MonitorTally(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The index of a month, as the packed counts use it. */
    static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    static YearMonth month(int index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }

    /**
     * Adds {@code deltas} (packed month and category, see {@link MonitorCategories#PER_MONTH}, to a non-zero
     * difference) to a gemeente's counts, at the end of the transaction.
     */
    void add(String gemeente, @Nullable String region, SortedMap<Integer, Long> deltas) {
        deltas.forEach((packed, delta) -> CounterWrites.add(this, new Cell(gemeente, region, packed), delta));
    }

    @Override
    public int rank() {
        return CounterWrites.RANK_MONITOR;
    }

    @Override
    public Comparator<? super Cell> order() {
        return Cell.ORDER;
    }

    /** Writes one transaction's counts, gemeente by gemeente. */
    @Override
    public void write(SortedMap<Cell, Long> increments) {
        SortedMap<Integer, Long> deltas = new TreeMap<>();
        @Nullable Cell group = null;
        for (Map.Entry<Cell, Long> increment : increments.entrySet()) {
            Cell cell = increment.getKey();
            if (group != null
                    && !(group.gemeente().equals(cell.gemeente()) && Objects.equals(group.region(), cell.region()))) {
                write(group.gemeente(), group.region(), deltas);
                deltas = new TreeMap<>();
            }
            group = cell;
            deltas.put(cell.packed(), increment.getValue());
        }
        if (group != null) {
            write(group.gemeente(), group.region(), deltas);
        }
    }

    private void write(String gemeente, @Nullable String region, SortedMap<Integer, Long> deltas) {
        Set<Integer> months = new TreeSet<>();
        deltas.keySet().forEach(packed -> months.add(packed / MonitorCategories.PER_MONTH));
        String monthList =
                "{" + String.join(",", months.stream().map(String::valueOf).toList()) + "}";
        jdbc.query(
                "SELECT pg_advisory_xact_lock_shared(?, m) FROM unnest(?::int[]) m ORDER BY m",
                row -> {},
                LOCK_CLASS,
                monthList);
        Set<Integer> closed = new TreeSet<>(jdbc.queryForList(
                "SELECT (extract(year FROM month) * 12 + extract(month FROM month) - 1)::int FROM monitor_closed_month"
                        + " WHERE month = ANY(SELECT make_date(m / 12, m % 12 + 1, 1) FROM unnest(?::int[]) m)",
                Integer.class, monthList));
        List<String> rowMonths = new ArrayList<>();
        List<Integer> rowCategories = new ArrayList<>();
        List<Long> rowCounts = new ArrayList<>();
        List<Object[]> totals = new ArrayList<>();
        for (Map.Entry<Integer, Long> delta : deltas.entrySet()) {
            int monthIndex = delta.getKey() / MonitorCategories.PER_MONTH;
            int category = delta.getKey() % MonitorCategories.PER_MONTH;
            LocalDate month = month(monthIndex).atDay(1);
            rowMonths.add(month.toString());
            rowCategories.add(category);
            rowCounts.add(delta.getValue());
            if (closed.contains(monthIndex)) {
                if (region != null) {
                    totals.add(new Object[] {"R", region, month, category, delta.getValue()});
                }
                totals.add(new Object[] {"N", ALL, month, category, delta.getValue()});
            }
        }
        // One statement for all of the gemeente's cells (issue 18: a registration adds to about three), in the
        // order of the sorted deltas, (month, category), so the row locks are still taken in that order.
        jdbc.update(
                "INSERT INTO monitor_gemeente_month (gemeente_code, month, category, n)"
                        + " SELECT ?, d.month, d.category, d.n FROM unnest(?::date[], ?::int[], ?::bigint[])"
                        + " WITH ORDINALITY AS d (month, category, n, position) ORDER BY d.position"
                        + " ON CONFLICT (gemeente_code, month, category)"
                        + " DO UPDATE SET n = monitor_gemeente_month.n + excluded.n",
                gemeente,
                "{" + String.join(",", rowMonths) + "}",
                "{"
                        + String.join(
                                ",", rowCategories.stream().map(String::valueOf).toList()) + "}",
                "{" + String.join(",", rowCounts.stream().map(String::valueOf).toList()) + "}");
        if (!totals.isEmpty()) {
            totals.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
            jdbc.batchUpdate(
                    "INSERT INTO monitor_total_month (level, code, month, category, n) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (level, code, month, category)"
                            + " DO UPDATE SET n = monitor_total_month.n + excluded.n",
                    totals);
        }
    }
}
