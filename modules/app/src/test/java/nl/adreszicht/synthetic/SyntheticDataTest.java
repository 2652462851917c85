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
import nl.adreszicht.addresses.RealColourPolicy;
import nl.adreszicht.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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
        assertThat(report.incidents()).isPositive();
        assertThat(report.meldingen()).isPositive();
        assertThat(report.municipalRecords()).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident", Long.class))
                .isEqualTo(report.incidents());
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
        assertThat(report.colours()).containsKeys("GREY");
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
        assertThat(jdbc.queryForObject("SELECT sum(records) FROM record_tally_violence_type", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT sum(records) FROM gemeente_violence_tally", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT sum(addresses) FROM gemeente_colour_count", Long.class))
                .isEqualTo(report.colours().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(jdbc.queryForObject("SELECT sum(addresses) FROM gemeente_address_count", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM address", Long.class));
    }

    @Test
    void theAreaScanOfAGemeenteAndOfTheCountryReadsTheGeneratedTallies() throws Exception {
        Requests analist = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");
        mvc.perform(get("/api/v1/gebiedsscans").param("periode", "jaar").with(analist.api()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/gebiedsscans")
                        .param("periode", "jaar")
                        .param("niveau", "land")
                        .with(analist.api()))
                .andExpect(status().isOk());
    }

    @Test
    void theGeneratedAccessLogHistoryVerifiesAsSealed() throws Exception {
        assertThat(report.accessLogEntries()).isEqualTo(3_000);
        mvc.perform(get("/api/v1/toegangslog/verificatie")
                        .with(Requests.as(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe")
                                .api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checked").value(Matchers.greaterThanOrEqualTo(3_000)))
                .andExpect(jsonPath("$.findings").isEmpty());
    }

    @Test
    void veiligThuisReadsTheHistoryOfAGeneratedAddressAndItsWorklist() throws Exception {
        Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
        UUID address = jdbc.queryForObject(
                "SELECT address_id FROM vt_melding WHERE vt_region = 'VT03' ORDER BY id LIMIT 1", UUID.class);
        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(vt.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tijdlijn").isNotEmpty());
        mvc.perform(get("/api/v1/werkvoorraad").with(vt.api())).andExpect(status().isOk());
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
    void aSecondRunIntoTheSameDatabaseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> generator.generate(SyntheticSize.SMOKE, 7, 0, TODAY, line -> {}))
                .hasMessageContaining("already holds synthetic addresses");
    }
}
