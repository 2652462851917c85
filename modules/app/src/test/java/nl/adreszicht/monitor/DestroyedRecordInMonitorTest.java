package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A destroyed record subtracts nothing from the monitor's counts, and the address then never claims a count the cells
 * do not have: with the first of two signalen destroyed, the second becomes the index event, which was never counted;
 * kept as counted, the next record at the address (making the second a repeat again) took it off the cell, below what
 * the cell had before the address existed. One such cell below zero answers every monitor request with 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DestroyedRecordInMonitorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    private final Requests gemeente = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @BeforeEach
    void today() {
        clock.startAt(TestClock.TODAY);
    }

    @Test
    void aDestructionChangesNoCountAndLeavesNothingToSubtractLater() throws Exception {
        UUID address = new TestAddresses(postgres.getPostgresDatabase()).create("GM0118");
        Map<String, Long> start = cells();
        UUID first = signaal(address, "2025-01-10");
        signaal(address, "2025-06-10");
        Map<String, Long> registered = cells();
        assertThat(registered.get("2025-06-01 recidive.herhaling") - start.get("2025-06-01 recidive.herhaling"))
                .isEqualTo(1);

        // The end of the first signaal's retention, as the sweep does it: the record goes, the modules hear of it.
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM municipal_record WHERE id = ?", first);
            events.publishEvent(
                    new RecordDestroyed(RecordSource.GEMEENTE_SIGNAAL, first.toString(), new AddressId(address)));
        });

        assertThat(cells()).as("a destruction changes no count").isEqualTo(registered);
        assertClaimsNoMoreThanTheCellsHave(address);

        // A new signaal before the second makes the second a repeat again.
        signaal(address, "2025-04-10");

        Map<String, Long> after = cells();
        assertThat(after.get("2025-06-01 recidive.index"))
                .as("the index event the second signaal became was never counted, so it is never taken off")
                .isEqualTo(start.get("2025-06-01 recidive.index"));
        assertThat(after.get("2025-04-01 recidive.index") - start.get("2025-04-01 recidive.index"))
                .isEqualTo(1);
        assertClaimsNoMoreThanTheCellsHave(address);
    }

    private UUID signaal(UUID address, String day) throws Exception {
        String number = "DESTR-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/gemeenteregistraties")
                        .with(gemeente.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "%s", "soort": "signaal", "adresId": "%s",
                                 "datum": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S1",
                                 "kinderenAanwezig": false}
                                """.formatted(number, address, day)))
                .andExpect(status().isCreated());
        return jdbc.queryForObject("SELECT id FROM municipal_record WHERE registration_number = ?", UUID.class, number);
    }

    /** Hoogeveen's cells of the months this test touches, by "month key"; a cell not there counts 0. */
    private Map<String, Long> cells() {
        Map<String, Long> cells = new java.util.TreeMap<>();
        for (String month : new String[] {"2025-01-01", "2025-04-01", "2025-06-01"}) {
            for (String key : new String[] {"recidive.index", "recidive.herhaling", "bron.GEMEENTE_SIGNAAL"}) {
                cells.put(
                        month + " " + key,
                        jdbc.queryForObject(
                                "SELECT coalesce(sum(g.n), 0) FROM monitor_gemeente_month g"
                                        + " JOIN monitor_category c ON c.id = g.category"
                                        + " WHERE g.gemeente_code = 'GM0118' AND g.month = ?::date AND c.key = ?",
                                Long.class,
                                month,
                                key));
            }
        }
        return cells;
    }

    /** Every count the address says it added is in its gemeente's cell (with the other addresses' counts). */
    private void assertClaimsNoMoreThanTheCellsHave(UUID address) {
        assertThat(jdbc.queryForList(
                        "SELECT k, count(*) FROM monitor_address a, unnest(a.counted) k WHERE a.address_id = ?"
                                + " GROUP BY k, a.gemeente_code HAVING count(*) > (SELECT coalesce(sum(g.n), 0) FROM monitor_gemeente_month g"
                                + " WHERE g.gemeente_code = a.gemeente_code"
                                + " AND g.month = make_date((k / 4096) / 12, (k / 4096) % 12 + 1, 1)"
                                + " AND g.category = k % 4096)",
                        address))
                .isEmpty();
    }
}
