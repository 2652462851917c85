package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import nl.adreszicht.areascan.DisclosureControl.Buurt;
import nl.adreszicht.areascan.DisclosureControl.Protection;
import nl.adreszicht.areascan.DisclosureControl.Unit;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import nl.adreszicht.areascan.Gebiedsscan.Geweldsvorm;
import nl.adreszicht.areascan.Gebiedsscan.Kleuren;
import nl.adreszicht.areascan.Gebiedsscan.Meting;
import nl.adreszicht.areascan.Gebiedsscan.Periode;
import org.jspecify.annotations.Nullable;

/**
 * Builds the protected {@link Gebiedsscan} from true counts, without Spring or a database: the areas (buurten merged
 * where small), one {@link SumTable} per family of numbers with every sum relation a reader knows, and
 * {@link DisclosureControl} over each. The tables are always built down to the buurt, whatever level is asked for,
 * so asking for wijken and then for buurten gives the same protected numbers.
 *
 * <p>Families, each protected as one table: records (total, per source group, with and without children) per
 * period; records per violence type per period; addresses per colour band now, with the public number of addresses.
 * The periods are separate tables with no published relation between them: their difference is shown only when both
 * numbers are.
 */
final class ScanComposer {

    /** Record counts per area in this order: incidents, meldingen, municipal records, with children, without. */
    static final int INCIDENTEN = 0;

    static final int MELDINGEN = 1;
    static final int GEMEENTE = 2;
    static final int MET_KINDEREN = 3;
    static final int ZONDER_KINDEREN = 4;

    /** Colour counts per area in this order. */
    static final int GROEN = 0;

    static final int GEEL = 1;
    static final int ORANJE = 2;
    static final int ROOD = 3;

    /** The key of records and addresses whose buurt the register does not (or no longer) know. */
    static final String UNKNOWN = "";

    /** The code shown for the area of records without a known buurt. */
    static final String UNKNOWN_AREA = "onbekend";

    private ScanComposer() {}

    /** True counts of one period, per buurt code ({@link #UNKNOWN} for none). */
    record Counts(Map<String, long[]> records, Map<String, Map<String, Long>> violence) {}

    /**
     * Everything a scan counts, true and unprotected: never leaves this package.
     *
     * @param gemeente the gemeente
     * @param wijken per wijk its buurten with their numbers of addresses
     * @param addressesWithoutArea addresses with no wijk and buurt
     * @param current counts of the period
     * @param previous counts of the previous period
     * @param colours per buurt the addresses per colour band (green, yellow, orange, red)
     * @param violenceTypes the violence type codes to show, in order
     */
    record ScanData(
            String gemeente,
            SortedMap<String, List<Buurt>> wijken,
            long addressesWithoutArea,
            Counts current,
            Counts previous,
            Map<String, long[]> colours,
            List<String> violenceTypes) {}

    /**
     * An area of the scan with the areas in it; {@code buurten} lists the buurten of a merged buurt unit,
     * {@code wijken} the wijken (and the {@code onbekend} area) of a merged wijk unit.
     */
    record Node(
            String code,
            String level,
            @Nullable String parent,
            List<String> buurten,
            List<String> wijken,
            List<Integer> children) {}

    /** One family of numbers: its table, its protection, and per area per category its cell. */
    record Family(SumTable table, Protection protection, int[][] cells) {

        ProtectedCount published(int node, int category) {
            return protection.published(cells[node][category]);
        }
    }

    /** The scan with every table it was protected in: the tests check the tables, the outputs use {@link #scan}. */
    record Composition(
            List<Node> nodes,
            Family records,
            Family previousRecords,
            Family violence,
            Family previousViolence,
            Family colours,
            int[] addressCells,
            List<String> violenceTypes) {

        List<Family> families() {
            return List.of(records, previousRecords, violence, previousViolence, colours);
        }

        /** The protected result at {@code level}: the gemeente, its wijken, and at buurt level their units. */
        Gebiedsscan scan(String gemeente, String level, Periode period, Periode previous) {
            List<Gebied> areas = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Node node = nodes.get(n);
                boolean shown = switch (level) {
                    case "gemeente" -> node.level().equals("gemeente");
                    case "wijk" -> !node.level().equals("buurt");
                    default -> true;
                };
                if (shown) {
                    areas.add(area(n));
                }
            }
            return new Gebiedsscan(gemeente, level, period, previous, Gebiedsscan.Regels.current(), areas);
        }

