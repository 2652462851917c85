package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control, version 1 (domain.md section 6; the argument is in
 * docs/privacy/disclosure-control.md). Applied on the server to every figure before it reaches a gemeente-analist:
 *
 * <ol>
 *   <li>{@link #merge merging}: a buurt with fewer than {@value #MINIMUM_ADDRESSES} addresses is not shown on its
 *       own but together with the other small buurten of its wijk (and with the smallest other buurt when together
 *       they are still too small);
 *   <li>primary suppression: a count below {@value #THRESHOLD} is never shown as a number;
 *   <li>complementary suppression: in every sum relation the reader knows, either no term or at least two terms are
 *       suppressed, and no suppressed count can be solved from all published numbers and relations together;
 *   <li>rounding: every published count is rounded to a multiple of {@value #ROUNDING}.
 * </ol>
 *
 * <p>Pure functions of their input, tested without Spring (DisclosureControlTest, DisclosureControlPropertiesTest).
 * The one disclosure control of the application: the monitor protects its tables with {@link #protect} too.
 */
public final class DisclosureControl {

    public static final String NAME = "DisclosureControl";
    public static final String VERSION = "v1";
    public static final int ROUNDING = 5;
    public static final int THRESHOLD = 10;
    static final int MINIMUM_ADDRESSES = 50;

    private static final double EPSILON = 1e-9;

    private DisclosureControl() {}

    /** The table's cells after protection. */
    public static final class Protection {

        private final SumTable table;
        private final boolean[] suppressed;
        private final boolean[] primary;

        private Protection(SumTable table, boolean[] suppressed, boolean[] primary) {
            this.table = table;
            this.suppressed = suppressed;
            this.primary = primary;
        }

        /** The cell as it may be published. A hidden cell is always suppressed. */
        public ProtectedCount published(int cell) {
            if (suppressed[cell]) {
                return ProtectedCount.suppressed(primary[cell]);
            }
            return ProtectedCount.of(round(table.value(cell)));
        }

        public boolean suppressed(int cell) {
            return suppressed[cell];
        }

        public boolean primary(int cell) {
            return primary[cell];
        }
    }

    /** A count rounded to the nearest multiple of {@value #ROUNDING}. */
    public static long round(long count) {
        return Math.round(count / (double) ROUNDING) * ROUNDING;
    }

    /** Suppresses and rounds the table's counts. */
    public static Protection protect(SumTable table) {
        int n = table.size();
        boolean[] suppressed = new boolean[n];
        boolean[] primary = new boolean[n];
        for (int cell = 0; cell < n; cell++) {
            switch (table.kind(cell)) {
                case COUNT -> {
                    if (table.value(cell) < THRESHOLD) {
                        suppressed[cell] = true;
                        primary[cell] = true;
                    }
                }
                case HIDDEN -> suppressed[cell] = true;
                case WITHHELD -> {
                    // Suppressed where it was first published (another table), and kept from being solved here.
                    suppressed[cell] = true;
                    primary[cell] = table.value(cell) < THRESHOLD;
                }
                case KNOWN -> {
                    // public: never suppressed
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            // No relation may have exactly one suppressed term: it would be its parent minus the others.
            for (int[] relation : table.relations()) {
                int count = 0;
                boolean counts = false;
                for (int term : relation) {
                    if (suppressed[term]) {
                        count++;
                        counts |= table.kind(term) == SumTable.Kind.COUNT || table.kind(term) == SumTable.Kind.WITHHELD;
                    }
                }
                // A hidden cell alone may be solved: it is never published and not a count of people.
                if (count == 1 && counts && suppressCheapest(table, suppressed, relation)) {
                    changed = true;
                }
            }
            if (changed) {
                continue;
            }
            // No suppressed count may follow from several relations together (e.g. a cell on no cycle).
            for (int cell : determined(table, suppressed)) {
                for (int[] relation : table.relations()) {
                    if (contains(relation, cell) && suppressCheapest(table, suppressed, relation)) {
                        changed = true;
                        break;
                    }
                }
                if (!changed) {
                    changed = suppressFurther(table, suppressed, cell);
                }
                if (changed) {
                    break;
                }
            }
        }
        return new Protection(table, suppressed, primary);
    }

    /** Suppresses the relation's smallest published count; false when it has none left. */
    private static boolean suppressCheapest(SumTable table, boolean[] suppressed, int[] relation) {
        int best = -1;
        for (int i = 0; i < relation.length; i++) {
            int term = relation[i];
            if (suppressed[term] || table.kind(term) != SumTable.Kind.COUNT) {
                continue;
            }
            // Smallest count first; among equals a part before the total, so totals stay visible where they can.
            if (best < 0
                    || table.value(term) < table.value(best)
                    || (table.value(term) == table.value(best) && best == relation[0])) {
                best = term;
            }
        }
        if (best < 0) {
            return false;
        }
        suppressed[best] = true;
        return true;
    }

    /**
     * For a cell fixed by relations whose own terms are all fixed already (published in a table protected before, as
     * a quarter is when the year is protected): suppresses a published count further away that the solution goes
     * through, the smallest that frees the cell, or else the smallest next to the suppressed cells, so that the next
     * round gets further. False when no published count is left to suppress.
     */
    private static boolean suppressFurther(SumTable table, boolean[] suppressed, int cell) {
        List<Integer> candidates = new ArrayList<>();
        boolean[] seen = new boolean[table.size()];
        for (int[] relation : table.relations()) {
            boolean touches = false;
            for (int term : relation) {
                touches |= suppressed[term];
            }
            if (!touches) {
                continue;
            }
            for (int term : relation) {
                if (!suppressed[term] && !seen[term] && table.kind(term) == SumTable.Kind.COUNT) {
                    seen[term] = true;
                    candidates.add(term);
                }
            }
        }
        if (candidates.isEmpty()) {
            return false;
        }
        candidates.sort(Comparator.comparingLong(table::value).thenComparing(Comparator.naturalOrder()));
        for (int candidate : candidates) {
            suppressed[candidate] = true;
            if (!determined(table, suppressed).contains(cell)) {
                return true;
            }
            suppressed[candidate] = false;
        }
        suppressed[candidates.get(0)] = true;
        return true;
    }

    private static boolean contains(int[] relation, int cell) {
        for (int term : relation) {
            if (term == cell) {
                return true;
            }
        }
        return false;
    }

    /**
     * The suppressed counts that the relations fix exactly when every published cell is taken as exact (the worst
     * case: rounding only adds uncertainty). A suppressed cell is fixed exactly when its unit vector lies in the row
     * space of the relations restricted to the suppressed cells; with the rows in reduced row echelon form, that is
     * when some row has its only non-zero entry in that cell. Solved per connected group of suppressed cells, which
     * keeps the systems small.
     */
    static List<Integer> determined(SumTable table, boolean[] suppressed) {
        int n = table.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<int[]> involved = new ArrayList<>();
        for (int[] relation : table.relations()) {
            int first = -1;
            for (int term : relation) {
                if (suppressed[term]) {
                    if (first < 0) {
                        first = term;
                    } else {
                        union(parent, first, term);
                    }
                }
            }
            if (first >= 0) {
                involved.add(relation);
            }
        }
        Map<Integer, List<int[]>> groups = new LinkedHashMap<>();
        for (int[] relation : involved) {
            for (int term : relation) {
                if (suppressed[term]) {
                    groups.computeIfAbsent(find(parent, term), k -> new ArrayList<>())
                            .add(relation);
                    break;
                }
            }
        }
        List<Integer> fixed = new ArrayList<>();
        for (List<int[]> relations : groups.values()) {
            Map<Integer, Integer> column = new HashMap<>();
            for (int[] relation : relations) {
                for (int term : relation) {
                    if (suppressed[term]) {
                        column.putIfAbsent(term, column.size());
                    }
                }
            }
            double[][] rows = new double[relations.size()][column.size()];
            for (int r = 0; r < relations.size(); r++) {
                int[] relation = relations.get(r);
                for (int i = 0; i < relation.length; i++) {
                    if (suppressed[relation[i]]) {
                        rows[r][column.get(relation[i])] += i == 0 ? 1 : -1;
                    }
                }
            }
            int[] cellOf = new int[column.size()];
            column.forEach((cell, index) -> cellOf[index] = cell);
            for (int index : singletonPivots(rows, column.size())) {
                SumTable.Kind kind = table.kind(cellOf[index]);
                if (kind == SumTable.Kind.COUNT || kind == SumTable.Kind.WITHHELD) {
                    fixed.add(cellOf[index]);
                }
            }
        }
        fixed.sort(Comparator.naturalOrder());
        return fixed;
    }

    /** The columns whose unit vector is in the row space: rows of the reduced echelon form with one non-zero. */
    private static List<Integer> singletonPivots(double[][] rows, int columns) {
        int rank = 0;
        int[] pivotColumn = new int[rows.length];
        for (int c = 0; c < columns && rank < rows.length; c++) {
            int pivot = -1;
            double largest = EPSILON;
            for (int r = rank; r < rows.length; r++) {
                if (Math.abs(rows[r][c]) > largest) {
                    largest = Math.abs(rows[r][c]);
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = rows[rank];
            rows[rank] = rows[pivot];
            rows[pivot] = swap;
            double scale = rows[rank][c];
            for (int k = 0; k < columns; k++) {
                rows[rank][k] /= scale;
            }
            for (int r = 0; r < rows.length; r++) {
                if (r != rank && Math.abs(rows[r][c]) > EPSILON) {
                    double factor = rows[r][c];
                    for (int k = 0; k < columns; k++) {
                        rows[r][k] -= factor * rows[rank][k];
                    }
                }
            }
            pivotColumn[rank] = c;
            rank++;
        }
        List<Integer> singletons = new ArrayList<>();
        for (int r = 0; r < rank; r++) {
            long nonZero =
                    Arrays.stream(rows[r]).filter(v -> Math.abs(v) > EPSILON).count();
            if (nonZero == 1) {
                singletons.add(pivotColumn[r]);
            }
        }
        return singletons;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /** A buurt of the register with its number of addresses. */
    record Buurt(String code, long addresses) {}

    /**
     * What the scan shows at the lowest level: one buurt, or small buurten of one wijk taken together.
     *
     * @param code the buurt's code, or for a merged unit the code of its first buurt with the suffix {@code +}
     * @param buurten the buurten it covers
     * @param addresses its number of addresses
     */
    record Unit(String code, List<String> buurten, long addresses) {

        boolean merged() {
            return buurten.size() > 1;
        }
    }

    /**
     * The units of one wijk: each buurt with at least {@value #MINIMUM_ADDRESSES} addresses on its own, the smaller
     * ones together; when together they are still too small, they join the smallest other unit; when no other unit
     * is left, the wijk is one unit.
     */
    static List<Unit> merge(List<Buurt> buurten) {
        List<Buurt> sorted =
                buurten.stream().sorted(Comparator.comparing(Buurt::code)).toList();
        List<Unit> large = new ArrayList<>();
        List<Buurt> small = new ArrayList<>();
        for (Buurt buurt : sorted) {
            if (buurt.addresses() >= MINIMUM_ADDRESSES) {
                large.add(new Unit(buurt.code(), List.of(buurt.code()), buurt.addresses()));
            } else {
                small.add(buurt);
            }
        }
        if (small.isEmpty()) {
            return large;
        }
        List<String> codes = new ArrayList<>(small.stream().map(Buurt::code).toList());
        long addresses = small.stream().mapToLong(Buurt::addresses).sum();
        if (addresses < MINIMUM_ADDRESSES && !large.isEmpty()) {
            Unit smallest = large.stream()
                    .min(Comparator.comparingLong(Unit::addresses).thenComparing(Unit::code))
                    .orElseThrow();
            large.remove(smallest);
            codes.addAll(smallest.buurten());
            addresses += smallest.addresses();
        }
        codes.sort(Comparator.naturalOrder());
        large.add(new Unit(codes.size() > 1 ? codes.get(0) + "+" : codes.get(0), List.copyOf(codes), addresses));
        large.sort(Comparator.comparing(Unit::code));
        return large;
    }
}
