package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recidive and the monitor on PostgreSQL through the real registration APIs: records of two agencies at one address
 * make it a repeat address (the marker on the address card, the list of repeat addresses within the caller's area and
 * nowhere else), and the analist's monitor, its CSV and its yearly report show only protected numbers of the own
 * gemeente, the same for overlapping ranges and for months or quarters.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MonitorApiTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i).*(adres|straat|postcode|huisnummer|huisletter|toevoeging|naam|name|bsn|geboorte|persoon|betrokkene"
                    + "|toelichting|vrijetekst|tekst|notitie|melder).*");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    MonitorMonths months;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Requests gemeente = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    private final Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");
    private final Requests otherPolice =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-oost-nederland", null, "GM0193");
    private final Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private final Requests otherVt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);
    private final Requests analist = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");

    @BeforeEach
    void today() {
        clock.startAt(TestClock.TODAY);
    }

    /** A new address in Hoogeveen with a signaal on each day and a police incident on the last. */
    private UUID repeatAddress(String... days) throws Exception {
        UUID address = new TestAddresses(postgres.getPostgresDatabase()).create("GM0118");
        for (String day : days) {
            mvc.perform(post("/api/v1/gemeenteregistraties")
                            .with(gemeente.api())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"registratienummer": "MON-%s", "soort": "signaal", "adresId": "%s",
                                     "datum": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S1",
                                     "kinderenAanwezig": false}
                                    """.formatted(UUID.randomUUID().toString().substring(0, 8), address, day)))
                    .andExpect(status().isCreated());
        }
        return address;
    }

    @Test
    void recordsOfEveryAgencyMakeARepeatAddressShownOnlyInItsArea() throws Exception {
        UUID address = repeatAddress("2025-09-01", "2025-12-01", "2026-03-01");
        mvc.perform(post("/api/v1/incidenten")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"registratienummer": "MON-PL-%s", "tijdstip": "2026-05-01T21:30:00+02:00",
                                 "adresId": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S2",
                                 "kinderenAanwezig": false, "letsel": false, "wapen": false, "alcoholDrugs": false,
                                 "aangifte": false, "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                                """.formatted(UUID.randomUUID().toString().substring(0, 8), address)))
                .andExpect(status().isCreated());

        assertThat(jdbc.queryForMap(
                        "SELECT repeats, rules_version, vt_region FROM monitor_address WHERE address_id = ?", address))
                .containsEntry("repeats", 3)
                .containsEntry("rules_version", "r1")
                .containsEntry("vt_region", "VT03");

        // The address card shows the marker, over every agency's records.
        JsonNode card = body(get("/api/v1/adressen/" + address).with(vt.api()), 200);
        assertThat(card.path("markeringen").path(0).path("soort").asString()).isEqualTo("herhalingen");
        assertThat(card.path("markeringen").path(0).path("waarde").asInt()).isEqualTo(3);

        // Veilig Thuis of the region and the police unit serving it find it; another region or unit does not.
        assertThat(listed(vt, "?minimum=3&aantal=200")).contains(address.toString());
        assertThat(listed(police, "?minimum=3&aantal=200")).contains(address.toString());
        assertThat(listed(otherVt, "?minimum=1&aantal=200")).doesNotContain(address.toString());
        assertThat(listed(otherPolice, "?minimum=1&aantal=200")).doesNotContain(address.toString());
        assertThat(listed(vt, "?minimum=4&aantal=200")).doesNotContain(address.toString());
        // An analist may not ask at all.
        mvc.perform(get("/api/v1/herhaaladressen").with(analist.api())).andExpect(status().isForbidden());
    }

    @Test
    void theListIsPagedByKeyAndSortable() throws Exception {
        repeatAddress("2026-01-05", "2026-02-05", "2026-03-05");
        repeatAddress("2026-01-06", "2026-02-06", "2026-03-06");
        for (String sort : List.of("herhalingen", "recent")) {
            List<String> all = listed(vt, "?minimum=2&aantal=200&sorteer=" + sort);
            List<String> paged = new ArrayList<>();
            String next = "";
            do {
                JsonNode page = body(
                        get("/api/v1/herhaaladressen?minimum=2&aantal=1&sorteer=" + sort + next)
                                .with(vt.api()),
                        200);
                page.path("items")
                        .forEach(item -> paged.add(item.path("adresId").asString()));
                next = page.path("volgende").isMissingNode()
                                || page.path("volgende").isNull()
                        ? ""
                        : "&na=" + page.path("volgende").asString();
            } while (!next.isEmpty());
            assertThat(paged).as("pages by " + sort).containsExactlyElementsOf(all);
            assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        }
        JsonNode problem = body(
                get("/api/v1/herhaaladressen?minimum=0&sorteer=adres&aantal=500&na=zomaar")
                        .with(vt.api()),
                400);
        List<String> fields = new ArrayList<>();
        problem.path("invalidParams").forEach(e -> fields.add(e.path("name").asString()));
        assertThat(fields).containsExactlyInAnyOrder("minimum", "sorteer", "aantal", "na");
    }

    @Test
    void theMonitorIsTheOwnGemeentesAndOnlyProtectedNumbers() throws Exception {
        repeatAddress("2025-10-01", "2025-11-01", "2026-01-15");
        months.closeBefore(java.time.YearMonth.of(2025, 12));
        JsonNode monitor = body(get("/api/v1/monitorcijfers").with(analist.api()), 200);

        assertThat(monitor.path("gemeente").asString()).isEqualTo("GM0118");
        assertThat(monitor.path("periode").path("tot").asString()).isEqualTo("2026-04-01");
        assertThat(monitor.path("regels").path("onthullingscontrole").asString())
                .isEqualTo("DisclosureControl v1");
        assertThat(monitor.path("regels").path("recidiveregels").asString()).isEqualTo("r1");
        assertNoPersonalFields(monitor, "");
        for (JsonNode reeks : monitor.path("reeksen")) {
            for (JsonNode punt : reeks.path("punten")) {
                JsonNode count = punt.path("aantal");
                if (count.path("afgeschermd").asBoolean()) {
                    assertThat(count.path("weergave").asString()).isIn("<10", "x");
                    assertThat(count.path("waarde").isNull()
                                    || count.path("waarde").isMissingNode())
                            .isTrue();
                } else {
                    assertThat(count.path("waarde").asLong() % 5).isZero();
                }
            }
        }
        // The signalen of this test are counted in their months.
        Long counted = jdbc.queryForObject(
                "SELECT coalesce(sum(n), 0) FROM monitor_gemeente_month g JOIN monitor_category k ON k.id = g.category"
                        + " WHERE g.gemeente_code = 'GM0118' AND k.key = 'bron.GEMEENTE_SIGNAAL'"
                        + " AND g.month IN ('2025-10-01', '2025-11-01', '2026-01-01')",
                Long.class);
        assertThat(counted).isGreaterThanOrEqualTo(3);

        // Another gemeente, another role, a running period: refused.
        mvc.perform(get("/api/v1/monitorcijfers?gemeente=GM0193").with(analist.api()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/monitorcijfers").with(vt.api())).andExpect(status().isForbidden());
        body(get("/api/v1/monitorcijfers?tot=2026-07-01").with(analist.api()), 400);
        body(get("/api/v1/monitorcijfers?van=2026-02-01").with(analist.api()), 400);
    }

    @Test
    void overlappingRangesMonthsAndQuartersGiveTheSameProtectedNumbers() throws Exception {
        repeatAddress("2025-07-01", "2025-08-01", "2025-09-01");
        JsonNode longer = body(
                get("/api/v1/monitorcijfers?van=2024-01-01&tot=2026-04-01&familie=bronnen")
                        .with(analist.api()),
                200);
        JsonNode shorter = body(
                get("/api/v1/monitorcijfers?van=2025-04-01&tot=2026-01-01&familie=bronnen")
                        .with(analist.api()),
                200);
        JsonNode months = body(
                get("/api/v1/monitorcijfers?van=2025-07-01&tot=2025-10-01&familie=bronnen&interval=maand")
                        .with(analist.api()),
                200);
        JsonNode monthsAlone = body(
                get("/api/v1/monitorcijfers?van=2024-01-01&tot=2026-04-01&familie=bronnen&interval=maand")
                        .with(analist.api()),
                200);
        for (JsonNode reeks : shorter.path("reeksen")) {
            for (JsonNode punt : reeks.path("punten")) {
                assertThat(point(longer, reeks, punt.path("periode").asString()))
                        .as(reeks.path("meting").asString() + " "
                                + punt.path("periode").asString())
                        .isEqualTo(punt.path("aantal"));
            }
        }
        for (JsonNode reeks : months.path("reeksen")) {
            for (JsonNode punt : reeks.path("punten")) {
                assertThat(point(monthsAlone, reeks, punt.path("periode").asString()))
                        .isEqualTo(punt.path("aantal"));
            }
        }
        // The CSV carries exactly the API's numbers.
        String csv = mvc.perform(get("/api/v1/monitorcijfers?van=2025-04-01&tot=2026-01-01&familie=bronnen&formaat=csv")
                        .with(analist.api()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (JsonNode reeks : shorter.path("reeksen")) {
            for (JsonNode punt : reeks.path("punten")) {
                assertThat(csv).contains(reeks.path("niveau").asString() + ";" + "Gemeente Hoogeveen".substring(0, 0));
                assertThat(csv)
                        .contains(";" + reeks.path("familie").asString() + ";"
                                + reeks.path("meting").asString() + ";"
                                + punt.path("periode").asString() + ";");
                assertThat(csv)
                        .contains(";" + punt.path("aantal").path("weergave").asString() + ";");
            }
        }
    }

    @Test
    void theYearlyReportReadsBackWithItsFiguresRulesAndLimits() throws Exception {
        repeatAddress("2025-02-01", "2025-03-01", "2025-05-01");
        byte[] pdf = mvc.perform(get("/monitor/veiligheidsanalyse?jaar=2025").with(analist.ui()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = text(pdf);
        assertThat(text)
                .contains(
                        "Veiligheidsanalyse huiselijk geweld 2025",
                        "Gemeente Hoogeveen",
                        "Registraties per bron",
                        "Signalen gemeente",
                        "Trend",
                        "De keten per kwartaal",
                        "Termijnen van Veilig Thuis",
                        "Recidive",
                        "Interventies",
                        "DisclosureControl v1",
                        "Recidiveregels r1",
                        "Wat deze cijfers niet zeggen");
        assertThat(text).doesNotContain("Teststraat", "9999ZZ");
        mvc.perform(get("/monitor/veiligheidsanalyse?jaar=2026").with(analist.ui()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/monitor/veiligheidsanalyse").with(vt.ui())).andExpect(status().isForbidden());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private JsonNode point(JsonNode monitor, JsonNode reeks, String period) {
        for (JsonNode other : monitor.path("reeksen")) {
            if (other.path("meting").equals(reeks.path("meting"))
                    && other.path("niveau").equals(reeks.path("niveau"))) {
                for (JsonNode punt : other.path("punten")) {
                    if (punt.path("periode").asString().equals(period)) {
                        return punt.path("aantal");
                    }
                }
            }
        }
        throw new AssertionError("no " + period + " of " + reeks.path("meting") + " in the other answer");
    }

    private List<String> listed(Requests who, String query) throws Exception {
        JsonNode list = body(get("/api/v1/herhaaladressen" + query).with(who.api()), 200);
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("adresId").asString()));
        return ids;
    }

    private JsonNode body(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int expected)
            throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private void assertNoPersonalFields(JsonNode node, String path) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                assertThat(name).as(path + " returns a personal field").doesNotMatch(FORBIDDEN);
                assertNoPersonalFields(node.get(name), path + "." + name);
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                assertNoPersonalFields(it.next(), path);
            }
        }
    }
}
