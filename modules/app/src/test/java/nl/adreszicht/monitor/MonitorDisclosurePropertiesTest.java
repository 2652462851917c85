package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.adreszicht.PropertyCheck;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.monitor.MonitorComposer.Family;
import nl.adreszicht.monitor.MonitorComposer.Level;
import nl.adreszicht.monitor.MonitorComposer.Protected;
import org.junit.jupiter.api.Test;

/**
 * Differencing attacks on the monitor's disclosure control, over generated gemeenten, regions and all gemeenten. The
 * attacker knows every published number exactly (the worst case: rounding only adds uncertainty) and every relation:
 * a quarter is the sum of its months, a year of its quarters, a total of its parts, a wider level the narrower plus
 * the other gemeenten. Checked with an independent computation (the rank of the relations restricted to the
 * unpublished cells drops when a cell's column is removed exactly when that cell is solvable): no count below 10
 * (of any level, or of the other gemeenten) is published or solvable, within a quarter (months against their
 * quarter), across a year (a year against its quarters and months), and across levels (the own gemeente against its
 * region and all gemeenten). The region's and all gemeenten's numbers do not depend on which gemeente asks.
 */
class MonitorDisclosurePropertiesTest {

    static final List<Level> LEVELS = List.of(Level.ALL, Level.REGION, Level.OWN);
    static final Family SOURCES = MonitorFamilies.sources();
    static final Family CHAIN = MonitorFamilies.chain();
    static final Family RECIDIVE = MonitorFamilies.recidive();

    /** Raw counts per level, month and category, own ≤ region ≤ all. */
    record Data(Map<Level, Map<YearMonth, Map<String, Long>>> raw, int year) {

        long raw(Level level, YearMonth month, String category) {
            return raw.get(level).getOrDefault(month, Map.of()).getOrDefault(category, 0L);
        }

        MonitorComposer.Counts counts() {
            return (level, month, category) -> MonitorFamilies.derived(category, key -> raw(level, month, key));
        }

        /** The same region and all gemeenten, with another gemeente of the region as the own one. */
        Data otherGemeente(Random random) {
            Map<Level, Map<YearMonth, Map<String, Long>>> copy = new HashMap<>(raw);
            Map<YearMonth, Map<String, Long>> own = new HashMap<>();
            raw.get(Level.REGION).forEach((month, values) -> {
                Map<String, Long> v = new HashMap<>();
                values.forEach((k, n) -> v.put(k, (long) random.nextInt((int) n.longValue() + 1)));
                own.put(month, v);
            });
            copy.put(Level.OWN, own);
            return new Data(copy, year);
        }
    }