        private Gebied area(int n) {
            Node node = nodes.get(n);
            Meting total = Meting.of(records.published(n, 5), previousRecords.published(n, 5));
            Meting withChildren =
                    Meting.of(records.published(n, MET_KINDEREN), previousRecords.published(n, MET_KINDEREN));
            List<Geweldsvorm> types = new ArrayList<>();
            for (int t = 0; t < violenceTypes.size(); t++) {
                types.add(new Geweldsvorm(
                        violenceTypes.get(t), Meting.of(violence.published(n, t), previousViolence.published(n, t))));
            }
            return new Gebied(
                    node.code(),
                    node.level(),
                    node.parent(),
                    node.buurten(),
                    node.wijken(),
                    colours.protection().published(addressCells[n]),
                    total,
                    Meting.of(records.published(n, INCIDENTEN), previousRecords.published(n, INCIDENTEN)),
                    Meting.of(records.published(n, MELDINGEN), previousRecords.published(n, MELDINGEN)),
                    Meting.of(records.published(n, GEMEENTE), previousRecords.published(n, GEMEENTE)),
                    withChildren,
                    Meting.of(records.published(n, ZONDER_KINDEREN), previousRecords.published(n, ZONDER_KINDEREN)),
                    share(withChildren.huidig(), total.huidig()),
                    share(withChildren.vorig(), total.vorig()),
                    new Kleuren(
                            colours.published(n, GROEN),
                            colours.published(n, GEEL),
                            colours.published(n, ORANJE),
                            colours.published(n, ROOD)),
                    types);
        }

