package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows kept per buurt and year and the national stripes (issue 18) must always be the sums of the monthly cells
 * they stand in for: after registrations, and after corrections that move a record between months, years, children,
 * severities and violence types. (That a record deleted at the end of its retention stays counted in all of them is
 * RetentionSweepTest's.) Equal rows give the scan of a whole year exactly the numbers summing the months gave, so
 * disclosure control sees the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class YearlyAndNationalTallyTest {

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    RecordTally tally;

    @Test
    void theYearlyAndNationalRowsAreTheSumsOfTheMonthlyOnes() throws Exception {
        TestAddresses addresses = new TestAddresses(postgres.getPostgresDatabase());
        UUID inBuurt = addresses.create("GM0118", "WK011801", "BU01180101");
        UUID withoutBuurt = addresses.create("GM0193");
        incident(inBuurt, "2025-12-31T12:00:00+01:00", true, "S2", "partnergeweld", "kindermishandeling-getuige");
        incident(inBuurt, "2026-01-02T12:00:00+01:00", false, "S1", "partnergeweld");
        incident(withoutBuurt, "2026-03-03T12:00:00+01:00", false, "S3", "ex-partnergeweld");
        assertAgree("after registrations");

        // A correction moves the first record into the next year, without children, more severe, with other types;
        // another moves the second back, the other way round.
        correct(
                inBuurt,
                new RecordChanged.Tallied(
                        LocalDate.of(2025, 12, 31),
                        Severity.S2,
                        true,
                        List.of("kindermishandeling-getuige", "partnergeweld")),
                new RecordChanged.Tallied(
                        LocalDate.of(2026, 1, 5), Severity.S3, false, List.of("ex-partnergeweld", "partnergeweld")));
        correct(
                inBuurt,
                new RecordChanged.Tallied(LocalDate.of(2026, 1, 2), Severity.S1, false, List.of("partnergeweld")),
                new RecordChanged.Tallied(LocalDate.of(2025, 11, 2), Severity.S1, true, List.of()));
        correct(
                withoutBuurt,
                new RecordChanged.Tallied(LocalDate.of(2026, 3, 3), Severity.S3, false, List.of("ex-partnergeweld")),
                new RecordChanged.Tallied(LocalDate.of(2026, 3, 3), Severity.S1, false, List.of("partnergeweld")));
        assertAgree("after corrections");

        // What the scan reads: a year of the gemeente per buurt, from the yearly rows and from the months.
        assertThat(perBuurt(AreaScans.RECORDS_BY_YEAR, 2025, 2027))
                .isEqualTo(perBuurt(AreaScans.RECORDS, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1)))
                .isNotEmpty();
        assertThat(perBuurt(AreaScans.VIOLENCE_BY_YEAR, 2026, 2027))
                .isEqualTo(perBuurt(AreaScans.VIOLENCE, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
                .isNotEmpty();
    }

    /**
     * No difference either way between the kept rows and the sums of the monthly ones: per buurt and year for the
     * gemeenten only the application writes to (other tests write monthly tallies of their own directly), and per
     * month and stripe over all gemeenten for the national rows.
     */
    private void assertAgree(String when) {
        assertNoDifference(
                when + ": record_tally_year against record_tally",
                "SELECT gemeente_code, extract(year FROM month)::smallint, wijk_code, buurt_code, area_year, source,"
                        + " children_present, sum(records)::bigint FROM record_tally"
                        + " WHERE gemeente_code IN ('GM0118', 'GM0193') GROUP BY 1, 2, 3, 4, 5, 6, 7"
                        + " HAVING sum(records) > 0",
                "SELECT gemeente_code, tally_year, wijk_code, buurt_code, area_year, source, children_present,"
                        + " records::bigint FROM record_tally_year"
                        + " WHERE gemeente_code IN ('GM0118', 'GM0193') AND records > 0");
        assertNoDifference(
                when + ": record_tally_violence_type_year against record_tally_violence_type",
                "SELECT gemeente_code, extract(year FROM month)::smallint, wijk_code, buurt_code, area_year,"
                        + " violence_type, sum(records)::bigint FROM record_tally_violence_type"
                        + " WHERE gemeente_code IN ('GM0118', 'GM0193') GROUP BY 1, 2, 3, 4, 5, 6"
                        + " HAVING sum(records) > 0",
                "SELECT gemeente_code, tally_year, wijk_code, buurt_code, area_year, violence_type, records::bigint"
                        + " FROM record_tally_violence_type_year"
                        + " WHERE gemeente_code IN ('GM0118', 'GM0193') AND records > 0");
        assertNoDifference(
                when + ": national_tally against gemeente_tally",
                "SELECT month, (substr(gemeente_code, 3)::int % 16)::smallint, source, children_present,"
                        + " sum(records)::bigint FROM gemeente_tally GROUP BY 1, 2, 3, 4 HAVING sum(records) > 0",
                "SELECT month, stripe, source, children_present, records::bigint FROM national_tally"
                        + " WHERE records > 0");
        assertNoDifference(
                when + ": national_violence_tally against gemeente_violence_tally",
                "SELECT month, (substr(gemeente_code, 3)::int % 16)::smallint, violence_type, sum(records)::bigint"
                        + " FROM gemeente_violence_tally GROUP BY 1, 2, 3 HAVING sum(records) > 0",
                "SELECT month, stripe, violence_type, records::bigint FROM national_violence_tally"
                        + " WHERE records > 0");
    }

    private void assertNoDifference(String what, String truth, String kept) {
        assertThat(jdbc.queryForList("WITH truth AS (" + truth + "), kept AS (" + kept + ")"
                        + " (SELECT * FROM truth EXCEPT SELECT * FROM kept) UNION ALL"
                        + " (SELECT * FROM kept EXCEPT SELECT * FROM truth)"))
                .as(what)
                .isEmpty();
    }

    private Map<String, Long> perBuurt(String sql, Object from, Object until) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                sql,
                row -> {
                    int columns = row.getMetaData().getColumnCount();
                    StringBuilder key = new StringBuilder();
                    for (int i = 1; i < columns; i++) {
                        key.append(row.getString(i)).append('|');
                    }
                    counts.merge(key.toString(), row.getLong(columns), Long::sum);
                },
                "GM0118",
                from,
                until);
        return counts;
    }

    private void correct(UUID address, RecordChanged.Tallied before, RecordChanged.Tallied after) {
        transaction.executeWithoutResult(status -> tally.on(new RecordChanged(
                RecordSource.POLITIE_INCIDENT, UUID.randomUUID().toString(), new AddressId(address), before, after)));
    }

    private void incident(UUID address, String at, boolean children, String severity, String... types)
            throws Exception {
        mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "NL-%s", "tijdstip": "%s", "adresId": "%s",
                                 "geweldsvormen": [%s], "ernst": "%s", "kinderenAanwezig": %s, "letsel": false,
                                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(
                                        UUID.randomUUID().toString().substring(0, 8),
                                        at,
                                        address,
                                        String.join(
                                                ", ",
                                                java.util.Arrays.stream(types)
                                                        .map(t -> "\"" + t + "\"")
                                                        .toList()),
                                        severity,
                                        children)))
                .andExpect(status().isCreated());
    }
}