    static Data data(Random random) {
        int year = 2024;
        Map<Level, Map<YearMonth, Map<String, Long>>> raw = new HashMap<>();
        LEVELS.forEach(level -> raw.put(level, new HashMap<>()));
        int scale = PropertyCheck.oneOf(random, 3, 12, 40);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            // The own gemeente, the rest of its region and the rest of all gemeenten, each consistent in itself
            // (sometimes small, sometimes large), and the wider levels their sums.
            Map<String, Long> own = part(random, scale);
            Map<String, Long> restOfRegion = part(random, random.nextInt(3) == 0 ? 3 : scale * 4);
            Map<String, Long> restOfAll = part(random, random.nextInt(3) == 0 ? 3 : scale * 10);
            Map<String, Long> region = new HashMap<>();
            Map<String, Long> all = new HashMap<>();
            own.forEach((key, n) -> {
                region.put(key, n + restOfRegion.get(key));
                all.put(key, n + restOfRegion.get(key) + restOfAll.get(key));
            });
            raw.get(Level.OWN).put(month, own);
            raw.get(Level.REGION).put(month, region);
            raw.get(Level.ALL).put(month, all);
        }
        return new Data(raw, year);
    }

    /** Counts of one group of gemeenten that hold the relations the families state. */
    static Map<String, Long> part(Random random, int scale) {
        Map<String, Long> v = new HashMap<>();
        for (Family family : List.of(SOURCES, CHAIN, RECIDIVE)) {
            family.categories().forEach(key -> v.put(key, (long) random.nextInt(scale)));
        }
        long outcomes = 0;
        for (String o : MonitorFamilies.OUTCOMES) {
            outcomes += v.get(Fact.OUTCOME + o);
        }
        v.put(Fact.ASSESSMENT, outcomes);
        long onTime = outcomes == 0 ? 0 : random.nextInt((int) outcomes + 1);
        v.put(Fact.ASSESSMENT_ON_TIME, onTime);
        v.put(Fact.ASSESSMENT_LATE, outcomes - onTime);
        long index = v.get(Fact.RECIDIVE_INDEX);
        long longer = index == 0 ? 0 : random.nextInt((int) index + 1);
        long shorter = longer == 0 ? 0 : random.nextInt((int) longer + 1);
        v.put(Fact.RECIDIVE_REPEATED_LONG, longer);
        v.put(Fact.RECIDIVE_REPEATED_SHORT, shorter);
        return v;
    }

    /** Everything an analist sees of one family in one year: four quarter blocks and the year block. */
    record Published(List<Protected> quarters, Protected year) {}

    static Published publish(Family family, Data data) {
        List<Protected> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quarters.add(MonitorComposer.quarter(family, LEVELS, data.counts(), YearMonth.of(data.year(), 3 * q + 1)));
        }
        return new Published(quarters, MonitorComposer.year(family, LEVELS, data.counts(), data.year(), quarters));
    }

    @Test
    void noSmallCountIsPublishedOrSolvableAcrossMonthsQuartersTheYearAndLevels() {
        // Each input is a year of three levels and three families: 60 per build, more with -Dproperties.tries.
        PropertyCheck.forAll(60, MonitorDisclosurePropertiesTest::data, data -> {
            for (Family family : List.of(SOURCES, CHAIN, RECIDIVE)) {
                Published published = publish(family, data);
                Attack attack = new Attack(family, data, published);
                attack.assertNothingSmallIsRevealed();
            }
        });
    }

    @Test
    void theRegionAndAllGemeentenLookTheSameToEveryGemeente() {
        PropertyCheck.forAll(100, MonitorDisclosurePropertiesTest::data, data -> {
            Data other = data.otherGemeente(new Random(data.raw().hashCode()));
            for (Family family : List.of(SOURCES, CHAIN)) {
                Published mine = publish(family, data);
                Published theirs = publish(family, other);
                for (int q = 0; q < 4; q++) {
                    for (Level level : List.of(Level.ALL, Level.REGION)) {
                        for (int c = 0; c < family.categories().size(); c++) {
                            for (int col = 0; col < 4; col++) {
                                assertThat(theirs.quarters().get(q).get(level, c, col))
                                        .isEqualTo(mine.quarters().get(q).get(level, c, col));
                            }
                        }
                    }
                }
            }
        });
    }

    @Test
    void withoutTheRestOfTheOtherGemeentenASmallRestWouldBeExposed() {
        // The layered protection is what keeps the other gemeenten's small counts hidden: published alone, the own
        // gemeente and its region would often differ by less than 10.
        Random random = new Random(7);
        int exposed = 0;
        for (int i = 0; i < 200; i++) {
            Data data = data(random);
            Protected alone =
                    MonitorComposer.quarter(SOURCES, List.of(Level.OWN), data.counts(), YearMonth.of(2024, 1));
            Protected region =
                    MonitorComposer.quarter(SOURCES, List.of(Level.REGION), data.counts(), YearMonth.of(2024, 1));
            for (int c = 0; c < SOURCES.categories().size(); c++) {
                ProtectedCount o = alone.get(Level.OWN, c, 3);
                ProtectedCount r = region.get(Level.REGION, c, 3);
                long rest = data.counts()
                                .value(
                                        Level.REGION,
                                        YearMonth.of(2024, 1),
                                        SOURCES.categories().get(c))
                        + data.counts()
                                .value(
                                        Level.REGION,
                                        YearMonth.of(2024, 2),
                                        SOURCES.categories().get(c))
                        + data.counts()
                                .value(
                                        Level.REGION,
                                        YearMonth.of(2024, 3),
                                        SOURCES.categories().get(c))
                        - data.counts()
                                .value(
                                        Level.OWN,
                                        YearMonth.of(2024, 1),
                                        SOURCES.categories().get(c))
                        - data.counts()
                                .value(
                                        Level.OWN,
                                        YearMonth.of(2024, 2),
                                        SOURCES.categories().get(c))
                        - data.counts()
                                .value(
                                        Level.OWN,
                                        YearMonth.of(2024, 3),
                                        SOURCES.categories().get(c));
                if (!o.afgeschermd() && !r.afgeschermd() && rest > 0 && rest < 10) {
                    exposed++;
                }
            }
        }
        assertThat(exposed).as("levels protected apart expose small rests").isPositive();
    }

    /** The attacker's system of one family: every cell of the year, every level, and the other gemeenten. */
    static final class Attack {

        private final List<Long> values = new ArrayList<>();
        private final List<Boolean> published = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<int[]> relations = new ArrayList<>();

        Attack(Family family, Data data, Published shown) {
            int categories = family.categories().size();
            // cells[level][category][column]: 12 months, 4 quarters, the year
            Map<Level, int[][]> cells = new HashMap<>();
            for (Level level : LEVELS) {
                int[][] c = new int[categories][17];
                for (int k = 0; k < categories; k++) {
                    for (int col = 0; col < 17; col++) {
                        long value = value(family, data, level, k, col);
                        ProtectedCount p = col < 12
                                ? shown.quarters().get(col / 3).get(level, k, col % 3)
                                : col < 16
                                        ? shown.quarters().get(col - 12).get(level, k, 3)
                                        : shown.year().get(level, k, 16);
                        if (!p.afgeschermd()) {
                            assertThat(p.waarde() % 5).as("rounded to 5").isZero();
                            assertThat(Math.abs(p.waarde() - value))
                                    .as("rounded, not changed")
                                    .isLessThanOrEqualTo(2);
                        }
                        c[k][col] = cell(
                                value,
                                !p.afgeschermd(),
                                level + " " + family.categories().get(k) + " " + col);
                    }
                    for (int q = 0; q < 4; q++) {
                        relations.add(new int[] {c[k][12 + q], c[k][3 * q], c[k][3 * q + 1], c[k][3 * q + 2]});
                    }
                    relations.add(new int[] {c[k][16], c[k][12], c[k][13], c[k][14], c[k][15]});
                }
                for (int col = 0; col < 17; col++) {
                    for (int[] relation : family.relations()) {
                        int[] terms = new int[relation.length];
                        for (int i = 0; i < relation.length; i++) {
                            terms[i] = c[relation[i]][col];
                        }
                        relations.add(terms);
                    }
                }
                cells.put(level, c);
            }
            for (int u = 0; u < 2; u++) {
                Level wider = LEVELS.get(u);
                Level narrower = LEVELS.get(u + 1);
                for (int k = 0; k < categories; k++) {
                    for (int col = 0; col < 17; col++) {
                        long rest = values.get(cells.get(wider)[k][col]) - values.get(cells.get(narrower)[k][col]);
                        int restCell = cell(
                                rest,
                                false,
                                "rest " + wider + " " + family.categories().get(k) + " " + col);
                        relations.add(new int[] {cells.get(wider)[k][col], cells.get(narrower)[k][col], restCell});
                    }
                }
            }
        }

        private static long value(Family family, Data data, Level level, int k, int col) {
            String category = family.categories().get(k);
            if (col < 12) {
                return data.counts().value(level, YearMonth.of(data.year(), col + 1), category);
            }
            int from = col < 16 ? 3 * (col - 12) : 0;
            int to = col < 16 ? from + 3 : 12;
            long sum = 0;
            for (int m = from; m < to; m++) {
                sum += data.counts().value(level, YearMonth.of(data.year(), m + 1), category);
            }
            return sum;
        }

        private int cell(long value, boolean isPublished, String name) {
            values.add(value);
            published.add(isPublished);
            names.add(name);
            return values.size() - 1;
        }

        void assertNothingSmallIsRevealed() {
            List<Integer> unknown = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!published.get(i)) {
                    unknown.add(i);
                } else {
                    assertThat(values.get(i))
                            .as("published though below 10: " + names.get(i))
                            .isGreaterThanOrEqualTo(10);
                }
            }
            // One elimination for all cells: the row space of the relations restricted to the unknown cells. A cell is
            // solvable when its unit vector lies in that row space.
            double[][] rows = new double[relations.size()][unknown.size()];
            Map<Integer, Integer> column = new HashMap<>();
            for (int i = 0; i < unknown.size(); i++) {
                column.put(unknown.get(i), i);
            }
            for (int r = 0; r < relations.size(); r++) {
                int[] relation = relations.get(r);
                for (int i = 0; i < relation.length; i++) {
                    Integer c = column.get(relation[i]);
                    if (c != null) {
                        rows[r][c] += i == 0 ? 1 : -1;
                    }
                }
            }
            List<double[]> basis = reduce(rows, unknown.size());
            for (int i = 0; i < unknown.size(); i++) {
                int cell = unknown.get(i);
                if (values.get(cell) < 10) {
                    assertThat(inRowSpace(basis, i, unknown.size()))
                            .as("solvable, though below 10: " + names.get(cell) + " = " + values.get(cell))
                            .isFalse();
                }
            }
        }

        /** The reduced row echelon form's non-zero rows. */
        private static List<double[]> reduce(double[][] m, int columns) {
            int rank = 0;
            for (int c = 0; c < columns && rank < m.length; c++) {
                int pivot = -1;
                for (int r = rank; r < m.length; r++) {
                    if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
                        pivot = r;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                double[] swap = m[rank];
                m[rank] = m[pivot];
                m[pivot] = swap;
                double scale = m[rank][c];
                for (int k = 0; k < columns; k++) {
                    m[rank][k] /= scale;
                }
                for (int r = 0; r < m.length; r++) {
                    if (r != rank && Math.abs(m[r][c]) > 1e-9) {
                        double f = m[r][c];
                        for (int k = 0; k < columns; k++) {
                            m[r][k] -= f * m[rank][k];
                        }
                    }
                }
                rank++;
            }
            List<double[]> basis = new ArrayList<>();
            for (int r = 0; r < rank; r++) {
                basis.add(m[r]);
            }
            return basis;
        }

        /** Whether the unit vector of column {@code i} is in the span of the reduced rows. */
        private static boolean inRowSpace(List<double[]> basis, int i, int columns) {
            double[] target = new double[columns];
            target[i] = 1;
            for (double[] row : basis) {
                int pivot = -1;
                for (int k = 0; k < columns; k++) {
                    if (Math.abs(row[k]) > 1e-9) {
                        pivot = k;
                        break;
                    }
                }
                if (pivot >= 0 && Math.abs(target[pivot]) > 1e-9) {
                    double f = target[pivot];
                    for (int k = 0; k < columns; k++) {
                        target[k] -= f * row[k];
                    }
                }
            }
            for (double v : target) {
                if (Math.abs(v) > 1e-6) {
                    return false;
                }
            }
            return true;
        }
    }
}