        /** A share from published numbers only, so it tells nothing they do not. */
        private static @Nullable Integer share(ProtectedCount part, ProtectedCount whole) {
            if (part.waarde() == null || whole.waarde() == null || whole.waarde() == 0) {
                return null;
            }
            return (int) Math.round(100.0 * part.waarde() / whole.waarde());
        }
    }

    static Composition compose(ScanData data) {
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> nodeOfBuurt = new LinkedHashMap<>();
        List<Long> addresses = new ArrayList<>();
        nodes.add(new Node(data.gemeente(), "gemeente", null, List.of(), List.of(), new ArrayList<>()));
        addresses.add(0L);
        Set<String> known = new HashSet<>();
        data.wijken().values().forEach(buurten -> buurten.forEach(b -> known.add(b.code())));
        boolean unknownUsed = data.addressesWithoutArea() > 0
                || uses(data.current(), known)
                || uses(data.previous(), known)
                || data.colours().keySet().stream().anyMatch(b -> !known.contains(b));
        // The 50-address minimum holds for wijken as for buurten: a small wijk is shown together with others, and so
        // is the area of records and addresses without a known buurt, taken as a wijk of one buurt of its own.
        Map<String, List<Buurt>> buurtenOf = new LinkedHashMap<>(data.wijken());
        List<Buurt> wijkSizes = new ArrayList<>();
        data.wijken()
                .forEach((wijk, buurten) -> wijkSizes.add(new Buurt(
                        wijk, buurten.stream().mapToLong(Buurt::addresses).sum())));
        if (unknownUsed) {
            buurtenOf.put(UNKNOWN_AREA, List.of(new Buurt(UNKNOWN_AREA, data.addressesWithoutArea())));
            wijkSizes.add(new Buurt(UNKNOWN_AREA, data.addressesWithoutArea()));
        }
        for (Unit wijkUnit : DisclosureControl.merge(wijkSizes)) {
            int w = nodes.size();
            nodes.get(0).children().add(w);
            if (wijkUnit.code().equals(UNKNOWN_AREA)) {
                // Large enough on its own: one area without buurten, as the register knows none.
                nodes.add(new Node(UNKNOWN_AREA, "wijk", data.gemeente(), List.of(), List.of(), List.of()));
                addresses.add(data.addressesWithoutArea());
                nodeOfBuurt.put(UNKNOWN, w);
                continue;
            }
            nodes.add(new Node(
                    wijkUnit.code(),
                    "wijk",
                    data.gemeente(),
                    List.of(),
                    wijkUnit.merged() ? wijkUnit.buurten() : List.of(),
                    new ArrayList<>()));
            addresses.add(0L);
            List<Buurt> buurten = wijkUnit.buurten().stream()
                    .flatMap(wijk -> buurtenOf.get(wijk).stream())
                    .toList();
            for (Unit unit : DisclosureControl.merge(buurten)) {
                int u = nodes.size();
                nodes.add(new Node(
                        unit.code(),
                        "buurt",
                        wijkUnit.code(),
                        unit.merged() ? unit.buurten() : List.of(),
                        List.of(),
                        List.of()));
                addresses.add(unit.addresses());
                nodes.get(w).children().add(u);
                unit.buurten().forEach(b -> nodeOfBuurt.put(b.equals(UNKNOWN_AREA) && unknownUsed ? UNKNOWN : b, u));
            }
        }
        int size = nodes.size();
        // Leaves first: a buurt's counts go to its unit (or the unknown area); parents are sums of their children.
        long[][] colourValues = new long[size][4];
        data.colours().forEach((buurt, values) -> add(colourValues[leaf(nodeOfBuurt, buurt)], values));
        long[] addressValues = addresses.stream().mapToLong(Long::longValue).toArray();
        sumUp(nodes, colourValues);
        sumUp(nodes, addressValues);

        SumTable colourTable = new SumTable();
        int[][] colourCells = new int[size][4];
        int[] addressCells = new int[size];
        int[] greyCells = new int[size];
        for (int n = 0; n < size; n++) {
            addressCells[n] = colourTable.known(addressValues[n]);
            long coloured = 0;
            for (int c = 0; c < 4; c++) {
                colourCells[n][c] = colourTable.count(colourValues[n][c]);
                coloured += colourValues[n][c];
            }
            greyCells[n] = colourTable.hidden(Math.max(0, addressValues[n] - coloured));
            colourTable.sum(
                    addressCells[n],
                    List.of(greyCells[n], colourCells[n][0], colourCells[n][1], colourCells[n][2], colourCells[n][3]));
        }
        hierarchy(colourTable, nodes, colourCells);
        hierarchy(colourTable, nodes, new int[][] {greyCells}, true);
        Family colours = new Family(colourTable, DisclosureControl.protect(colourTable), colourCells);

        return new Composition(
                nodes,
                records(nodes, nodeOfBuurt, data.current()),
                records(nodes, nodeOfBuurt, data.previous()),
                violence(nodes, nodeOfBuurt, data.current(), data.violenceTypes()),
                violence(nodes, nodeOfBuurt, data.previous(), data.violenceTypes()),
                colours,
                addressCells,
                data.violenceTypes());
    }

    /** Records: per area incidents, meldingen, municipal, with children, without, and the total (index 5). */
    private static Family records(List<Node> nodes, Map<String, Integer> nodeOfBuurt, Counts counts) {
        int size = nodes.size();
        long[][] values = new long[size][6];
        counts.records().forEach((buurt, v) -> add(values[leaf(nodeOfBuurt, buurt)], v));
        for (long[] row : values) {
            row[5] = row[INCIDENTEN] + row[MELDINGEN] + row[GEMEENTE];
        }
        sumUp(nodes, values);
        SumTable table = new SumTable();
        int[][] cells = new int[size][6];
        for (int n = 0; n < size; n++) {
            for (int k = 0; k < 6; k++) {
                cells[n][k] = table.count(values[n][k]);
            }
            table.sum(cells[n][5], List.of(cells[n][INCIDENTEN], cells[n][MELDINGEN], cells[n][GEMEENTE]));
            table.sum(cells[n][5], List.of(cells[n][MET_KINDEREN], cells[n][ZONDER_KINDEREN]));
        }
        hierarchy(table, nodes, cells);
        return new Family(table, DisclosureControl.protect(table), cells);
    }

    private static Family violence(
            List<Node> nodes, Map<String, Integer> nodeOfBuurt, Counts counts, List<String> types) {
        int size = nodes.size();
        long[][] values = new long[size][types.size()];
        counts.violence().forEach((buurt, perType) -> {
            int leaf = leaf(nodeOfBuurt, buurt);
            perType.forEach((type, n) -> {
                int t = types.indexOf(type);
                if (t >= 0) {
                    values[leaf][t] += n;
                }
            });
        });
        sumUp(nodes, values);
        SumTable table = new SumTable();
        int[][] cells = new int[size][types.size()];
        for (int n = 0; n < size; n++) {
            for (int t = 0; t < types.size(); t++) {
                cells[n][t] = table.count(values[n][t]);
            }
        }
        hierarchy(table, nodes, cells);
        return new Family(table, DisclosureControl.protect(table), cells);
    }

    /** Every category's parent is the sum of its children. */
    private static void hierarchy(SumTable table, List<Node> nodes, int[][] cells) {
        int categories = cells.length == 0 ? 0 : cells[0].length;
        for (int n = 0; n < nodes.size(); n++) {
            List<Integer> children = nodes.get(n).children();
            if (children.isEmpty()) {
                continue;
            }
            for (int k = 0; k < categories; k++) {
                int category = k;
                table.sum(
                        cells[n][k],
                        children.stream().map(c -> cells[c][category]).toList());
            }
        }
    }

    /** The same for one cell per area, given as the single row of {@code byArea}. */
    private static void hierarchy(SumTable table, List<Node> nodes, int[][] byArea, boolean single) {
        int[] cells = byArea[0];
        for (int n = 0; n < nodes.size(); n++) {
            List<Integer> children = nodes.get(n).children();
            if (!children.isEmpty()) {
                table.sum(cells[n], children.stream().map(c -> cells[c]).toList());
            }
        }
    }

    private static boolean uses(Counts counts, Set<String> known) {
        return counts.records().keySet().stream().anyMatch(b -> !known.contains(b))
                || counts.violence().keySet().stream().anyMatch(b -> !known.contains(b));
    }

    private static int leaf(Map<String, Integer> nodeOfBuurt, String buurt) {
        Integer node = nodeOfBuurt.get(buurt);
        return node != null ? node : nodeOfBuurt.get(UNKNOWN);
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < values.length; i++) {
            into[i] += values[i];
        }
    }

    /** Parents get the sum of their children, deepest first (children always follow their parent). */
    private static void sumUp(List<Node> nodes, long[][] values) {
        for (int n = nodes.size() - 1; n >= 0; n--) {
            for (int child : nodes.get(n).children()) {
                add(values[n], values[child]);
            }
        }
    }

    private static void sumUp(List<Node> nodes, long[] values) {
        for (int n = nodes.size() - 1; n >= 0; n--) {
            for (int child : nodes.get(n).children()) {
                values[n] += values[child];
            }
        }
    }
}
