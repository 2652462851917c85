package nl.adreszicht.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import nl.adreszicht.areascan.DisclosureControl;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.areascan.SumTable;
import org.jspecify.annotations.Nullable;

/**
 * Protects the monitor's figures with the area scan's {@link DisclosureControl}, without Spring or a database.
 *
 * <p><b>Blocks.</b> Every figure belongs to one fixed block that does not depend on what is asked: the three months of a
 * calendar quarter with the quarter (quarter = sum of its months), or for the yearly report the year with its quarters
 * and months. A block is protected only once it has ended, and always as a whole, so asking for other ranges, months
 * instead of quarters, or at another time (but for records registered late) shows the same protected numbers: a month
 * suppressed in one answer is never published in another (docs/privacy/disclosure-control.md, "The monitor").
 *
 * <p><b>Layers.</b> Within a block, the levels are protected one after the other, the widest first: all participating
 * gemeenten, then the VT region with the former's cells fixed (published ones as known numbers, suppressed ones as
 * withheld cells that must stay unsolvable), then the own gemeente with both fixed. Each level's table holds the
 * relations a reader knows (a quarter is the sum of its months, a total the sum of its parts, a wider level the
 * narrower one plus the rest), with the rest (the other gemeenten) as a cell of its own: a count below the threshold
 * that must not be solvable, or a larger sum that may. So the region's and all gemeenten's numbers are the same for
 * every analist, and the own gemeente's cells are suppressed further wherever they would expose a small count of the
 * other gemeenten. The yearly block takes its months and quarters as fixed from the quarter blocks.
 */
final class MonitorComposer {

    /** A comparison level, widest first. */
    enum Level {
        ALL("deelnemende-gemeenten"),
        REGION("regio"),
        OWN("gemeente");

        private final String code;

