package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders by e-mail against a real SMTP server started by the test (GreenMail on a free port): a professional who
 * opted in and has an overdue deadline on a case of their own gets one message per day, read back from the server,
 * with a link to the worklist and no personal data at all; one who did not opt in gets none.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "adreszicht.reminders.base-url=https://adreszicht.example"})
@AutoConfigureMockMvc
class ReminderMailTest {

    private static final int PORT = freePort();
    private static final GreenMail SMTP = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    static final Requests SUPERVISOR = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    Herinneringen herinneringen;

    @Autowired
    TestClock.Settable clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void anOptedInProfessionalGetsOneMessageWithOnlyALinkAndNoPersonalData() throws Exception {
        String vera = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String address = vera.substring(0, 8) + "@example.org";

        // Opting in needs a valid address; the page says so in Dutch and stores nothing.
        mvc.perform(post("/instellingen/herinneringen")
                        .param("herinneringen", "aan")
                        .param("email", "geen-adres")
                        .with(csrf())
                        .with(VT.ui(vera)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vul een geldig e-mailadres in")));
        mvc.perform(post("/instellingen/herinneringen")
                        .param("herinneringen", "aan")
                        .param("email", address)
                        .with(csrf())
                        .with(VT.ui(vera)))
                .andExpect(redirectedUrl("/instellingen/herinneringen"));
        mvc.perform(post("/instellingen/herinneringen")
                        .param("herinneringen", "uit")
                        .param("email", "ander@example.org")
                        .with(csrf())
                        .with(VT.ui(other)))
                .andExpect(redirectedUrl("/instellingen/herinneringen"));

        // A melding received two weeks ago, not assessed: overdue. One for Vera, one for the other professional.
        String mine = overdueMelding(vera);
        String theirs = overdueMelding(other);
        String number = jdbc.queryForObject(
                "select registration_number from vt_melding where id = ?::uuid", String.class, mine);

        int before = SMTP.getReceivedMessages().length;
        assertThat(herinneringen.send(TestClock.TODAY)).isGreaterThanOrEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(10_000, before + 1)).isTrue();
        List<MimeMessage> toVera = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
        assertThat(toVera).hasSize(1);
        MimeMessage message = toVera.get(0);
        String body = GreenMailUtil.getBody(message);
        String raw = GreenMailUtil.getWholeMessage(message);
        assertThat(message.getSubject()).isEqualTo("Adreszicht: termijnen in uw werkvoorraad");
        assertThat(body).contains("https://adreszicht.example/werkvoorraad?categorie=mijn-zaken");
        assertThat(raw)
                .as("no personal data, no case: not its number, id, address, melder, child or region")
                .doesNotContain(number, mine, theirs, "Juf", "Sam", "Herinneringstraat", "VT03", "9999");
        assertThat(Arrays.stream(SMTP.getReceivedMessages())
                        .filter(m -> recipients(m).contains("ander@example.org")))
                .as("not opted in")
                .isEmpty();

        // Once a day: a second run the same day sends Vera nothing more.
        herinneringen.send(TestClock.TODAY);
        assertThat(Arrays.stream(SMTP.getReceivedMessages())
                        .filter(m -> recipients(m).contains(address))
                        .count())
                .isEqualTo(1);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String overdueMelding(String behandelaar) throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        Map<String, Object> body = Map.of(
                "adresId", address,
                "ontvangenOp", TestClock.NOW.minusWeeks(2).toString(),
                "melder", Map.of("sector", "onderwijs", "naam", "Juf Herinnering"),
                "reden", "Kind vertelt over geweld thuis.",
                "geweldsvormen", List.of("partnergeweld"),
                "betrokkenen", List.of(Map.of("rol", "kind", "naam", "Sam Herinnering")));
        var intake = mvc.perform(post("/api/v1/meldingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse();
        String id = json.readTree(intake.getContentAsString()).get("id").asString();
        mvc.perform(post("/api/v1/meldingen/" + id + "/behandelaar")
                        .with(SUPERVISOR.api())
                        .header("If-Match", intake.getHeader("ETag"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"behandelaar\": \"" + behandelaar + "\"}"))
                .andExpect(status().isOk());
        return id;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }
}
