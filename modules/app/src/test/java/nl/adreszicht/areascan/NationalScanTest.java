package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.QueryPlans;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
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
 * The whole country as the reference beside the own gemeente: summed from the counts kept per gemeente as records
 * arrive and colours change, which must always agree with the ground truth they summarise.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NationalScanTest {

    private static final Requests POLICE_DRENTHE =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final Requests ANALIST = new Requests(Role.GEMEENTE_ANALIST, "gemeente-zwolle", null, "GM0193");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theNationalScanSumsTheGemeentenAndIsProtectedLikeAnyScan() throws Exception {
        long before = keptInThirdQuarter();
        for (String gemeente : List.of("GM0118", "GM0193")) {
            for (int i = 0; i < 6; i++) {
                incident(address(gemeente), "2026-08-1" + i + "T12:00:00+02:00", i % 2 == 0);
            }
        }
        long truth = keptInThirdQuarter();
        assertThat(truth).as("each registration counted once in its gemeente").isEqualTo(before + 12);

        mvc.perform(get("/api/v1/gebiedsscans")
                        .param("niveau", "land")
                        .param("periode", "kwartaal")
                        .param("tot", "2026-10-01")
                        .with(ANALIST.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gemeente").value("NL"))
                .andExpect(jsonPath("$.niveau").value("land"))
                .andExpect(jsonPath("$.gebieden[0].niveau").value("land"))
                .andExpect(jsonPath("$.gebieden.length()").value(1))
                .andExpect(jsonPath("$.gebieden[0].registraties.huidig.waarde")
                        .value((int) DisclosureControl.round(truth)));
        // Another gemeente's figures are still refused: only the national total is published.
        mvc.perform(get("/api/v1/gebiedsscans").param("gemeente", "GM0118").with(ANALIST.api()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCountsKeptPerGemeenteAgreeWithWhatTheySummarise() throws Exception {
        String address = address("GM0118");
        incident(address, "2026-09-01T12:00:00+02:00", true);
        incident(address, "2026-09-02T12:00:00+02:00", false);
        incident(address("GM0193"), "2026-09-03T12:00:00+02:00", false);

        // The demo gemeenten, which only the application writes to (other tests write tallies of their own directly).
        assertThat(jdbc.queryForList(
                        "WITH truth AS (SELECT gemeente_code, month, source, children_present, sum(records) AS records"
                                + " FROM record_tally WHERE gemeente_code IN ('GM0118', 'GM0193') GROUP BY 1, 2, 3, 4),"
                                + " kept AS (SELECT gemeente_code, month, source, children_present, records::numeric"
                                + " FROM gemeente_tally WHERE gemeente_code IN ('GM0118', 'GM0193'))"
                                + " (SELECT * FROM truth EXCEPT SELECT * FROM kept) UNION ALL"
                                + " (SELECT * FROM kept EXCEPT SELECT * FROM truth)"))
                .as("gemeente_tally against record_tally")
                .isEmpty();
        List<Map<String, Object>> colourDifferences = jdbc.queryForList(
                "WITH live AS (SELECT a.gemeente_code, c.colour, count(*) AS addresses FROM address_colour c"
                        + " JOIN address a ON a.id = c.address_id WHERE a.gemeente_code IN ('GM0118', 'GM0193')"
                        + " GROUP BY 1, 2),"
                        + " kept AS (SELECT gemeente_code, colour, addresses::bigint FROM gemeente_colour_count"
                        + " WHERE addresses > 0 AND gemeente_code IN ('GM0118', 'GM0193'))"
                        + " (SELECT * FROM live EXCEPT SELECT * FROM kept) UNION ALL"
                        + " (SELECT * FROM kept EXCEPT SELECT * FROM live)");
        assertThat(colourDifferences)
                .as("gemeente_colour_count against address_colour")
                .isEmpty();
    }

    @Autowired
    AreaAggregates aggregates;

    @Test
    void aRebuildAfterABulkLoadChangesNothingThatWasKeptUpToDate() throws Exception {
        incident(address("GM0118"), "2026-09-04T12:00:00+02:00", true);
        String kept = "SELECT string_agg(gemeente_code || month || source || children_present || records, ',' ORDER BY"
                + " gemeente_code, month, source, children_present) FROM gemeente_tally"
                + " WHERE gemeente_code IN ('GM0118', 'GM0193')";
        String colours = "SELECT string_agg(gemeente_code || colour || addresses, ',' ORDER BY gemeente_code, colour)"
                + " FROM gemeente_colour_count WHERE gemeente_code IN ('GM0118', 'GM0193') AND addresses > 0";
        String before = jdbc.queryForObject(kept, String.class);
        String coloursBefore = jdbc.queryForObject(colours, String.class);

        aggregates.rebuildAfterBulkLoad();

        assertThat(jdbc.queryForObject(kept, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject(colours, String.class)).isEqualTo(coloursBefore);
    }

    @Test
    void theNationalQueriesReadAnIndex() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        QueryPlans.assertIndexed(
                jdbc, transaction, "national_tally", AreaScans.NATIONAL_RECORDS, from, from.plusYears(1));
        QueryPlans.assertIndexed(
                jdbc, transaction, "national_violence_tally", AreaScans.NATIONAL_VIOLENCE, from, from.plusYears(1));
    }

    private long keptInThirdQuarter() {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(records), 0) FROM gemeente_tally WHERE month >= '2026-07-01' AND month < '2026-10-01'",
                Long.class);
    }

    private void incident(String address, String at, boolean children) throws Exception {
        mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE_DRENTHE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "NL-%s", "tijdstip": "%s", "adresId": "%s",
                                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": %s, "letsel": false,
                                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(UUID.randomUUID().toString().substring(0, 8), at, address, children)))
                .andExpect(status().isCreated());
    }

    private String address(String gemeente) {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create(gemeente)
                .toString();
    }
}
