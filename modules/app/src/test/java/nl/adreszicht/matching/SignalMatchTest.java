package nl.adreszicht.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import nl.adreszicht.AfterCommit;
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

/**
 * Signal matching end to end: the police and the municipality record at one address; each is told the other has a
 * signal there and whom to contact, and neither receives anything the other recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignalMatchTest {

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final Requests GEMEENTE =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void twoOrganisationsAtOneAddressAreToldAboutEachOtherAndNothingMore() throws Exception {
        String address = address();
        police(address, "Geheim detail van de politie");
        AfterCommit.awaitListenersDone(jdbc, address);
        assertThat(matches(address))
                .as("one organisation alone matches nothing")
                .isZero();

        mvc.perform(post("/api/v1/gemeenteregistraties")
                        .with(GEMEENTE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "SAM-%s", "soort": "signaal", "adresId": "%s", "datum": "2026-03-02",
                                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                                """.formatted(UUID.randomUUID().toString().substring(0, 8), address)))
                .andExpect(status().isCreated());
        awaitMatches(address, 2);

        mvc.perform(get("/api/v1/samenloopsignalen").with(POLICE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.adresId == '" + address + "')].contactOrganisatie")
                        .value(org.hamcrest.Matchers.contains("gemeente-hoogeveen")));
        mvc.perform(get("/api/v1/samenloopsignalen").with(GEMEENTE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.adresId == '" + address + "')].contactOrganisatie")
                        .value(org.hamcrest.Matchers.contains("politie-noord-nederland")))
                .andExpect(content().string(not(containsString("Geheim detail"))));

        // A second police incident changes nothing in who is matched with whom.
        police(address, "Nog een incident");
        AfterCommit.awaitListenersDone(jdbc, address);
        assertThat(matches(address)).isEqualTo(2);
        // Whom to contact, by the organisation's name from the reference data, not its code.
        mvc.perform(get("/samenloop").with(GEMEENTE.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Politie Noord-Nederland")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("politie-noord-nederland"))));
    }

    @Test
    void aVeiligThuisMeldingMatchesThePoliceAndShowsInTheRadarWithoutTheMelder() throws Exception {
        String address = address();
        police(address, "Incident");
        Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);

        mvc.perform(post("/api/v1/meldingen")
                        .with(vt.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Geheim"},
                                 "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                                 "betrokkenen": [{"rol": "kind", "naam": "Kim de Boer", "geboortedatum": "2016-04-01"}]}
                                """.formatted(address)))
                .andExpect(status().isCreated());

        awaitMatches(address, 2);
        mvc.perform(get("/api/v1/samenloopsignalen").with(POLICE.api()))
                .andExpect(jsonPath("$[?(@.adresId == '" + address + "')].contactOrganisatie")
                        .value(org.hamcrest.Matchers.contains("veilig-thuis-drenthe")));
        mvc.perform(get("/api/v1/adressen/" + address + "/historie").with(vt.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tijdlijn[?(@.soort == 'vt-melding')].organisatie")
                        .value(org.hamcrest.Matchers.contains("veilig-thuis-drenthe")))
                .andExpect(jsonPath("$.betrokkenen[*].naam").value(org.hamcrest.Matchers.hasItem("Kim de Boer")))
                .andExpect(content().string(not(containsString("Juf Geheim"))));
    }

    private void police(String address, String note) throws Exception {
        mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "SAM-%s", "tijdstip": "2026-03-01T10:00:00+01:00", "adresId": "%s",
                                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false, "letsel": false,
                                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                                 "huisverbodOvertreden": false, "toelichting": "%s",
                                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(UUID.randomUUID().toString().substring(0, 8), address, note)))
                .andExpect(status().isCreated());
    }

    /** Matching runs after the registration answered (ADR 0011): waited for, bounded. */
    private void awaitMatches(String address, int expected) {
        await().atMost(AfterCommit.AT_MOST)
                .untilAsserted(() -> assertThat(matches(address)).isEqualTo(expected));
    }

    private int matches(String address) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM signal_match WHERE address_id = ?::uuid", Integer.class, address);
    }

    private String address() {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
    }
}
