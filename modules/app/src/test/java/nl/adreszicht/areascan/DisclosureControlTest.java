package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.adreszicht.areascan.DisclosureControl.Buurt;
import nl.adreszicht.areascan.DisclosureControl.Protection;
import nl.adreszicht.areascan.DisclosureControl.Unit;
import org.junit.jupiter.api.Test;

/** The rules of disclosure control v1 on small worked examples (docs/privacy/disclosure-control.md). */
class DisclosureControlTest {

    @Test
    void countsAreRoundedToTheNearestMultipleOfFive() {
        assertThat(DisclosureControl.round(10)).isEqualTo(10);
        assertThat(DisclosureControl.round(12)).isEqualTo(10);
        assertThat(DisclosureControl.round(13)).isEqualTo(15);
        assertThat(DisclosureControl.round(17)).isEqualTo(15);
        assertThat(DisclosureControl.round(18)).isEqualTo(20);
        assertThat(DisclosureControl.round(1234)).isEqualTo(1235);
    }

    @Test
    void aCountBelowTenIsShownAsSuppressedNeverAsANumber() {
        SumTable table = new SumTable();
        int small = table.count(9);
        int zero = table.count(0);
        int ten = table.count(10);

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.published(small)).isEqualTo(new ProtectedCount(null, true, "<10"));
        assertThat(protection.published(zero).afgeschermd()).isTrue();
        assertThat(protection.published(ten)).isEqualTo(new ProtectedCount(10L, false, "10"));
    }

    @Test
    void aSuppressedBuurtTakesTheSmallestSiblingWithItSoTheWijkTotalDoesNotGiveItAway() {
        SumTable table = new SumTable();
        int wijk = table.count(60);
        int a = table.count(4);
        int b = table.count(25);
        int c = table.count(31);
        table.sum(wijk, List.of(a, b, c));

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.published(a).weergave()).isEqualTo("<10");
        assertThat(protection.published(b)).isEqualTo(new ProtectedCount(null, true, "x"));
        assertThat(protection.published(c).waarde()).isEqualTo(30L);
        assertThat(protection.published(wijk).waarde()).isEqualTo(60L);
    }

    @Test
    void aWijkWithOneSmallBuurtOnlyIsSuppressedWithIt() {
        SumTable table = new SumTable();
        int wijk = table.count(7);
        int only = table.count(7);
        table.sum(wijk, List.of(only));

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.suppressed(wijk)).isTrue();
        assertThat(protection.suppressed(only)).isTrue();
    }

    @Test
    void suppressionPropagatesUpwhenAWijkWouldBeTheOnlySuppressedTermOfTheGemeente() {
        // gemeente 100 = w1 (15) + w2 (85); w1 = 5 + 10 -> both buurten suppressed; w1 itself is >= 10 and
        // published, so nothing in the gemeente relation is suppressed and nothing more is needed.
        SumTable table = new SumTable();
        int gemeente = table.count(100);
        int w1 = table.count(15);
        int w2 = table.count(85);
        int b1 = table.count(5);
        int b2 = table.count(10);
        table.sum(gemeente, List.of(w1, w2));
        table.sum(w1, List.of(b1, b2));

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.suppressed(b1)).isTrue();
        assertThat(protection.suppressed(b2)).isTrue();
        assertThat(protection.suppressed(w1)).isFalse();
        assertThat(protection.suppressed(gemeente)).isFalse();
    }

    @Test
    void aCellThatSeveralRelationsTogetherWouldSolveIsProtectedToo() {
        // Two categories (rows) over three buurten (columns) with row and column totals. Suppressing x11 and x12
        // in row 1, x21 and x22 in row 2 satisfies "never exactly one per relation" and they form a cycle; but a
        // second block joined by a single cell would make that cell solvable: the determination check catches it.
        SumTable table = new SumTable();
        long[][] values = {{3, 20, 30}, {25, 40, 2}};
        int[][] cell = new int[2][3];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                cell[r][c] = table.count(values[r][c]);
            }
        }
        int row0 = table.count(53);
        int row1 = table.count(67);
        table.sum(row0, List.of(cell[0][0], cell[0][1], cell[0][2]));
        table.sum(row1, List.of(cell[1][0], cell[1][1], cell[1][2]));
        for (int c = 0; c < 3; c++) {
            int column = table.count(values[0][c] + values[1][c]);
            table.sum(column, List.of(cell[0][c], cell[1][c]));
        }

        Protection protection = DisclosureControl.protect(table);

        boolean[] suppressed = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) {
            suppressed[i] = protection.suppressed(i);
        }
        assertThat(DisclosureControl.determined(table, suppressed)).isEmpty();
        assertThat(protection.suppressed(cell[0][0])).isTrue();
        assertThat(protection.suppressed(cell[1][2])).isTrue();
    }

    @Test
    void theDeterminationCheckFindsABridgeBetweenTwoProtectedBlocks() {
        // x + y = 20 (published), x + z = 30 (published): with x, y and z suppressed each relation has two, yet
        // y = 20 - x and z = 30 - x leave x free: nothing is solved. Publish y + z as well and all three follow.
        SumTable table = new SumTable();
        int x = table.count(5);
        int y = table.count(15);
        int z = table.count(25);
        int first = table.count(20);
        int second = table.count(30);
        table.sum(first, List.of(x, y));
        table.sum(second, List.of(x, z));
        boolean[] suppressed = new boolean[table.size()];
        suppressed[x] = true;
        suppressed[y] = true;
        suppressed[z] = true;

        assertThat(DisclosureControl.determined(table, suppressed)).isEmpty();

        int third = table.count(40);
        table.sum(third, List.of(y, z));
        boolean[] nowSuppressed = java.util.Arrays.copyOf(suppressed, table.size());

        assertThat(DisclosureControl.determined(table, nowSuppressed)).containsExactly(x, y, z);
    }

    @Test
    void aWithheldCellSolvedOnlyThroughAPublishedCountFurtherAwayGetsThatCountSuppressed() {
        // A quarter withheld elsewhere (4) is its known total minus two withheld cells whose sum is published in a
        // relation of their own: none of the cell's own relations has a count left to suppress.
        SumTable table = new SumTable();
        int total = table.known(27);
        int small = table.withheld(4);
        int a = table.withheld(11);
        int b = table.withheld(12);
        int sumOfBoth = table.count(23);
        table.sum(total, List.of(small, a, b));
        table.sum(sumOfBoth, List.of(a, b));

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.suppressed(sumOfBoth)).isTrue();
        boolean[] suppressed = new boolean[table.size()];
        for (int cell = 0; cell < table.size(); cell++) {
            suppressed[cell] = protection.suppressed(cell);
        }
        assertThat(DisclosureControl.determined(table, suppressed)).isEmpty();
    }

    @Test
    void theNumberOfAddressesIsPublicAndTheUncolouredRestNeverPublished() {
        SumTable table = new SumTable();
        int addresses = table.known(600);
        int grey = table.hidden(560);
        int green = table.count(20);
        int yellow = table.count(12);
        int red = table.count(8);
        table.sum(addresses, List.of(grey, green, yellow, red));

        Protection protection = DisclosureControl.protect(table);

        assertThat(protection.suppressed(addresses)).isFalse();
        assertThat(protection.suppressed(grey)).isTrue();
        assertThat(protection.suppressed(red)).isTrue();
        // red and the hidden grey are two unknowns of the one relation: nothing more to suppress.
        assertThat(protection.suppressed(yellow)).isFalse();
        assertThat(protection.published(addresses).waarde()).isEqualTo(600L);
    }

    @Test
    void buurtenWithFewerThanFiftyAddressesAreShownTogether() {
        List<Unit> units = DisclosureControl.merge(List.of(
                new Buurt("BU01180000", 640),
                new Buurt("BU01180001", 30),
                new Buurt("BU01180002", 25),
                new Buurt("BU01180003", 300)));

        assertThat(units)
                .containsExactly(
                        new Unit("BU01180000", List.of("BU01180000"), 640),
                        new Unit("BU01180001+", List.of("BU01180001", "BU01180002"), 55),
                        new Unit("BU01180003", List.of("BU01180003"), 300));
    }

    @Test
    void smallBuurtenThatAreStillTooSmallTogetherJoinTheSmallestOtherBuurt() {
        List<Unit> units = DisclosureControl.merge(
                List.of(new Buurt("BU01180000", 640), new Buurt("BU01180001", 20), new Buurt("BU01180003", 300)));

        assertThat(units)
                .containsExactly(
                        new Unit("BU01180000", List.of("BU01180000"), 640),
                        new Unit("BU01180001+", List.of("BU01180001", "BU01180003"), 320));
    }

    @Test
    void aWijkOfSmallBuurtenOnlyIsOneUnit() {
        assertThat(DisclosureControl.merge(List.of(new Buurt("BU01180100", 10), new Buurt("BU01180101", 12))))
                .containsExactly(new Unit("BU01180100+", List.of("BU01180100", "BU01180101"), 22));
    }

    @Test
    void theDifferenceWithThePreviousPeriodIsPublishedOnlyWhenBothAre() {
        assertThat(ProtectedCount.of(20).minus(ProtectedCount.of(15)).weergave())
                .isEqualTo("+5");
        assertThat(ProtectedCount.of(20).minus(ProtectedCount.suppressed(true)).afgeschermd())
                .isTrue();
        assertThat(ProtectedCount.suppressed(false).minus(ProtectedCount.of(15)).afgeschermd())
                .isTrue();
    }
}
