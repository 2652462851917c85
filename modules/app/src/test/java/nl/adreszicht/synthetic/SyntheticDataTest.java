package nl.adreszicht.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.colour.RealColourPolicy;
import nl.adreszicht.security.Role;
import nl.adreszicht.veiligthuis.WorklistPages;
import org.hamcrest.Matchers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator at its smallest size, in a database of its own (the extra property gives this class its own
 * context, so no other test sees synthetic rows): what it loads is consistent with the schema, the access-log
 * chain verifies, and the application reads generated data as it reads its own.
 */
@SpringBootTest(properties = "adreszicht.test.database=synthetic")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Autowired
    SyntheticData generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    SyntheticData.Report report;

    @BeforeAll
    void generate() throws Exception {
        report = generator.generate(SyntheticSize.SMOKE, 7, 3, TODAY, line -> {});
    }

    @Test
    void theSmokeSizeIsLoadedAndMarkedSynthetic() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM address WHERE synthetic", Long.class))
                .isEqualTo(2_000);
        assertThat(report.incidents() + report.meldingen() + report.municipalRecords())
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident", Long.class))
                .isEqualTo(report.incidents())
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vt_melding", Long.class))
                .isEqualTo(report.meldingen())
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM municipal_record", Long.class))
                .isEqualTo(report.municipalRecords())
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM address", Long.class))
                .as("nothing but the generated addresses in this database")
                .isEqualTo(2_000);
        assertThat(jdbc.queryForObject(
                        "SELECT count(DISTINCT gemeente_code) FROM address WHERE synthetic", Integer.class))
                .isEqualTo(23);
    }

    @Test
    void everyReferenceHolds() {
        // Loaded with foreign-key triggers off: prove here that every reference the generator made exists.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM incident i LEFT JOIN address a ON a.id = i.address_id WHERE a.id IS NULL",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding m LEFT JOIN address a ON a.id = m.address_id WHERE a.id IS NULL",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding_person p LEFT JOIN vt_melding m ON m.id = p.melding_id"
                                + " WHERE m.id IS NULL",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM municipal_record r LEFT JOIN address a ON a.id = r.address_id"
                                + " WHERE a.id IS NULL OR a.gemeente_code <> r.gemeente_code",
                        Long.class))
                .isZero();
    }

    @Test
    void everyAddressWithRecordsHasAColourWithItsReasonAndTheTallyCountsEveryRecord() {
        assertThat(report.colours().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(DISTINCT address_id) FROM (SELECT address_id FROM incident UNION ALL"
                                + " SELECT address_id FROM vt_melding UNION ALL SELECT address_id FROM municipal_record) r",
                        Long.class));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM address_colour WHERE colour <> 'GREY' AND cardinality(counted_record_ids) = 0",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM record_tally", Long.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM retention_schedule", Long.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM gemeente_tally", Long.class))
                .isEqualTo(1_000);
        // The rows kept per buurt and year and the national stripes (issue 18), filled like the monthly ones.
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM record_tally_year", Long.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM national_tally", Long.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM record_tally_violence_type", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT sum(records) FROM gemeente_violence_tally", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT sum(records) FROM record_tally_violence_type_year", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT sum(records) FROM national_violence_tally", Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT (SELECT count(*) FROM incident_violence_type) + (SELECT count(*) FROM"
                                + " vt_melding_violence_type) + (SELECT count(*) FROM municipal_record_violence_type)",
                        Long.class));
        assertThat(jdbc.queryForObject("SELECT sum(addresses) FROM gemeente_colour_count", Long.class))
                .isEqualTo(report.colours().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(jdbc.queryForObject("SELECT sum(addresses) FROM gemeente_address_count", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM address", Long.class));
    }

    @Test
    void theAreaScanOfAGemeenteAndOfTheCountryCountsTheGeneratedRecords() throws Exception {
        // The records of July 2025 to June 2026, counted from the records themselves by their Dutch day: the scan
        // reads the tallies the generator wrote, so this checks both, rounded as every published count is.
        String gemeente = jdbc.queryForObject(
                "SELECT gemeente_code FROM address GROUP BY gemeente_code ORDER BY count(*) DESC, gemeente_code LIMIT 1",
                String.class);
        long ofGemeente = recordsBetween("2025-07-01", "2026-07-01", gemeente);
        long country = recordsBetween("2025-07-01", "2026-07-01", null);
        assertThat(ofGemeente).as("enough to be published").isGreaterThanOrEqualTo(10);
        Requests analist = new Requests(Role.GEMEENTE_ANALIST, "gemeente-x", null, gemeente);
        mvc.perform(get("/api/v1/gebiedsscans")
                        .param("periode", "aangepast")
                        .param("van", "2025-07-01")
                        .param("tot", "2026-07-01")
                        .with(analist.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gebieden[0].code").value(gemeente))
                .andExpect(jsonPath("$.gebieden[0].registraties.huidig.waarde").value(round5(ofGemeente)));
        mvc.perform(get("/api/v1/gebiedsscans")
                        .param("periode", "aangepast")
                        .param("van", "2025-07-01")
                        .param("tot", "2026-07-01")
                        .param("niveau", "land")
                        .with(analist.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gebieden[0].registraties.huidig.waarde").value(round5(country)));
    }

    private long recordsBetween(String from, String until, @Nullable String gemeente) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT address_id, (occurred_at AT TIME ZONE 'Europe/Amsterdam')::date AS day"
                        + " FROM incident UNION ALL SELECT address_id, received_on FROM vt_melding"
                        + " UNION ALL SELECT address_id, occurred_on FROM municipal_record) r"
                        + " JOIN address a ON a.id = r.address_id WHERE r.day >= ?::date AND r.day < ?::date"
                        + " AND (?::text IS NULL OR a.gemeente_code = ?)",
                Long.class,
                from,
                until,
                gemeente,
                gemeente);
    }

    private static long round5(long count) {
        return Math.round(count / 5.0) * 5;
    }

    @Test
    void theGeneratedAccessLogHistoryVerifiesAsSealed() throws Exception {
        // Three entries per record, and the entry of each record's creation: a record without one is a finding.
        assertThat(report.accessLogEntries()).isEqualTo(3_000 + 1_000);
        mvc.perform(get("/api/v1/toegangslog/verificatie")
                        .with(Requests.as(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe")
                                .api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checked").value(Matchers.greaterThanOrEqualTo(4_000)))
                .andExpect(jsonPath("$.findings").isEmpty());
    }

    @Test
    void veiligThuisReadsTheWholeHistoryOfAGeneratedAddressAndItsWorklist() throws Exception {
        Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
        UUID address = jdbc.queryForObject(
                "SELECT address_id FROM vt_melding WHERE vt_region = 'VT03' GROUP BY address_id"
                        + " ORDER BY count(*) DESC, address_id LIMIT 1",
                UUID.class);
        List<String> records = jdbc.queryForList(
                "SELECT id::text FROM incident WHERE address_id = ? UNION ALL SELECT id::text FROM vt_melding"
                        + " WHERE address_id = ? UNION ALL SELECT id::text FROM municipal_record WHERE address_id = ?",
                String.class,
                address,
                address,
                address);
        String history = mvc.perform(
                        get("/api/v1/adressen/" + address + "/historie").with(vt.api()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> shown = new ArrayList<>();
        for (JsonNode entry : JsonMapper.builder().build().readTree(history).get("tijdlijn")) {
            // Colour changes and the steps of a melding (id "<melding>-beoordeling" and so on) are entries too.
            String id = entry.get("id").asString();
            if (!entry.get("soort").asString().equals("kleurwijziging") && id.length() == 36) {
                shown.add(id);
            }
        }
        assertThat(shown).as("every record at the address, each once").containsExactlyInAnyOrderElementsOf(records);

        List<String> open = jdbc.queryForList(
                "SELECT id::text FROM vt_melding WHERE vt_region = 'VT03' AND ended_at IS NULL", String.class);
        List<String> listed = WorklistPages.ids(mvc, "", vt.api());
        assertThat(open).isNotEmpty();
        assertThat(listed).as("the open cases of VT03, no more").containsExactlyInAnyOrderElementsOf(open);
    }

    @Test
    void theColoursComputedInSqlAreTheColourPolicysOwn() {
        // DerivedSql computes the colours in bulk; the application's policy, reading the same records through every
        // module's ColourRecordSource, must come to the same colour, rule, fired rules and counted records.
        RealColourPolicy policy = new RealColourPolicy(context);
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT c.address_id, c.colour, c.deciding_rule,"
                + " array_to_string(c.fired_rules, ',') AS fired, array_to_string(c.counted_record_ids, ',') AS counted"
                + " FROM address_colour c JOIN address a ON a.id = c.address_id WHERE a.synthetic ORDER BY 1");
        assertThat(stored).hasSizeGreaterThan(300);
        List<String> differences = new ArrayList<>();
        for (Map<String, Object> row : stored) {
            UUID address = (UUID) row.get("address_id");
            RealColourPolicy.Decided sql = new RealColourPolicy.Decided(
                    (String) row.get("colour"),
                    (String) row.get("deciding_rule"),
                    split(row.get("fired")),
                    split(row.get("counted")));
            RealColourPolicy.Decided real = policy.decide(address, TODAY).orElse(null);
            if (!sql.equals(real)) {
                differences.add(address + ": SQL " + sql + ", policy " + real);
            }
        }
        assertThat(differences)
                .as("addresses where DerivedSql and ColourPolicy disagree")
                .isEmpty();
        // Every colour occurs, so the parity covers each rule family and not only grey and green.
        assertThat(stored.stream().map(row -> row.get("colour")).distinct())
                .containsExactlyInAnyOrder("GREY", "GREEN", "YELLOW", "ORANGE", "RED");
    }

    private static List<String> split(Object joined) {
        String text = (String) joined;
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }

    @Test
    void theMonitorsCountsHoldEveryRecordOnceAndTheRegionsTheirGemeenten() {
        long records = jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM incident) + (SELECT count(*) FROM vt_melding)"
                        + " + (SELECT count(*) FROM municipal_record)",
                Long.class);
        assertThat(jdbc.queryForObject(
                        "SELECT sum(n) FROM monitor_gemeente_month g JOIN monitor_category k ON k.id = g.category"
                                + " WHERE k.key LIKE 'bron.%'",
                        Long.class))
                .isEqualTo(records);
        // Every record is an index event or a repeat at its address.
        assertThat(jdbc.queryForObject(
                        "SELECT sum(n) FROM monitor_gemeente_month g JOIN monitor_category k ON k.id = g.category"
                                + " WHERE k.key IN ('recidive.index', 'recidive.herhaling')",
                        Long.class))
                .isEqualTo(records);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM monitor_address", Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(DISTINCT address_id) FROM (SELECT address_id FROM incident UNION ALL"
                                + " SELECT address_id FROM vt_melding UNION ALL SELECT address_id FROM municipal_record) r",
                        Long.class));
        // An address's kept contributions are exactly its share of the gemeente's counts (colours are kept apart).
        assertThat(jdbc.queryForObject("SELECT sum(cardinality(counted)) FROM monitor_address", Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT sum(n) FROM monitor_gemeente_month g JOIN monitor_category k ON k.id = g.category"
                                + " WHERE k.key NOT LIKE 'kleur.%'",
                        Long.class));
        // Addresses per colour band: one for each address that got a colour.
        assertThat(jdbc.queryForObject(
                        "SELECT sum(n) FROM monitor_gemeente_month g JOIN monitor_category k ON k.id = g.category"
                                + " WHERE k.key LIKE 'kleur.%'",
                        Long.class))
                .isEqualTo(jdbc.queryForObject(
                        "SELECT count(*) FROM address_colour_history WHERE colour <> 'GREY'", Long.class));
        // The ended months are closed with the regions' totals the sums of their gemeenten.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM (SELECT r.region_code, g.month, g.category, sum(g.n) AS n"
                                + " FROM monitor_gemeente_month g JOIN vt_region_gemeente r"
                                + " ON r.gemeente_code = g.gemeente_code WHERE g.month < '2026-11-01' GROUP BY 1, 2, 3) s"
                                + " LEFT JOIN monitor_total_month t ON t.level = 'R' AND t.code = s.region_code"
                                + " AND t.month = s.month AND t.category = s.category"
                                + " WHERE t.n IS DISTINCT FROM s.n",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM monitor_address WHERE repeats > 0", Long.class))
                .isPositive();
    }

    @Test
    void aSecondRunIntoTheSameDatabaseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> generator.generate(SyntheticSize.SMOKE, 7, 0, TODAY, line -> {}))
                .hasMessageContaining("already holds synthetic addresses");
    }
}
