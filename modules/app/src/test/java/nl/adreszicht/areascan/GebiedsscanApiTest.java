package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area scan over the API and the page, on PostgreSQL with a gemeente of its own (GM0200): the analist of that
 * gemeente gets protected numbers only, every other gemeente is refused, the CSV (API and page) carries exactly the
 * API's numbers, and the page marks suppressed cells.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GebiedsscanApiTest {

    /** Field names that would carry an address, a person or free text (as AccessMatrixTest). */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i).*(adres|straat|postcode|huisnummer|huisletter|toevoeging|naam|name|bsn|geboorte|persoon|betrokkene"
                    + "|toelichting|omschrijvingvrij|vrijetekst|tekst|notitie|melder).*");

    private static final String Q2 = "/api/v1/gebiedsscans?tot=2026-07-01";

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AreaAggregates aggregates;

    private final Requests analist = new Requests(Role.GEMEENTE_ANALIST, "gemeente-apeldoorn", null, "GM0200");
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void gemeente() {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        if (owner.queryForObject("select count(*) from address where gemeente_code = 'GM0200'", Long.class) > 0) {
            return;
        }
        addresses(owner, "7331AA", "WK020001", "BU02000101", 100);
        addresses(owner, "7331AB", "WK020001", "BU02000102", 80);
        addresses(owner, "7331AC", "WK020001", "BU02000103", 20);
        addresses(owner, "7331AD", "WK020001", "BU02000104", 25);
        addresses(owner, "7332AA", "WK020002", "BU02000201", 200);
        // This quarter (April-June 2026) and the previous one.
        tally(owner, "BU02000101", "2026-04-01", "POLITIE_INCIDENT", true, 12);
        tally(owner, "BU02000101", "2026-05-01", "POLITIE_INCIDENT", false, 11);
        tally(owner, "BU02000101", "2026-06-01", "GEMEENTE_SIGNAAL", false, 4);
        tally(owner, "BU02000103", "2026-05-01", "POLITIE_INCIDENT", false, 3);
        tally(owner, "BU02000201", "2026-04-01", "POLITIE_INCIDENT", false, 40);
        tally(owner, "BU02000101", "2026-02-01", "POLITIE_INCIDENT", false, 15);
        tally(owner, "BU02000201", "2026-03-01", "POLITIE_INCIDENT", true, 31);
        // Outside both periods: never counted.
        tally(owner, "BU02000201", "2026-07-01", "POLITIE_INCIDENT", true, 500);
        for (String buurt : List.of("BU02000101", "BU02000102", "BU02000103", "BU02000104", "BU02000201")) {
            boundary(owner, buurt, 5.9 + Integer.parseInt(buurt.substring(6)) / 1000.0);
        }
        owner.update("INSERT INTO record_tally_violence_type (gemeente_code, wijk_code, buurt_code, area_year, month,"
                + " source, violence_type, records) VALUES ('GM0200', 'WK020002', 'BU02000201', 2026, '2026-04-01',"
                + " 'POLITIE_INCIDENT', 'partnergeweld', 33), ('GM0200', 'WK020001', 'BU02000101', 2026, '2026-04-01',"
                + " 'POLITIE_INCIDENT', 'partnergeweld', 7)");
        owner.update("INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                + " counted_record_ids, computed_at) SELECT id, 'RED', 'v1', 'test', '{}', '{}', now() FROM address"
                + " WHERE buurt_code = 'BU02000201' ORDER BY id LIMIT 12");
        owner.update("INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                + " counted_record_ids, computed_at) SELECT id, 'RED', 'v1', 'test', '{}', '{}', now() FROM address"
                + " WHERE buurt_code = 'BU02000101' ORDER BY id LIMIT 11");
        owner.update("INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                + " counted_record_ids, computed_at) SELECT id, 'ORANGE', 'v1', 'test', '{}', '{}', now() FROM address"
                + " WHERE buurt_code = 'BU02000101' ORDER BY id DESC LIMIT 2");
        // Loaded in SQL, past the modules that keep the per-buurt counts: bring them in line, as a bulk load does.
        aggregates.rebuildAfterBulkLoad();
    }

    private static void boundary(JdbcTemplate owner, String buurt, double x) {
        owner.update(
                "INSERT INTO area_boundary (code, area_year, level, gemeente_code, label, geometry, synthetic)"
                        + " VALUES (?, 2026, 'buurt', 'GM0200', 'Test', jsonb_build_object('type', 'Polygon',"
                        + " 'coordinates', jsonb_build_array(jsonb_build_array(jsonb_build_array(?::numeric, 52.2),"
                        + " jsonb_build_array(?::numeric + 0.01, 52.2), jsonb_build_array(?::numeric + 0.01, 52.21),"
                        + " jsonb_build_array(?::numeric, 52.2)))), true)",
                buurt,
                x,
                x,
                x,
                x);
    }

    private static void addresses(JdbcTemplate owner, String postcode, String wijk, String buurt, int count) {
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, wijk_code,"
                        + " buurt_code, area_year, synthetic) SELECT md5('scan:' || ? || n)::uuid, ?, n, 'Scanstraat',"
                        + " 'Apeldoorn', 'GM0200', ?, ?, 2026, true FROM generate_series(1, ?) n",
                postcode,
                postcode,
                wijk,
                buurt,
                count);
    }

    private static void tally(
            JdbcTemplate owner, String buurt, String month, String source, boolean children, int records) {
        owner.update(
                "INSERT INTO record_tally (gemeente_code, wijk_code, buurt_code, area_year, month, source, severity,"
                        + " children_present, records) VALUES ('GM0200', ?, ?, 2026, ?::date, ?, 'S1', ?, ?)",
                "WK" + buurt.substring(2, 8),
                buurt,
                month,
                source,
                children,
                records);
    }

    @Test
    void theAnalistSeesTheProtectedScanOfTheOwnGemeente() throws Exception {
        String body = mvc.perform(get(Q2).with(analist.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gemeente").value("GM0200"))
                .andExpect(jsonPath("$.periode.van").value("2026-04-01"))
                .andExpect(jsonPath("$.periode.tot").value("2026-07-01"))
                .andExpect(jsonPath("$.vorigePeriode.van").value("2026-01-01"))
                .andExpect(jsonPath("$.regels.regelset").value("DisclosureControl"))
                .andExpect(jsonPath("$.regels.versie").value("v1"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode scan = json.readTree(body);
        Map<String, JsonNode> areas = areas(scan);

        // 12 + 11 + 4 + 3 + 40 = 70 records this quarter, 46 before: 45 after rounding.
        assertThat(areas.get("GM0200").at("/registraties/huidig/waarde").asLong())
                .isEqualTo(70);
        assertThat(areas.get("GM0200").at("/registraties/vorig/waarde").asLong())
                .isEqualTo(45);
        assertThat(areas.get("GM0200").at("/registraties/verschil/waarde").asLong())
                .isEqualTo(25);
        // The small buurten 103 (20) and 104 (25) are together 45 addresses, still too few: they join 102.
        assertThat(areas).containsKeys("BU02000101", "BU02000102+", "BU02000201", "WK020001", "WK020002");
        assertThat(areas).doesNotContainKeys("BU02000103", "BU02000104");
        assertThat(areas.get("BU02000102+").at("/buurten").toString())
                .isEqualTo("[\"BU02000102\",\"BU02000103\",\"BU02000104\"]");
        // 3 incidents there: below 10, never a number; so its sibling is suppressed too, the wijk stays.
        assertThat(areas.get("BU02000102+").at("/incidenten/huidig/weergave").asString())
                .isEqualTo("<10");
        assertThat(areas.get("BU02000102+").at("/incidenten/huidig/waarde").isNull())
                .isTrue();
        assertThat(areas.get("BU02000101").at("/incidenten/huidig/afgeschermd").asBoolean())
                .isTrue();
        assertThat(areas.get("WK020001").at("/incidenten/huidig/waarde").asLong())
                .isEqualTo(25);
        // Colours now: 12 red addresses in 201 (10 after rounding), 11 in 101 (whose sibling has none: both
        // suppressed, the wijk shown), 2 orange in 101 (suppressed).
        assertThat(areas.get("BU02000201").at("/kleuren/rood/waarde").asLong()).isEqualTo(10);
        assertThat(areas.get("BU02000101").at("/kleuren/rood/weergave").asString())
                .isEqualTo("x");
        assertThat(areas.get("WK020001").at("/kleuren/rood/waarde").asLong()).isEqualTo(10);
        assertThat(areas.get("GM0200").at("/kleuren/rood/waarde").asLong()).isEqualTo(25);
        assertThat(areas.get("BU02000101").at("/kleuren/oranje/weergave").asString())
                .isEqualTo("<10");
        assertThat(areas.get("GM0200").at("/omvang/waarde").asLong()).isEqualTo(425);
        assertThat(body).doesNotContain("Scanstraat", "7331", "Apeldoorn");
        assertProtected(scan);
    }

    @Test
    void anotherGemeenteIsRefusedWithAProblem() throws Exception {
        mvc.perform(get(Q2 + "&gemeente=GM0118").with(analist.api()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get(Q2 + "&gemeente=GM0200").with(analist.api())).andExpect(status().isOk());
        mvc.perform(get(Q2).with(new Requests(Role.GEMEENTE_ANALIST, "gemeente-x", null, null).api()))
                .andExpect(status().isForbidden());
    }

    @Test
    void otherRolesAreRefusedEvenInTheirOwnGemeente() throws Exception {
        for (Role role : List.of(Role.GEMEENTE_MEDEWERKER, Role.VT_MEDEWERKER, Role.POLITIE_MEDEWERKER)) {
            mvc.perform(get(Q2).with(new Requests(role, "gemeente-apeldoorn", "VT05", "GM0200").api()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void badPeriodsAndLevelsAreProblems() throws Exception {
        mvc.perform(get("/api/v1/gebiedsscans?tot=2026-05-01").with(analist.api()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(Q2 + "&niveau=adres").with(analist.api())).andExpect(status().isBadRequest());
        mvc.perform(get(Q2 + "&periode=week").with(analist.api())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/gebiedsscans?periode=aangepast&van=2026-01-01&tot=2026-07-01")
                        .with(analist.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vorigePeriode.van").value("2025-07-01"));
    }

    @Test
    void theWijkLevelShowsTheSameNumbersWithoutBuurten() throws Exception {
        JsonNode buurten = json.readTree(mvc.perform(get(Q2).with(analist.api()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        JsonNode wijken = json.readTree(mvc.perform(get(Q2 + "&niveau=wijk").with(analist.api()))
                .andReturn()
                .getResponse()
                .getContentAsString());

        assertThat(areas(wijken).keySet()).containsExactlyInAnyOrder("GM0200", "WK020001", "WK020002");
        areas(wijken)
                .forEach((code, area) ->
                        assertThat(area).isEqualTo(areas(buurten).get(code)));
    }

    @Test
    void theCsvExportCarriesExactlyTheApisNumbers() throws Exception {
        JsonNode scan = json.readTree(mvc.perform(get(Q2).with(analist.api()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        String csv = mvc.perform(get(Q2 + "&formaat=csv").with(analist.api()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String page = mvc.perform(get("/gebiedsscan/export?tot=2026-07-01").with(analist.ui()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).isEqualTo(csv);
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        List<String> header = Arrays.asList(lines.get(0).split(";", -1));
        Map<String, JsonNode> areas = areas(scan);
        assertThat(lines).hasSize(areas.size() + 1);
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = Arrays.asList(line.split(";", -1));
            JsonNode area = areas.get(row.get(0));
            assertThat(area).as(row.get(0)).isNotNull();
            Map<String, String> expected = new HashMap<>();
            expected.put("omvang", area.at("/omvang/weergave").asString());
            for (String measure : List.of("registraties", "incidenten", "meldingen", "gemeenteregistraties")) {
                expected.put(
                        measure, area.at("/" + measure + "/huidig/weergave").asString());
                expected.put(
                        measure + "_vorig",
                        area.at("/" + measure + "/vorig/weergave").asString());
                expected.put(
                        measure + "_verschil",
                        area.at("/" + measure + "/verschil/weergave").asString());
            }
            expected.put("met_kinderen", area.at("/metKinderen/huidig/weergave").asString());
            expected.put("kleur_rood", area.at("/kleuren/rood/weergave").asString());
            expected.put("kleur_oranje", area.at("/kleuren/oranje/weergave").asString());
            expected.put(
                    "geweldsvorm_partnergeweld",
                    area.at("/geweldsvormen/0/meting/huidig/weergave").asString());
            expected.forEach((column, value) -> assertThat(row.get(header.indexOf(column)))
                    .as(row.get(0) + " " + column)
                    .isEqualTo(value));
        }
        assertThat(csv).doesNotContain("Scanstraat", "7331");
    }

    @Test
    void thePageShowsTheTableWithSuppressedCellsMarked() throws Exception {
        String page = mvc.perform(
                        get("/gebiedsscan?tot=2026-07-01&maat=meldingen").with(analist.ui()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("\\s+", " ");

        assertThat(page)
                .contains("Gebiedsscan GM0200")
                .contains("<td class=\"suppressed\" title=\"Afgeschermd\">&lt;10</td>")
                .contains("BU02000102+")
                .contains("samengevoegd: BU02000102, BU02000103, BU02000104")
                .contains("<svg class=\"trend-chart\"")
                .contains("bar-current bar-suppressed")
                .contains("/gebiedsscan/export?periode=kwartaal&amp;tot=2026-07-01")
                .doesNotContain("Scanstraat", "7331");
        mvc.perform(get("/gebiedsscan").with(new Requests(Role.GEMEENTE_MEDEWERKER, "g", null, "GM0200").ui()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theMapHasBuurtPolygonsWithTheTablesProtectedNumbersOnly() throws Exception {
        String body = mvc.perform(
                        get("/gebiedsscan/kaart?tot=2026-07-01&maat=incidenten").with(analist.ui()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode map = json.readTree(body);
        Map<String, JsonNode> areas = areas(json.readTree(mvc.perform(get(Q2).with(analist.api()))
                .andReturn()
                .getResponse()
                .getContentAsString()));

        assertThat(map.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(map.get("features")).hasSize(5);
        for (JsonNode feature : map.get("features")) {
            assertThat(feature.at("/geometry/type").asString()).isEqualTo("Polygon");
            JsonNode properties = feature.get("properties");
            JsonNode unit = areas.get(properties.get("gebied").asString());
            assertThat(properties.get("weergave").asString())
                    .isEqualTo(unit.at("/incidenten/huidig/weergave").asString());
            assertThat(properties.get("klasse").asString())
                    .isEqualTo(unit.at("/incidenten/huidig/afgeschermd").asBoolean() ? "afgeschermd" : "4");
        }
        assertThat(body).contains("\"buurt\":\"BU02000104\",\"gebied\":\"BU02000102+\"");
        assertThat(map.get("legenda")).hasSize(5);
        // What the map shows is protected as the table is: a published number is a multiple of 5, a suppressed
        // one is a marker with the hatched class, and the legend's class bounds are multiples of 5.
        for (JsonNode feature : map.get("features")) {
            JsonNode properties = feature.get("properties");
            String shown = properties.get("weergave").asString();
            if (properties.get("afgeschermd").asBoolean()) {
                assertThat(shown).isIn("<10", "x");
                assertThat(properties.get("klasse").asString()).isEqualTo("afgeschermd");
            } else {
                assertThat(Long.parseLong(shown) % 5).as(shown).isZero();
            }
        }
        for (JsonNode legendClass : map.get("legenda")) {
            assertThat(legendClass.get("van").asLong() % 5).isZero();
            if (legendClass.has("tot")) {
                assertThat(legendClass.get("tot").asLong() % 5).isZero();
            }
        }
        walk(map.get("features"), new ArrayList<>());
        assertThat(body).doesNotContain("Scanstraat", "7331");
    }

    private static Map<String, JsonNode> areas(JsonNode scan) {
        Map<String, JsonNode> areas = new HashMap<>();
        for (JsonNode area : scan.get("gebieden")) {
            areas.put(area.get("code").asString(), area);
        }
        return areas;
    }

    /** Every count a multiple of 5 or suppressed, and no field that could carry an address, person or text. */
    private static void assertProtected(JsonNode node) {
        List<JsonNode> counts = new ArrayList<>();
        walk(node, counts);
        assertThat(counts).isNotEmpty();
        for (JsonNode count : counts) {
            if (count.get("afgeschermd").asBoolean()) {
                assertThat(count.get("waarde").isNull()).isTrue();
                assertThat(count.get("weergave").asString()).isIn("<10", "x");
            } else {
                assertThat(count.get("waarde").asLong() % 5)
                        .as(count.toString())
                        .isZero();
            }
        }
    }

    private static void walk(JsonNode node, List<JsonNode> counts) {
        if (node.isObject()) {
            if (node.has("afgeschermd")) {
                counts.add(node);
            }
            for (String name : node.propertyNames()) {
                assertThat(name).doesNotMatch(FORBIDDEN);
                walk(node.get(name), counts);
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                walk(it.next(), counts);
            }
        }
    }
}
