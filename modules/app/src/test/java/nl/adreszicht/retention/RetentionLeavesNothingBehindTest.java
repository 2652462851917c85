package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.adreszicht.AfterCommit;
import nl.adreszicht.Requests;
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
 * Issue 10, gap 7: when a record goes (destroyed on request, or at the end of its retention), what was derived from
 * it goes too: the signal matches that only it made, the colour history entries that counted it, and the free text of
 * the raises, lowerings and break-the-glass grants made while it was at the address. Aggregates stay as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionLeavesNothingBehindTest {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests ELSEWHERE = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);
    private static final String ELSEWHERE_SUBJECT = "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    RetentionSweep sweep;

    private PoliceIncidents incidents;

    @BeforeEach
    void fixtures() {
        incidents = new PoliceIncidents(mvc, postgres.getPostgresDatabase());
    }

    @Test
    void destructionOnRequestTakesTheMatchesHistoryAndFreeTextTiedToTheRecord() throws Exception {
        String address = incidents.newAddress();
        String incident = worksAt(address);
        List<Map<String, Object>> tallyBefore = incidents.tally();

        mvc.perform(post("/api/v1/vernietigingsverzoeken")
                        .with(Requests.as(Role.PRIVACY_OFFICER, PoliceIncidents.ORGANISATION)
                                .api(DestructionApiTest.OFFICER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"bron": "politie-incident", "registratieId": "%s", "ontvangenOp": "%s",
                                 "reden": "Verzoek tot vernietiging toegewezen, zaak PRIV-2026-020."}
                                """.formatted(incident, LocalDate.now().minusDays(2))))
                .andExpect(status().isNoContent());

        nothingOfItLeft(address, incident);
        assertThat(incidents.tally()).as("the anonymous tally").isEqualTo(tallyBefore);
    }

    @Test
    void theDailySweepTakesThemToo() throws Exception {
        String address = incidents.newAddress();
        String incident = worksAt(address);
        incidents.expire(incident);

        sweep.sweep(LocalDate.now());

        nothingOfItLeft(address, incident);
    }

    /**
     * A police incident and a Veilig Thuis melding at one address (so they are matched), a raise and a lowering
     * proposal by Veilig Thuis and a break-the-glass grant from another region, all with free text: the incident's id.
     */
    private String worksAt(String address) throws Exception {
        String incident = incidents.register(address, 5, "S1", null);
        mvc.perform(post("/api/v1/meldingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
                                 "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                                 "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
                                """.formatted(address)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverhogingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"Zorgen van de school over de kinderen.\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverlagingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doelkleur\": \"ORANGE\", \"reden\": \"Gezin werkt mee, hulp loopt goed.\","
                                + " \"herbeoordelingsdatum\": \""
                                + LocalDate.now().plusMonths(2) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/adressen/" + address + "/doorbraken")
                        .with(ELSEWHERE.api(ELSEWHERE_SUBJECT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"Kind uit onze regio verblijft hier bij vader.\"}"))
                .andExpect(status().isCreated());
        // Matching runs after the registrations answered (ADR 0011).
        await().atMost(AfterCommit.AT_MOST)
                .untilAsserted(
                        () -> assertThat(count("SELECT count(*) FROM signal_match WHERE address_id = ?::uuid", address))
                                .as("matched")
                                .isEqualTo(2));
        assertThat(count(
                        "SELECT count(*) FROM address_colour_history WHERE address_id = ?::uuid AND ? = ANY(counted_record_ids)",
                        address,
                        incident))
                .as("history that counted the incident")
                .isPositive();
        return incident;
    }

    private void nothingOfItLeft(String address, String incident) {
        assertThat(incidents.rowsOf(incident)).containsExactly(0, 0, 0, 0);
        assertThat(count("SELECT count(*) FROM signal_match WHERE address_id = ?::uuid", address))
                .as("signal matches made by the incident alone")
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM address_colour_history WHERE address_id = ?::uuid AND ? = ANY(counted_record_ids)",
                        address,
                        incident))
                .as("colour history entries that counted it")
                .isZero();
        for (String table : List.of("colour_raise", "colour_lowering", "break_the_glass")) {
            assertThat(jdbc.queryForList(
                            "SELECT reason FROM " + table + " WHERE address_id = ?::uuid", String.class, address))
                    .as("the free text of every " + table + " made while it was there")
                    .isNotEmpty()
                    .containsOnlyNulls();
        }
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .as("the other organisation's record stays")
                .isEqualTo(1);
        // Erasing is the only change the application may make: no reason can be written back.
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE colour_raise SET reason = 'Een nieuwe reden, achteraf.', reason_erased_at = NULL"
                                + " WHERE address_id = ?::uuid",
                        address))
                .hasStackTraceContaining("only ever changed by erasing its reason");
        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE break_the_glass SET reason = 'Een nieuwe reden, achteraf.', reason_erased_at = NULL"
                                + " WHERE address_id = ?::uuid",
                        address))
                .hasStackTraceContaining("only ever changed by its one review");
    }

    private int count(String sql, Object... arguments) {
        Integer count = jdbc.queryForObject(sql, Integer.class, arguments);
        return count == null ? 0 : count;
    }
}
