package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import nl.adreszicht.PropertyCheck;
import nl.adreszicht.areascan.DisclosureControl.Buurt;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import nl.adreszicht.areascan.Gebiedsscan.Meting;
import nl.adreszicht.areascan.ScanComposer.Composition;
import nl.adreszicht.areascan.ScanComposer.Counts;
import nl.adreszicht.areascan.ScanComposer.Family;
import nl.adreszicht.areascan.ScanComposer.ScanData;
import org.junit.jupiter.api.Test;

/**
 * Properties of disclosure control over random gemeenten (wijken, buurten of every size, sparse and dense counts):
 * what a gemeente-analist receives never reveals a count that was suppressed, and every published count is a
 * multiple of 5. The check of "not revealed" is independent of the implementation's own: for every suppressed count,
 * the rank of the published relations restricted to the suppressed cells must not drop by one when that cell is
 * left out (which would mean the relations pin it down), taking every published number as exact.
 */
class DisclosureControlPropertiesTest {

    private static final List<String> TYPES =
            List.of("partnergeweld", "kindermishandeling-getuige", "stalking-belaging");

    private static final Gebiedsscan.Periode PERIOD =
            new Gebiedsscan.Periode("kwartaal", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1));
    private static final Gebiedsscan.Periode PREVIOUS =
            new Gebiedsscan.Periode("kwartaal", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));

    @Test
    void noPublishedCombinationRevealsASuppressedCount() {
        PropertyCheck.forAll(DisclosureControlPropertiesTest::gemeente, data -> {
            Composition composition = ScanComposer.compose(data);
            for (Family family : composition.families()) {
                SumTable table = family.table();
                boolean[] suppressed = suppressed(family);
                for (int cell = 0; cell < table.size(); cell++) {
                    if (table.kind(cell) == SumTable.Kind.COUNT && table.value(cell) < DisclosureControl.THRESHOLD) {
                        assertThat(suppressed[cell])
                                .as("a count below 10 is suppressed")
                                .isTrue();
                    }
                    if (table.kind(cell) == SumTable.Kind.KNOWN) {
                        assertThat(suppressed[cell]).as("public numbers stay").isFalse();
                    }
                }
                for (int[] relation : table.relations()) {
                    int all = 0;
                    int counts = 0;
                    for (int term : relation) {
                        if (suppressed[term]) {
                            all++;
                            counts += table.kind(term) == SumTable.Kind.COUNT ? 1 : 0;
                        }
                    }
                    assertThat(counts == 0 || all >= 2)
                            .as("a relation with a suppressed count has another suppressed term")
                            .isTrue();
                }
                for (int cell = 0; cell < table.size(); cell++) {
                    if (suppressed[cell] && table.kind(cell) == SumTable.Kind.COUNT) {
                        assertThat(pinnedDown(table, suppressed, cell))
                                .as("suppressed cell %d solvable from the published relations", cell)
                                .isFalse();
                    }
                }
            }
        });
    }

    @Test
    void everyPublishedCountIsAMultipleOfFiveAndEveryLevelShowsTheSameNumbers() {
        PropertyCheck.forAll(DisclosureControlPropertiesTest::gemeente, data -> {
            Composition composition = ScanComposer.compose(data);
            Gebiedsscan buurten = composition.scan(data.gemeente(), "buurt", PERIOD, PREVIOUS);
            Gebiedsscan wijken = composition.scan(data.gemeente(), "wijk", PERIOD, PREVIOUS);
            for (Gebied area : buurten.gebieden()) {
                for (var count : counts(area)) {
                    if (count.waarde() != null) {
                        assertThat(count.waarde() % DisclosureControl.ROUNDING).isZero();
                        assertThat(count.afgeschermd()).isFalse();
                    } else {
                        assertThat(count.afgeschermd()).isTrue();
                        assertThat(count.weergave()).isIn("<10", "x");
                    }
                }
                for (Meting meting : metingen(area)) {
                    assertThat(meting.verschil().afgeschermd())
                            .as("the difference is shown only when both periods are")
                            .isEqualTo(meting.huidig().afgeschermd()
                                    || meting.vorig().afgeschermd());
                }
            }
            assertThat(wijken.gebieden())
                    .isEqualTo(buurten.gebieden().stream()
                            .filter(a -> !a.niveau().equals("buurt"))
                            .toList());
        });
    }

    private static boolean[] suppressed(Family family) {
        boolean[] suppressed = new boolean[family.table().size()];
        for (int i = 0; i < suppressed.length; i++) {
            suppressed[i] = family.protection().suppressed(i);
        }
        return suppressed;
    }

    /** Whether the relations fix the cell: leaving its column out lowers the rank of the suppressed system. */
    private static boolean pinnedDown(SumTable table, boolean[] suppressed, int cell) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (suppressed[i]) {
                columns.add(i);
            }
        }
        List<double[]> with = new ArrayList<>();
        List<double[]> without = new ArrayList<>();
        for (int[] relation : table.relations()) {
            double[] row = new double[columns.size()];
            for (int i = 0; i < relation.length; i++) {
                int column = columns.indexOf(relation[i]);
                if (column >= 0) {
                    row[column] += i == 0 ? 1 : -1;
                }
            }
            with.add(row.clone());
            row[columns.indexOf(cell)] = 0;
            without.add(row);
        }
        return rank(without) == rank(with) - 1;
    }

    private static int rank(List<double[]> rows) {
        double[][] m = rows.toArray(double[][]::new);
        int rank = 0;
        int columns = m.length == 0 ? 0 : m[0].length;
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
            for (int r = rank + 1; r < m.length; r++) {
                double factor = m[r][c] / m[rank][c];
                for (int k = c; k < columns; k++) {
                    m[r][k] -= factor * m[rank][k];
                }
            }
            rank++;
        }
        return rank;
    }

    private static List<ProtectedCount> counts(Gebied area) {
        List<ProtectedCount> counts = new ArrayList<>(List.of(
                area.omvang(),
                area.kleuren().groen(),
                area.kleuren().geel(),
                area.kleuren().oranje(),
                area.kleuren().rood()));
        for (Meting meting : metingen(area)) {
            counts.add(meting.huidig());
            counts.add(meting.vorig());
            counts.add(meting.verschil());
        }
        return counts;
    }

    private static List<Meting> metingen(Gebied area) {
        List<Meting> metingen = new ArrayList<>(List.of(
                area.registraties(),
                area.incidenten(),
                area.meldingen(),
                area.gemeenteregistraties(),
                area.metKinderen(),
                area.zonderKinderen()));
        area.geweldsvormen().forEach(type -> metingen.add(type.meting()));
        return metingen;
    }

    /** A random gemeente: 1-4 wijken of 1-5 buurten, sizes around the merge threshold, sparse or dense counts. */
    static ScanData gemeente(Random random) {
        TreeMap<String, List<Buurt>> wijken = new TreeMap<>();
        List<String> buurtCodes = new ArrayList<>();
        int wijkCount = 1 + random.nextInt(4);
        for (int w = 0; w < wijkCount; w++) {
            String wijk = "WK0118%02d".formatted(w);
            List<Buurt> buurten = new ArrayList<>();
            int buurtCount = 1 + random.nextInt(5);
            for (int b = 0; b < buurtCount; b++) {
                String code = "BU0118%02d%02d".formatted(w, b);
                long addresses = random.nextBoolean() ? random.nextInt(60) : 50 + random.nextInt(700);
                buurten.add(new Buurt(code, addresses));
                buurtCodes.add(code);
            }
            wijken.put(wijk, buurten);
        }
        if (random.nextInt(4) == 0) {
            buurtCodes.add(ScanComposer.UNKNOWN);
        }
        int scale = PropertyCheck.oneOf(random, 3, 12, 40);
        Map<String, long[]> colours = new HashMap<>();
        for (String buurt : buurtCodes) {
            colours.put(buurt, new long[] {
                random.nextInt(scale), random.nextInt(scale), random.nextInt(scale), random.nextInt(scale / 2 + 1)
            });
        }
        return new ScanData(
                "GM0118",
                wijken,
                buurtCodes.contains(ScanComposer.UNKNOWN) ? random.nextInt(30) : 0,
                counts(random, buurtCodes, scale),
                counts(random, buurtCodes, scale),
                colours,
                TYPES);
    }

    private static Counts counts(Random random, List<String> buurten, int scale) {
        Map<String, long[]> records = new HashMap<>();
        Map<String, Map<String, Long>> violence = new HashMap<>();
        for (String buurt : buurten) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            long incidents = random.nextInt(scale);
            long meldingen = random.nextInt(scale);
            long municipal = random.nextInt(scale / 2 + 1);
            long total = incidents + meldingen + municipal;
            long withChildren = total == 0 ? 0 : random.nextLong(total + 1);
            records.put(buurt, new long[] {incidents, meldingen, municipal, withChildren, total - withChildren});
            Map<String, Long> types = new HashMap<>();
            for (String type : TYPES) {
                types.put(type, (long) random.nextInt(scale));
            }
            violence.put(buurt, types);
        }
        return new Counts(records, violence);
    }
}