        Level(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /**
     * A family of figures protected as one table: its categories (keys of the counts, or derived: totals and
     * complements) and the sum relations between them within one period (parent first).
     *
     * @param name the family's name in the API
     * @param categories its categories, in order
     * @param relations per relation the indices of parent and children
     * @param stock whether it is a level at the end of each month (colour bands) rather than a count per month: then a
     *     quarter is its last month, not the sum of its months
     * @param cohort whether it follows a quarter's cohort up for a year (recidive, interventions): published only once
     *     that year has passed for the whole quarter
     */
    record Family(String name, List<String> categories, List<int[]> relations, boolean stock, boolean cohort) {}

    /** True counts per level, per month, per category; derived categories are computed here. */
    interface Counts {
        long value(Level level, YearMonth month, String category);
    }

    /** A protected cell. */
    record Cell(long trueValue, ProtectedCount published) {}

    /** The protected values of one family and block: per level, category index and column. */
    record Protected(Map<Level, ProtectedCount[][]> cells) {

        ProtectedCount get(Level level, int category, int column) {
            return cells.get(level)[category][column];
        }
    }

    private MonitorComposer() {}

    /**
     * Protects one quarter block of a family: columns are its three months and the quarter (index 3), or for a stock
     * family the three month-end levels, the quarter being the last.
     */
    static Protected quarter(Family family, List<Level> levels, Counts counts, YearMonth first) {
        List<YearMonth> months = List.of(first, first.plusMonths(1), first.plusMonths(2));
        int columns = family.stock() ? 3 : 4;
        List<int[]> sums = family.stock() ? List.of() : List.<int[]>of(new int[] {3, 0, 1, 2});
        Map<Level, long[][]> values = new EnumMap<>(Level.class);
        for (Level level : levels) {
            long[][] v = new long[family.categories().size()][columns];
            for (int c = 0; c < family.categories().size(); c++) {
                for (int m = 0; m < 3; m++) {
                    v[c][m] = counts.value(
                            level, months.get(m), family.categories().get(c));
                }
                if (!family.stock()) {
                    v[c][3] = v[c][0] + v[c][1] + v[c][2];
                }
            }
            values.put(level, v);
        }
        return protect(family, levels, values, sums, Map.of());
    }

    /**
     * Protects the year of a family with its quarters and months fixed as the quarter blocks published them: columns
     * are the 12 months, the 4 quarters (12-15) and the year (16).
     */
    static Protected year(Family family, List<Level> levels, Counts counts, int year, List<Protected> quarters) {
        int columns = family.stock() ? 12 : 17;
        List<int[]> sums = new ArrayList<>();
        if (!family.stock()) {
            for (int q = 0; q < 4; q++) {
                sums.add(new int[] {12 + q, 3 * q, 3 * q + 1, 3 * q + 2});
            }
            sums.add(new int[] {16, 12, 13, 14, 15});
        }
        Map<Level, long[][]> values = new EnumMap<>(Level.class);
        Map<Level, ProtectedCount[][]> fixed = new EnumMap<>(Level.class);
        for (Level level : levels) {
            long[][] v = new long[family.categories().size()][columns];
            ProtectedCount[][] f = new ProtectedCount[family.categories().size()][columns];
            for (int c = 0; c < family.categories().size(); c++) {
                for (int m = 0; m < 12; m++) {
                    v[c][m] = counts.value(
                            level,
                            YearMonth.of(year, m + 1),
                            family.categories().get(c));
                    f[c][m] = quarters.get(m / 3).get(level, c, m % 3);
                }
                if (!family.stock()) {
                    long total = 0;
                    for (int q = 0; q < 4; q++) {
                        v[c][12 + q] = v[c][3 * q] + v[c][3 * q + 1] + v[c][3 * q + 2];
                        f[c][12 + q] = quarters.get(q).get(level, c, 3);
                        total += v[c][12 + q];
                    }
                    v[c][16] = total;
                }
            }
            values.put(level, v);
            fixed.put(level, f);
        }
        return protect(family, levels, values, sums, fixed);
    }

    /**
     * The layered protection of one block. {@code fixed} gives, per level, cells already published elsewhere (null
     * where the cell is free here).
     */
    static Protected protect(
            Family family,
            List<Level> levels,
            Map<Level, long[][]> values,
            List<int[]> sums,
            Map<Level, ProtectedCount[][]> fixed) {
        String key = key(family, levels, values, sums, fixed);
        Protected known = PROTECTED.get(key);
        if (known != null) {
            return known;
        }
        Protected computed = compute(family, levels, values, sums, fixed);
        PROTECTED.put(key, computed);
        return computed;
    }

    /**
     * Protected blocks already computed, by a digest of everything that goes in. Protection is a pure function of its
     * input, so a block read again (an ended quarter, asked for by every page view, export and report of the
     * gemeente) is not protected again, and two instances holding different entries still answer alike: a late record
     * changes the input and so the key. Bounded, least recently used first out.
     */
    private static final Map<String, Protected> PROTECTED =
            Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Protected> eldest) {
                    return size() > CACHED_BLOCKS;
                }
            });

    /** About 20 MB at most: the default monitor of some thirty gemeenten. */
    static final int CACHED_BLOCKS = 4096;

    private static String key(
            Family family,
            List<Level> levels,
            Map<Level, long[][]> values,
            List<int[]> sums,
            Map<Level, ProtectedCount[][]> fixed) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8);
        LongConsumer put = v -> {
            buffer.clear();
            buffer.putLong(v);
            digest.update(buffer.array());
        };
        digest.update((family.name() + "|" + family.stock() + "|" + family.categories() + "|" + levels)
                .getBytes(StandardCharsets.UTF_8));
        for (int[] sum : sums) {
            put.accept(-1);
            for (int term : sum) {
                put.accept(term);
            }
        }
        for (Level level : levels) {
            put.accept(-2);
            long[][] v = values.get(level);
            ProtectedCount[][] f = fixed.get(level);
            for (int k = 0; k < v.length; k++) {
                for (int col = 0; col < v[k].length; col++) {
                    put.accept(v[k][col]);
                    ProtectedCount p = f == null ? null : f[k][col];
                    put.accept(
                            p == null
                                    ? -3
                                    : p.afgeschermd() ? -4 - (p.weergave().equals("x") ? 1 : 0) : p.waarde());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Protected compute(
            Family family,
            List<Level> levels,
            Map<Level, long[][]> values,
            List<int[]> sums,
            Map<Level, ProtectedCount[][]> fixed) {
        int categories = family.categories().size();
        Map<Level, ProtectedCount[][]> result = new EnumMap<>(Level.class);
        for (int l = 0; l < levels.size(); l++) {
            Level level = levels.get(l);
            SumTable table = new SumTable();
            Map<Level, int[][]> cells = new LinkedHashMap<>();
            for (int u = 0; u <= l; u++) {
                Level at = levels.get(u);
                long[][] v = values.get(at);
                int columns = v.length == 0 ? 0 : v[0].length;
                int[][] c = new int[categories][columns];
                for (int k = 0; k < categories; k++) {
                    for (int col = 0; col < columns; col++) {
                        ProtectedCount status = u < l ? result.get(at)[k][col] : fixedAt(fixed, at, k, col);
                        long value = v[k][col];
                        c[k][col] = status == null
                                ? table.count(value)
                                : status.afgeschermd() ? table.withheld(value) : table.known(value);
                    }
                    for (int[] sum : sums) {
                        List<Integer> children = new ArrayList<>();
                        for (int i = 1; i < sum.length; i++) {
                            children.add(c[k][sum[i]]);
                        }
                        table.sum(c[k][sum[0]], children);
                    }
                }
                for (int col = 0; col < columns; col++) {
                    for (int[] relation : family.relations()) {
                        List<Integer> children = new ArrayList<>();
                        for (int i = 1; i < relation.length; i++) {
                            children.add(c[relation[i]][col]);
                        }
                        table.sum(c[relation[0]][col], children);
                    }
                }
                cells.put(at, c);
            }
            // A wider level is the narrower one plus the rest of its gemeenten: a cell of its own.
            for (int u = 0; u < l; u++) {
                Level wider = levels.get(u);
                Level narrower = levels.get(u + 1);
                long[][] wide = values.get(wider);
                long[][] narrow = values.get(narrower);
                for (int k = 0; k < categories; k++) {
                    for (int col = 0; col < wide[k].length; col++) {
                        long rest = Math.max(0, wide[k][col] - narrow[k][col]);
                        int restCell = rest < DisclosureControl.THRESHOLD ? table.count(rest) : table.hidden(rest);
                        table.sum(cells.get(wider)[k][col], List.of(cells.get(narrower)[k][col], restCell));
                    }
                }
            }
            DisclosureControl.Protection protection = DisclosureControl.protect(table);
            int[][] own = cells.get(level);
            ProtectedCount[][] published = new ProtectedCount[categories][];
            for (int k = 0; k < categories; k++) {
                published[k] = new ProtectedCount[own[k].length];
                for (int col = 0; col < own[k].length; col++) {
                    ProtectedCount before = fixedAt(fixed, level, k, col);
                    published[k][col] = before != null ? before : protection.published(own[k][col]);
                }
            }
            result.put(level, published);
        }
        return new Protected(result);
    }

    private static @Nullable ProtectedCount fixedAt(Map<Level, ProtectedCount[][]> fixed, Level level, int k, int col) {
        ProtectedCount[][] f = fixed.get(level);
        return f == null ? null : f[k][col];
    }

    /** A share in percent from published numbers only, so it tells nothing they do not; null when it cannot be shown. */
    static @Nullable Integer share(ProtectedCount part, ProtectedCount whole) {
        if (part.waarde() == null || whole.waarde() == null || whole.waarde() == 0) {
            return null;
        }
        return (int) Math.round(100.0 * part.waarde() / whole.waarde());
    }

    /** A rate per 1,000 addresses from a published number and the public number of addresses. */
    static @Nullable Double perThousand(ProtectedCount count, long addresses) {
        if (count.waarde() == null || addresses <= 0) {
            return null;
        }
        return Math.round(10_000.0 * count.waarde() / addresses) / 10.0;
    }

    /** Whether a cohort quarter starting at {@code first} has had its full year of follow-up by {@code today}. */
    static boolean followedUp(YearMonth first, LocalDate today) {
        return !first.plusMonths(3).plusYears(1).atDay(1).isAfter(today);
    }
}
