package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.adreszicht.areascan.DisclosureControl.Buurt;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import nl.adreszicht.areascan.ScanComposer.Counts;
import nl.adreszicht.areascan.ScanComposer.ScanData;
import nl.adreszicht.records.InvalidRequestException;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, gap 5, without Spring: a period that has not ended is refused with the date from which it can be asked
 * (watching a running count would show each new record as it arrives); a custom period is at most five years; and
 * the 50-address minimum holds for every area shown, wijken and the {@code onbekend} area included.
 */
class ScanPeriodAndMinimumTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theRunningQuarterIsRefusedWithTheDayItCanBeAskedFrom() {
        assertThatThrownBy(() -> ScanPeriod.of("kwartaal", LocalDate.of(2026, 10, 1), null, TODAY))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("01-01-2027");
        assertThatThrownBy(() -> ScanPeriod.of("jaar", null, LocalDate.of(2027, 1, 1), TODAY))
                .hasMessageContaining("01-01-2027");
    }

    @Test
    void onlyWholeCalendarYearsReadTheYearlyTallies() {
        ScanPeriod year = ScanPeriod.of("jaar", null, LocalDate.of(2026, 1, 1), TODAY);
        assertThat(year.wholeYears()).isTrue();
        assertThat(year.previous().wholeYears()).isTrue();
        assertThat(ScanPeriod.of("aangepast", LocalDate.of(2023, 1, 1), LocalDate.of(2026, 1, 1), TODAY)
                        .wholeYears())
                .isTrue();
        assertThat(ScanPeriod.of("aangepast", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 1), TODAY)
                        .wholeYears())
                .as("twelve months, but not a calendar year")
                .isFalse();
        assertThat(ScanPeriod.of("halfjaar", LocalDate.of(2026, 1, 1), null, TODAY)
                        .wholeYears())
                .isFalse();
        assertThat(ScanPeriod.of("kwartaal", LocalDate.of(2025, 10, 1), null, TODAY)
                        .wholeYears())
                .isFalse();
    }

    @Test
    void aPeriodInTheFutureIsRefusedToo() {
        assertThatThrownBy(() -> ScanPeriod.of("kwartaal", LocalDate.of(2027, 4, 1), null, TODAY))
                .hasMessageContaining("01-07-2027");
        assertThatThrownBy(() -> ScanPeriod.of("aangepast", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1), TODAY))
                .hasMessageContaining("01-01-2027");
    }

    @Test
    void anEndedPeriodAndTheDefaultAreAnswered() {
        assertThat(ScanPeriod.of("kwartaal", LocalDate.of(2026, 7, 1), null, TODAY)
                        .until())
                .isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ScanPeriod.of(null, null, null, TODAY).until()).isEqualTo(LocalDate.of(2026, 10, 1));
        // A quarter that ended today can be asked today.
        assertThat(ScanPeriod.of("kwartaal", null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1))
                        .from())
                .isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aCustomPeriodIsAtMostFiveYears() {
        assertThat(ScanPeriod.of("aangepast", LocalDate.of(2021, 10, 1), LocalDate.of(2026, 10, 1), TODAY)
                        .from())
                .isEqualTo(LocalDate.of(2021, 10, 1));
        assertThatThrownBy(() -> ScanPeriod.of("aangepast", LocalDate.of(2021, 7, 1), LocalDate.of(2026, 10, 1), TODAY))
                .hasMessageContaining("vijf jaar");
    }

    /**
     * A wijk of 40 addresses and 20 addresses without a known buurt: neither may be shown on its own. They are taken
     * together with the smallest wijk of at least 50, so every wijk-level area has at least 50 addresses.
     */
    @Test
    void everyAreaShownHasAtLeastFiftyAddressesWijkenAndTheUnknownAreaIncluded() {
        TreeMap<String, List<Buurt>> wijken = new TreeMap<>();
        wijken.put("WK099901", List.of(new Buurt("BU09990101", 30), new Buurt("BU09990102", 10)));
        wijken.put("WK099902", List.of(new Buurt("BU09990201", 120), new Buurt("BU09990202", 90)));
        wijken.put("WK099903", List.of(new Buurt("BU09990301", 300)));
        Counts counts = new Counts(
                Map.of(
                        "BU09990101", new long[] {12, 0, 0, 6, 6},
                        "", new long[] {11, 0, 0, 0, 11},
                        "BU09990301", new long[] {40, 0, 0, 20, 20}),
                Map.of());
        ScanData data = new ScanData("GM0999", wijken, 20, counts, counts, Map.of(), List.of());

        Gebiedsscan scan = ScanComposer.compose(data)
                .scan(
                        "GM0999",
                        "buurt",
                        new Gebiedsscan.Periode("kwartaal", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)),
                        new Gebiedsscan.Periode("kwartaal", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)));

        for (Gebied area : scan.gebieden()) {
            assertThat(area.omvang().waarde())
                    .as(area.niveau() + " " + area.code() + " has at least 50 addresses")
                    .isGreaterThanOrEqualTo(50L);
        }
        List<String> wijkCodes = scan.gebieden().stream()
                .filter(area -> area.niveau().equals("wijk"))
                .map(Gebied::code)
                .toList();
        assertThat(wijkCodes).doesNotContain("WK099901", ScanComposer.UNKNOWN_AREA);
        Gebied merged = scan.gebieden().stream()
                .filter(area -> area.niveau().equals("wijk") && area.code().endsWith("+"))
                .findFirst()
                .orElseThrow();
        assertThat(merged.wijken()).contains("WK099901", ScanComposer.UNKNOWN_AREA);
        assertThat(scan.gebieden().get(0).registraties().huidig().waarde())
                .as("the gemeente still sums everything")
                .isEqualTo(65L);
    }
}
