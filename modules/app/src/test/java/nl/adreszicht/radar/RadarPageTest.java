package nl.adreszicht.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The radar pages in Dutch: the history in the own region, break-the-glass outside it, and the review page. */
@SpringBootTest
@AutoConfigureMockMvc
class RadarPageTest {

    private static final Requests VT_DRENTHE = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theHistoryPageShowsTheTimelineInTheOwnRegion() throws Exception {
        String address = address("GM0118");

        mvc.perform(get("/adressen/" + address + "/historie").with(VT_DRENTHE.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tijdlijn (nieuwste eerst)")))
                .andExpect(content().string(not(containsString("Noodtoegang vragen"))));
        mvc.perform(get("/adressen/" + address + "/historie")
                        .param("van", "morgen")
                        .with(VT_DRENTHE.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul een datum in als jjjj-mm-dd.")));
    }

    @Test
    void outsideTheRegionThePageOffersBreakTheGlassWhichNeedsAReason() throws Exception {
        String zwolle = address("GM0193");

        mvc.perform(get("/adressen/" + zwolle + "/historie").with(VT_DRENTHE.ui()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Dit adres ligt buiten uw regio")))
                .andExpect(content().string(not(containsString("Tijdlijn"))));

        mvc.perform(post("/adressen/" + zwolle + "/doorbraken")
                        .param("reden", "kort")
                        .with(csrf())
                        .with(VT_DRENTHE.ui()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Geef een reden van 10 tot 500 tekens.")));
        assertThat(grants(zwolle)).isZero();

        mvc.perform(post("/adressen/" + zwolle + "/doorbraken")
                        .param("reden", "Kind uit Hoogeveen verblijft hier bij vader.")
                        .with(csrf())
                        .with(VT_DRENTHE.ui()))
                .andExpect(redirectedUrl("/adressen/" + zwolle + "/historie"));
        mvc.perform(get("/adressen/" + zwolle + "/historie").with(VT_DRENTHE.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("via noodtoegang")));
        assertThat(grants(zwolle)).isEqualTo(1);
    }

    @Test
    void aSupervisorReviewsFromTheQueuePage() throws Exception {
        String zwolle = address("GM0193");
        mvc.perform(post("/adressen/" + zwolle + "/doorbraken")
                .param("reden", "Acute zorg om het jongste kind hier.")
                .with(csrf())
                .with(VT_DRENTHE.ui()));
        String grant = jdbc.queryForObject(
                "SELECT id::text FROM break_the_glass WHERE address_id = ?::uuid", String.class, zwolle);
        Requests supervisor = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);

        mvc.perform(get("/doorbraken").with(supervisor.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Acute zorg om het jongste kind hier.")));
        // The same subject as the professional: the page offers no form, and a posted one is refused.
        mvc.perform(post("/doorbraken/" + grant + "/beoordeling")
                        .param("oordeel", "terecht")
                        .with(csrf())
                        .with(supervisor.ui()))
                .andExpect(redirectedUrl("/doorbraken"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM break_the_glass WHERE id = ?::uuid AND verdict IS NULL",
                        Integer.class,
                        grant))
                .isEqualTo(1);
    }

    @Test
    void aColleagueSupervisorsReviewStartsUnansweredAndAMissingVerdictIsRefusedInDutch() throws Exception {
        String zwolle = address("GM0193");
        mvc.perform(post("/adressen/" + zwolle + "/doorbraken")
                .param("reden", "Kind uit Hoogeveen logeert hier deze week.")
                .with(csrf())
                .with(VT_DRENTHE.ui()));
        String grant = jdbc.queryForObject(
                "SELECT id::text FROM break_the_glass WHERE address_id = ?::uuid", String.class, zwolle);
        Requests supervisor = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);
        String colleague = "5f2d7c1e-8a9b-4c3d-9e0f-1a2b3c4d5e6f";

        String queue = mvc.perform(get("/doorbraken").with(supervisor.ui(colleague)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String form = queue.substring(queue.indexOf("/doorbraken/" + grant + "/beoordeling"));
        form = form.substring(0, form.indexOf("</form>"));
        // A judgement: both answers offered, neither chosen for the supervisor.
        assertThat(form).contains("value=\"terecht\"", "value=\"onterecht\"").doesNotContain("checked");

        mvc.perform(post("/doorbraken/" + grant + "/beoordeling").with(csrf()).with(supervisor.ui(colleague)))
                .andExpect(redirectedUrl("/doorbraken"))
                .andExpect(flash().attribute("message", "validation.oordeel"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM break_the_glass WHERE id = ?::uuid AND verdict IS NULL",
                        Integer.class,
                        grant))
                .isEqualTo(1);
    }

    private int grants(String address) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM break_the_glass WHERE address_id = ?::uuid", Integer.class, address);
    }

    private String address(String gemeente) {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code)"
                                + " VALUES (?, '7908ZZ', ?, ?, 'Paginastraat', 'Ergens', ?)",
                        id,
                        1 + Math.floorMod(id.hashCode(), 99_999),
                        Integer.toString(Math.floorMod(id.hashCode() >> 8, 9999)),
                        gemeente);
        return id.toString();
    }
}
