package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.adreszicht.monitor.MonitorComposer.Level;
import nl.adreszicht.operations.ReadOnlyDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the true counts of the monitor for one gemeente, its region and all gemeenten, from the kept aggregates
 * (never the record tables): the gemeente's own rows by {@code (gemeente_code, month)}, the region's and all
 * gemeenten's from the totals of closed months, and for a month not yet closed the sum of the gemeenten's rows of that
 * month (index on month). Colour bands are levels: the sum of their changes up to each month, so their rows are read
 * from the start. From the read-only replicas when one is configured.
 */
@Component
class MonitorReads {

    static final String OWN = "SELECT month, category, n FROM monitor_gemeente_month WHERE gemeente_code = ?"
            + " AND month < ? AND (month >= ? OR category = ANY(?::smallint[]))";
    static final String TOTALS = "SELECT month, category, n FROM monitor_total_month WHERE level = ? AND code = ?"
            + " AND month < ? AND (month >= ? OR category = ANY(?::smallint[]))";
    static final String OPEN_MONTHS = "SELECT month, category, sum(n) FROM monitor_gemeente_month"
            + " WHERE month = ANY(?::date[]) AND (? OR gemeente_code = ANY(?::char(6)[])) GROUP BY 1, 2";
    static final String CLOSED = "SELECT month FROM monitor_closed_month WHERE month < ?";
    static final String FIRST = "SELECT min(month) FROM monitor_gemeente_month";

    private final ReadOnlyDatabase reads;
    private final MonitorCategories categories;

    MonitorReads(ReadOnlyDatabase reads, MonitorCategories categories) {
        this.reads = reads;
        this.categories = categories;
    }

    /** True counts per level, month and category key; colour bands as levels at each month's end. */
    record Raw(Map<Level, Map<YearMonth, Map<String, Long>>> counts) {

        long value(Level level, YearMonth month, String category) {
            Map<String, Long> m = counts.getOrDefault(level, Map.of()).get(month);
            return m == null ? 0 : m.getOrDefault(category, 0L);
        }
    }

    Raw read(
            String gemeente,
            @Nullable String region,
            List<String> regionGemeenten,
            boolean all,
            YearMonth from,
            YearMonth until) {
        return reads.read(() -> {
            JdbcTemplate jdbc = reads.jdbc();
            Map<Integer, String> keys = categories.all();
            String colours = "{"
                    + keys.entrySet().stream()
                            .filter(e -> e.getValue().startsWith(Fact.COLOUR))
                            .map(e -> e.getKey().toString())
                            .collect(Collectors.joining(","))
                    + "}";
            LocalDate start = from.atDay(1);
            LocalDate end = until.atDay(1);
            Map<Level, Map<YearMonth, Map<String, Long>>> counts = new EnumMap<>(Level.class);
            counts.put(Level.OWN, rows(jdbc, keys, OWN, gemeente, end, start, colours));
            Set<LocalDate> closed = new HashSet<>(jdbc.queryForList(CLOSED, LocalDate.class, end));
            LocalDate first = jdbc.queryForObject(FIRST, LocalDate.class);
            List<LocalDate> open = new ArrayList<>();
            if (first != null) {
                for (LocalDate m = first; m.isBefore(end); m = m.plusMonths(1)) {
                    if (!closed.contains(m)) {
                        open.add(m);
                    }
                }
            }
            String openList = "{" + open.stream().map(LocalDate::toString).collect(Collectors.joining(",")) + "}";
            if (region != null) {
                Map<YearMonth, Map<String, Long>> r = rows(jdbc, keys, TOTALS, "R", region, end, start, colours);
                String list = "{" + String.join(",", regionGemeenten) + "}";
                addOpen(jdbc, keys, r, openList, false, list);
                counts.put(Level.REGION, r);
            }
            if (all) {
                Map<YearMonth, Map<String, Long>> a =
                        rows(jdbc, keys, TOTALS, "N", MonitorTally.ALL, end, start, colours);
                addOpen(jdbc, keys, a, openList, true, "{}");
                counts.put(Level.ALL, a);
            }
            counts.values().forEach(byMonth -> cumulativeColours(byMonth, from, until));
            return new Raw(counts);
        });
    }

    private static Map<YearMonth, Map<String, Long>> rows(
            JdbcTemplate jdbc, Map<Integer, String> keys, String sql, Object... args) {
        Map<YearMonth, Map<String, Long>> byMonth = new TreeMap<>();
        jdbc.query(
                sql,
                row -> {
                    String key = keys.get(row.getInt(2));
                    if (key != null) {
                        byMonth.computeIfAbsent(YearMonth.from(row.getObject(1, LocalDate.class)), m -> new HashMap<>())
                                .merge(key, row.getLong(3), Long::sum);
                    }
                },
                args);
        return byMonth;
    }

    private static void addOpen(
            JdbcTemplate jdbc,
            Map<Integer, String> keys,
            Map<YearMonth, Map<String, Long>> into,
            String openMonths,
            boolean all,
            String gemeenten) {
        if (openMonths.equals("{}")) {
            return;
        }
        rows(jdbc, keys, OPEN_MONTHS, openMonths, all, gemeenten)
                .forEach((month, values) -> values.forEach((key, n) ->
                        into.computeIfAbsent(month, m -> new HashMap<>()).merge(key, n, Long::sum)));
    }

    /** Turns the colour bands' monthly changes into the level at the end of each month of the range. */
    private static void cumulativeColours(Map<YearMonth, Map<String, Long>> byMonth, YearMonth from, YearMonth until) {
        Map<String, Long> level = new HashMap<>();
        List<YearMonth> months = new ArrayList<>(byMonth.keySet());
        YearMonth earliest = months.isEmpty()
                ? from
                : months.stream().min(YearMonth::compareTo).orElse(from);
        for (YearMonth m = earliest.isBefore(from) ? earliest : from; m.isBefore(until); m = m.plusMonths(1)) {
            Map<String, Long> values = byMonth.computeIfAbsent(m, k -> new HashMap<>());
            for (String band : MonitorFamilies.COLOUR_BANDS) {
                String key = Fact.COLOUR + band;
                long now = Math.max(0, level.getOrDefault(key, 0L) + values.getOrDefault(key, 0L));
                level.put(key, now);
                values.put(key, now);
            }
        }
    }
}
