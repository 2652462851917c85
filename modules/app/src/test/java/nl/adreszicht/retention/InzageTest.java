package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inzage request handled by Veilig Thuis's privacy officer (issue 16): the person identified by name, date of birth
 * and address is found in a Veilig Thuis melding and a police incident; the export (JSON and PDF, whose text the test
 * reads) shows the melding's content and the person's own details, and blacks out the melder, the other people and
 * the police's content. The deadline is a month, extendable once by two; another organisation finds nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InzageTest {

    static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    static final Requests POLICE = Requests.as(Role.POLITIE_MEDEWERKER, "politie-noord-nederland");
    static final Requests OFFICER = new Requests(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe", "VT03", null);
    static final Requests OTHER_OFFICER = Requests.as(Role.PRIVACY_OFFICER, "gemeente-zwolle");
    static final String OFFICER_SUBJECT = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void theExportShowsThePersonsOwnRecordsAndNeverTheMelderOrOthers() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String child = "Sam Inzage " + suffix;
        send(
                        post("/api/v1/meldingen"),
                        VT,
                        Map.of(
                                "adresId", address,
                                "melder",
                                        Map.of(
                                                "sector",
                                                "onderwijs",
                                                "naam",
                                                "Juf Verborgen",
                                                "contact",
                                                "06-55501234"),
                                "reden", "Kind vertelt over ruzies thuis.",
                                "geweldsvormen", List.of("partnergeweld"),
                                "betrokkenen",
                                        List.of(
                                                Map.of("rol", "kind", "naam", child, "geboortedatum", "2016-03-01"),
                                                Map.of("rol", "slachtoffer", "naam", "Eva Anderen"))))
                .andExpect(status().isCreated());
        send(
                        post("/api/v1/incidenten"),
                        POLICE,
                        Map.ofEntries(
                                Map.entry("registratienummer", "INZAGE-" + suffix),
                                Map.entry("tijdstip", "2026-01-10T21:30:00+01:00"),
                                Map.entry("adresId", address),
                                Map.entry("geweldsvormen", List.of("partnergeweld")),
                                Map.entry("ernst", "S2"),
                                Map.entry("kinderenAanwezig", true),
                                Map.entry("letsel", false),
                                Map.entry("wapen", false),
                                Map.entry("alcoholDrugs", false),
                                Map.entry("aangifte", false),
                                Map.entry("huisverbodOpgelegd", false),
                                Map.entry("huisverbodOvertreden", false),
                                Map.entry(
                                        "betrokkenen",
                                        List.of(
                                                Map.of("rol", "kind", "naam", child, "geboortedatum", "2016-03-01"),
                                                Map.of("rol", "pleger", "naam", "Piet Politie")))))
                .andExpect(status().isCreated());

        // Invalid: without BSN, all of name, date of birth and address are needed.
        send(post("/api/v1/inzageverzoeken"), OFFICER, Map.of("ontvangenOp", "2026-03-02", "naam", child))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("geboortedatum", "adresId")));
        send(post("/api/v1/inzageverzoeken"), OFFICER, Map.of("ontvangenOp", "2026-03-02", "bsn", "123456789"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("bsn"));

        JsonNode request = read(send(
                        post("/api/v1/inzageverzoeken"),
                        OFFICER,
                        Map.of(
                                "ontvangenOp",
                                TestClock.TODAY.toString(),
                                "naam",
                                child.toLowerCase(),
                                "geboortedatum",
                                "2016-03-01",
                                "adresId",
                                address))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.uiterlijk")
                        .value(TestClock.TODAY.plusMonths(1).toString()))
                .andExpect(jsonPath("$.status").value("open")));
        String id = request.get("id").asString();

        String export = mvc.perform(
                        get("/api/v1/inzageverzoeken/" + id + "/export").with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode records = json.readTree(export).get("registraties");
        assertThat(records).hasSize(2);
        assertThat(export)
                .contains(child, "Kind vertelt over ruzies thuis.", "[afgeschermd]", "politie-noord-nederland");
        assertThat(export)
                .as("no melder, no other people, no police content")
                .doesNotContain(
                        "Juf Verborgen", "06-55501234", "onderwijs", "Eva Anderen", "Piet Politie", "INZAGE-" + suffix);

        byte[] pdf = mvc.perform(get("/api/v1/inzageverzoeken/" + id + "/export?formaat=pdf")
                        .with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Inzage in uw gegevens", child, "Kind vertelt over ruzies thuis.", "[afgeschermd]");
        assertThat(text).doesNotContain("Juf Verborgen", "Eva Anderen", "Piet Politie", "INZAGE-" + suffix);
        mvc.perform(get("/api/v1/inzageverzoeken/" + id + "/export?formaat=docx")
                        .with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(status().isBadRequest());

        // The deadline: a month, once extended by two with a reason; completed once.
        send(
                        post("/api/v1/inzageverzoeken/" + id + "/verlenging").header("If-Match", etag(id)),
                        OFFICER,
                        Map.of("reden", "kort"))
                .andExpect(status().isBadRequest());
        send(
                        post("/api/v1/inzageverzoeken/" + id + "/verlenging").header("If-Match", etag(id)),
                        OFFICER,
                        Map.of("reden", "Veel registraties bij drie organisaties na te gaan."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uiterlijk")
                        .value(TestClock.TODAY.plusMonths(3).toString()));
        send(
                        post("/api/v1/inzageverzoeken/" + id + "/verlenging").header("If-Match", etag(id)),
                        OFFICER,
                        Map.of("reden", "Nog een keer verlengen lukt niet."))
                .andExpect(status().isConflict());
        clock.startAt(TestClock.NOW.plusMonths(4).toInstant());
        mvc.perform(get("/api/v1/inzageverzoeken/" + id).with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(jsonPath("$.status").value("te-laat"));
        send(post("/api/v1/inzageverzoeken/" + id + "/afronding").header("If-Match", etag(id)), OFFICER, Map.of())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("afgerond"));
        send(post("/api/v1/inzageverzoeken/" + id + "/afronding").header("If-Match", etag(id)), OFFICER, Map.of())
                .andExpect(status().isConflict());

        // Another organisation's officer: not found, not listed; a VT professional may not at all.
        mvc.perform(get("/api/v1/inzageverzoeken/" + id).with(OTHER_OFFICER.api()))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/api/v1/inzageverzoeken").with(OTHER_OFFICER.api()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(id);
        mvc.perform(get("/api/v1/inzageverzoeken/" + id + "/export").with(VT.api()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_type = 'inzageverzoek' and object_id = ?",
                        Long.class,
                        id))
                .as("every access to the request is logged")
                .isGreaterThanOrEqualTo(8);
    }

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Requests who,
            Map<String, Object> body)
            throws Exception {
        return mvc.perform(request.with(who == OFFICER ? who.api(OFFICER_SUBJECT) : who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /** The request's current ETag, as its GET answers it: what a change sends back in If-Match. */
    private String etag(String id) throws Exception {
        return mvc.perform(get("/api/v1/inzageverzoeken/" + id).with(OFFICER.api(OFFICER_SUBJECT)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("ETag");
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
