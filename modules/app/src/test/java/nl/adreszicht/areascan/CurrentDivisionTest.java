package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.adreszicht.areascan.AreaSuccession.CodeChange;
import nl.adreszicht.areascan.CurrentDivision.Successor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The re-division rule and the scan across a real merger: on 1 January 2022 Boxmeer (GM0756), Cuijk (GM1684), Grave
 * (GM0786), Mill en Sint Hubert (GM0815) and Sint Anthonis (GM1702) became Land van Cuijk (GM1982). The buurt codes in
 * the test are illustrative; the gemeente codes are CBS's.
 */
@SpringBootTest
class CurrentDivisionTest {

    @Autowired
    AreaSuccession succession;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void aSplitCodeMovesWholeToItsLargestPartAndChainsAreFollowedToTheLatestDivision() {
        List<Successor> successors = CurrentDivision.successors(List.of(
                new CodeChange(2020, "BU01180101", "BU01180111", null),
                new CodeChange(2022, "BU01180111", "BU01180121", null),
                new CodeChange(2022, "BU01180102", "BU01180121", 0.3),
                new CodeChange(2022, "BU01180102", "BU01180122", 0.7)));

        assertThat(successors)
                .containsExactly(
                        new Successor("BU01180101", 2019, "BU01180121"),
                        new Successor("BU01180102", 2021, "BU01180122"),
                        new Successor("BU01180111", 2021, "BU01180121"));
    }

    @Test
    void theScanOfLandVanCuijkCountsTheRecordsOfBoxmeerBeforeTheMergerUnderItsCurrentBuurten() throws Exception {
        String changes = new String(getClass()
                .getResourceAsStream("/registers/cbs/gebiedswijzigingen-2022.csv")
                .readAllBytes());
        List<CodeChange> parsed = changes.lines()
                .skip(1)
                .map(line -> line.split(";", -1))
                .map(f -> new CodeChange(
                        Integer.parseInt(f[0]),
                        f[1],
                        f[2],
                        f[3].isBlank() ? null : Double.parseDouble(f[3].replace(',', '.'))))
                .toList();
        succession.add(parsed);
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.update("DELETE FROM record_tally WHERE gemeente_code IN ('GM0756', 'GM1982', 'GM1684')");
        String tally = "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source,"
                + " severity, children_present, records) VALUES (?, ?, ?, ?, ?, 'POLITIE_INCIDENT', 'S1', false, ?)";
        owner.update(tally, "GM0756", "WK075601", "BU07560101", 2021, LocalDate.of(2021, 3, 1), 12);
        owner.update(tally, "GM0756", "WK075601", "BU07560102", 2021, LocalDate.of(2021, 4, 1), 7);
        owner.update(tally, "GM1684", "WK168401", "BU16840101", 2021, LocalDate.of(2021, 4, 1), 3);
        owner.update(tally, "GM1982", "WK198201", "BU19820101", 2023, LocalDate.of(2023, 4, 1), 5);

        Map<String, Long> y2021 = perBuurt(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1));
        Map<String, Long> y2023 = perBuurt(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1));

        // BU07560102 was split 60/40: it moves whole to BU19820101. Cuijk's buurt has no change of its own: it counts
        // in the gemeente under its old code (shown as "onbekend" by the scan).
        assertThat(y2021).containsExactlyInAnyOrderEntriesOf(Map.of("BU19820101", 19L, "BU16840101", 3L));
        assertThat(y2023).containsExactlyInAnyOrderEntriesOf(Map.of("BU19820101", 5L));
        assertThat(jdbc.queryForObject("SELECT DISTINCT rule_version FROM area_code_successor", String.class))
                .isEqualTo(CurrentDivision.VERSION);
        // Added twice, nothing new.
        assertThat(succession.add(parsed)).isZero();
    }

    private Map<String, Long> perBuurt(LocalDate from, LocalDate until) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(
                AreaScans.RECORDS,
                row -> {
                    counts.merge(row.getString(1), row.getLong(4), Long::sum);
                },
                "GM1982",
                from,
                until);
        return counts;
    }
}
