package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.adreszicht.Requests;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data of the local run (Liquibase context "demo", not loaded in tests) works with the area scan: its
 * addresses, synthetic boundaries and synthetic tally, applied in a transaction that is rolled back, give Hoogeveen a
 * scan with published numbers and a map with one polygon per demo buurt. Prints the page timings for the record. Its
 * own context (and so its own empty database): other tests' addresses would collide with the demo designations.
 */
@SpringBootTest(properties = "adreszicht.test.own-database=demo-area-scan")
@AutoConfigureMockMvc
class DemoAreaScanTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AreaAggregates aggregates;

    private final Requests analist = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theDemoGemeentenHaveAScanAndAMap() {
        transaction.executeWithoutResult(status -> {
            try {
                demo("db/changelog/addresses/002-demo-addresses.yaml");
                demo("db/changelog/areascan/003-area-boundary.yaml");
                // The other demo changeSets, in the master changelog's order, as the local run applies them (the
                // names of the demo wijken failed on every local run while no test ran them).
                demo("db/changelog/areascan/007-demo-area-names.yaml");
                demo("db/changelog/monitor/001-monitor.yaml");
                assertThat(jdbc.queryForList(
                                "SELECT label FROM area_boundary WHERE level = 'wijk' AND synthetic", String.class))
                        .isNotEmpty()
                        .allMatch(label -> label.matches("Demo-wijk [0-9]+"));
                assertThat(jdbc.queryForList(
                                "SELECT label FROM area_boundary WHERE level = 'gemeente' AND synthetic", String.class))
                        .contains("Hoogeveen", "Zwolle");
                aggregates.rebuildAfterBulkLoad();
                // A first round warms the JIT and the template cache; the second is what a user waits for.
                mvc.perform(get("/api/v1/gebiedsscans?tot=2026-07-01").with(analist.api()));
                mvc.perform(get("/gebiedsscan?tot=2026-07-01").with(analist.ui()));
                long start = System.nanoTime();
                String body = mvc.perform(
                                get("/api/v1/gebiedsscans?tot=2026-10-01").with(analist.api()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                long api = System.nanoTime() - start;
                start = System.nanoTime();
                mvc.perform(get("/gebiedsscan?tot=2026-10-01").with(analist.ui()))
                        .andExpect(status().isOk());
                long page = System.nanoTime() - start;
                start = System.nanoTime();
                String map = mvc.perform(
                                get("/gebiedsscan/kaart?tot=2026-10-01").with(analist.ui()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                long kaart = System.nanoTime() - start;
                System.out.printf(
                        "Demo area scan GM0118: API %d ms (%d bytes), page %d ms, map %d ms (%d bytes)%n",
                        api / 1_000_000, body.length(), page / 1_000_000, kaart / 1_000_000, map.length());

                JsonNode scan = json.readTree(body);
                // The demo register of Hoogeveen (002-demo-addresses.yaml): 8 wijken of 4 buurten, 8 streets per buurt,
                // numbers 1-80 plus 1A and 2A on every street: 8 x 4 x 8 x 82 = 20,992 addresses, published rounded
                // to a multiple of 5 as 20,990.
                long addresses =
                        jdbc.queryForObject("SELECT count(*) FROM address WHERE gemeente_code = 'GM0118'", Long.class);
                assertThat(addresses).isEqualTo(8 * 4 * 8 * 82);
                assertThat(scan.get("gebieden")).hasSize(1 + 8 + 32);
                JsonNode gemeente = scan.get("gebieden").get(0);
                assertThat(gemeente.at("/omvang/waarde").asLong())
                        .isEqualTo(DisclosureControl.round(addresses))
                        .isEqualTo(20_990);
                // The quarter July-September 2026 of the demo tally, rounded: every source together, and the
                // police incidents of each wijk that is published.
                assertThat(gemeente.at("/registraties/huidig/waarde").asLong())
                        .isEqualTo(DisclosureControl.round(tally("GM0118", null, null)))
                        .isPositive();
                long publishedWijken = 0;
                for (JsonNode area : scan.get("gebieden")) {
                    if (area.get("niveau").asString().equals("wijk")
                            && !area.at("/incidenten/huidig/afgeschermd").asBoolean()) {
                        publishedWijken++;
                        assertThat(area.at("/incidenten/huidig/waarde").asLong())
                                .as(area.get("code").asString())
                                .isEqualTo(DisclosureControl.round(
                                        tally("GM0118", area.get("code").asString(), "POLITIE_INCIDENT")));
                    }
                }
                assertThat(publishedWijken).isPositive();
                assertThat(json.readTree(map).get("features")).hasSize(32);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    /** The true count of the demo tally in July-September 2026, for a gemeente, optionally a wijk and a source. */
    private long tally(String gemeente, @Nullable String wijk, @Nullable String source) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(records), 0) FROM record_tally WHERE gemeente_code = ?"
                        + " AND month >= DATE '2026-07-01' AND month < DATE '2026-10-01'"
                        + " AND (?::text IS NULL OR wijk_code = ?) AND (?::text IS NULL OR source = ?)",
                Long.class,
                gemeente,
                wijk,
                wijk,
                source,
                source);
    }

    /** Runs every changeSet of a changelog file as Liquibase would in the demo context. */
    @SuppressWarnings("unchecked")
    private void demo(String changelog) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(changelog)) {
            Map<String, Object> root = new Yaml().load(in);
            List<String> statements = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("databaseChangeLog")) {
                Map<String, Object> changeSet = (Map<String, Object>) entry.get("changeSet");
                if (!"demo".equals(changeSet.get("context"))) {
                    continue;
                }
                for (Map<String, Object> change : (List<Map<String, Object>>) changeSet.get("changes")) {
                    statements.add((String) ((Map<String, Object>) change.get("sql")).get("sql"));
                }
            }
            assertThat(statements).isNotEmpty();
            statements.forEach(jdbc::execute);
        }
    }
}
