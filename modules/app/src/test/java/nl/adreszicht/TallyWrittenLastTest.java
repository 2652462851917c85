package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The counters (the area scan's tallies, the monitor's month counts) are written last in the registration's
 * transaction, just before its commit ({@code records.CounterWrites}), and still in it: a counter write that fails
 * there rolls the registration back. The caller is answered with an error, and neither the record nor any of its
 * counts exists. Made to fail by a trigger on the national tally, the last of the area scan's rows a registration
 * writes, for one month only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TallyWrittenLastTest {

    /** The month whose national tally the trigger refuses: no other test registers in it. */
    private static final String REFUSED_MONTH = "2025-11-01";

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void aFailedCounterWriteRollsTheRegistrationBackAndAnswersAnError() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        // The counts of the address's gemeente and month before, and one registration in another month that is
        // counted: the trigger refuses only its own month.
        long tallied = tallied();
        assertThat(register(address, "2025-10-14", "TWL-OK-" + suffix())).isEqualTo(201);
        assertThat(tallied()).isEqualTo(tallied + 1);
        tallied = tallied();
        long monitored = monitored();
        long inGemeente = inGemeente();

        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.execute("CREATE FUNCTION test_refuse_national_tally() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.month = DATE '" + REFUSED_MONTH + "' THEN"
                + " RAISE EXCEPTION 'national tally refused by the test'; END IF; RETURN NEW; END $$");
        owner.execute("CREATE TRIGGER test_refuse_national_tally BEFORE INSERT OR UPDATE ON national_tally"
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse_national_tally()");
        String number = "TWL-" + suffix();
        String counted = counted(address);
        int status;
        try {
            status = register(address, "2025-11-14", number);
        } finally {
            owner.execute("DROP TRIGGER test_refuse_national_tally ON national_tally");
            owner.execute("DROP FUNCTION test_refuse_national_tally()");
        }

        assertThat(status).as("the caller is told the registration failed").isGreaterThanOrEqualTo(500);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM incident WHERE registration_number = ?", Integer.class, number))
                .as("the record does not exist")
                .isZero();
        assertThat(tallied()).as("the area scan counts nothing of it").isEqualTo(tallied);
        assertThat(inGemeente())
                .as("nor the gemeente's row, written in the same statement before the refused national row")
                .isEqualTo(inGemeente);
        assertThat(monitored()).as("the monitor counts nothing of it").isEqualTo(monitored);
        assertThat(counted(address))
                .as("the address keeps what it counted before")
                .isEqualTo(counted);

        assertThat(register(address, "2025-11-15", "TWL-" + suffix()))
                .as("without the trigger the month counts again")
                .isEqualTo(201);
        assertThat(tallied()).isEqualTo(tallied + 1);
    }

    /** Police incidents counted in the area scan's tally of GM0118, all months. */
    private long tallied() {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(records), 0) FROM record_tally WHERE gemeente_code = 'GM0118'"
                        + " AND source = 'POLITIE_INCIDENT'",
                Long.class);
    }

    /** Records counted in the gemeente's own row of the refused month (any source). */
    private long inGemeente() {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(records), 0) FROM gemeente_tally WHERE gemeente_code = 'GM0118'"
                        + " AND month = DATE '" + REFUSED_MONTH + "'",
                Long.class);
    }

    /** What the monitor counted of the address. */
    private String counted(String address) {
        return jdbc.queryForObject(
                "SELECT counted::text FROM monitor_address WHERE address_id = ?::uuid", String.class, address);
    }

    /** Police incidents counted in the monitor's month counts of GM0118, all months. */
    private long monitored() {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(n), 0) FROM monitor_gemeente_month WHERE gemeente_code = 'GM0118'"
                        + " AND category = (SELECT id FROM monitor_category WHERE key = 'bron.POLITIE_INCIDENT')",
                Long.class);
    }

    private int register(String address, String day, String number) throws Exception {
        return mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "%s", "tijdstip": "%sT10:00:00+01:00", "adresId": "%s",
                                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false,
                                 "letsel": false, "wapen": false, "alcoholDrugs": false, "aangifte": false,
                                 "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(number, day, address)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
