package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every source expires by its own period: a Veilig Thuis melding (15 years, family rule) and a municipal signaal
 * and huisverbod (15 and 5 years) are scheduled when stored, and the sweep deletes them, with their children, once
 * their day has passed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionPerSourceTest {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests GEMEENTE =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock.Settable clock;

    @BeforeEach
    void fixTheDay() {
        // Dates in these tests are counted from one fixed day, whatever day the suite runs.
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    RetentionSweep sweep;

    private final LocalDate today = TestClock.TODAY;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aVeiligThuisMeldingIsKeptFifteenYearsOrUntilItsYoungestChildIsAdult() throws Exception {
        String address = new PoliceIncidents(mvc, postgres.getPostgresDatabase()).newAddress();
        LocalDate baby = today.minusYears(1);
        String melding = post("/api/v1/meldingen", VT, """
                {"adresId": "%s", "melder": {"sector": "onderwijs"}, "reden": "Kind vertelt over geweld thuis.",
                 "geweldsvormen": ["partnergeweld"],
                 "betrokkenen": [{"rol": "kind", "naam": "Baby Test", "geboortedatum": "%s"}]}
                """.formatted(address, baby));

        assertThat(keptUntil("VT_MELDING", melding)).isEqualTo(baby.plusYears(18));
        assertThat(jdbc.queryForObject(
                        "SELECT basis FROM retention_schedule WHERE record_id = ?", String.class, melding))
                .isEqualTo("JONGSTE_KIND_MEERDERJARIG");

        expire("VT_MELDING", melding);
        assertThat(sweep.sweep(today)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vt_melding WHERE id = ?::uuid", Integer.class, melding))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM vt_melding_person WHERE melding_id = ?::uuid", Integer.class, melding))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access_log WHERE object_id = ? AND kind = 'VERWIJDEREN'",
                        Integer.class,
                        melding))
                .isEqualTo(1);
    }

    @Test
    void municipalRecordsExpireByTheirOwnPeriods() throws Exception {
        String address = new PoliceIncidents(mvc, postgres.getPostgresDatabase()).newAddress();
        LocalDate yesterday = today.minusDays(1);
        String signaal = post("/api/v1/gemeenteregistraties", GEMEENTE, """
                {"registratienummer": "BEW-%s", "soort": "signaal", "adresId": "%s", "datum": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 8), address, yesterday));
        String huisverbod = post("/api/v1/gemeenteregistraties", GEMEENTE, """
                {"registratienummer": "BEW-%s", "soort": "huisverbod", "adresId": "%s", "datum": "%s", "overtreden": false}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 8), address, yesterday));

        assertThat(keptUntil("GEMEENTE_SIGNAAL", signaal)).isEqualTo(yesterday.plusYears(15));
        assertThat(keptUntil("HUISVERBOD", huisverbod)).isEqualTo(yesterday.plusYears(5));

        expire("HUISVERBOD", huisverbod);
        assertThat(sweep.sweep(today)).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM municipal_record WHERE address_id = ?::uuid", Integer.class, address))
                .as("the huisverbod is gone, the signaal stays")
                .isEqualTo(1);
    }

    private String post(String path, Requests who, String body) throws Exception {
        String response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(who.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    private LocalDate keptUntil(String source, String id) {
        return jdbc.queryForObject(
                "SELECT kept_until FROM retention_schedule WHERE source = ? AND record_id = ?",
                LocalDate.class,
                source,
                id);
    }

    private void expire(String source, String id) {
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "UPDATE retention_schedule SET kept_until = ? WHERE source = ? AND record_id = ?",
                        today.minusDays(1),
                        source,
                        id);
    }
}
