package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many SQL statements each hot request sends to PostgreSQL, counted under the real pool
 * ({@link StatementCounter}): a history read, an address read, the three registrations, the worklist page and an area
 * scan. Each has a budget it may not grow past, and the requests about an address send the same number of statements
 * whether the address has one record of each kind or four: no statement per record (no N+1). The figures are in
 * docs/performance.md.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCounter.Configuration.class)
class StatementCountTest {

    /** The most statements each request may send; lower them when a change saves one, never raise them lightly. */
    static final Map<String, Integer> BUDGET = Map.ofEntries(
            // The casusoverleg adds one read of the cases at the address to the history and to each registration
            // (the marker and the proposal), and one to signal matching (its SignalHolders): docs/performance.md.
            // +2 since issue 13 on both reads of an address: the read guard's bucket (Bucket4j: SELECT ... FOR UPDATE
            // and UPDATE of the professional's row, in a transaction of its own; docs/performance.md).
            Map.entry("history read", 16),
            // 11 since issue 15: the address card says whether the address is a repeat address (monitor_address).
            Map.entry("address read", 13),
            // Issue 18 (from 56, 61, 53): the records at the address are read once per transaction and shared by the
            // colour recompute and the recidive reconcile (records.AddressReads), the address is locked once
            // (KnownAddresses.lockForDerivation) and its row read once, the colour before is read in the upsert.
            // An incident registration now sends, in order (docs/performance.md):
            //  1     the address check (before the registration's transaction);
            //  2-4   the incident, its violence types, its betrokkenen (the violence types are checked against the code
            //        list each instance reads once, codelists.ViolenceTypes: two statements fewer since issue 18);
            //  5     the event publication (signal matching after the commit);
            //  6     the address's area, 7-10 the area scan's four tallies;
            //  11    the cases at the address (the casusoverleg's marker and proposal check);
            //  12    the address lock;
            //  13-17 the records at the address, once for colour and monitor: incidents, their betrokkenen, municipal
            //        records, VT betrokkenen, VT meldingen with their violence types;
            //  18-19 the colour's raises and approved lowerings, 20 the colour rules, 21 the colour upsert (with the
            //        colour before; +1 for the history when the colour changes);
            //  22    the recidive rules, 23 the accepted cases, 24 the zorgmeldingen sent, 25 the VT overdrachten, 26
            //        what the address counted before, 27 the month locks, 28 the closed months (after the locks: a
            //        statement of its own), 29 the month counts (one statement however many cells), 30 the repeat
            // count;
            //  31    the children's birth dates (retention), 32 the retention schedule;
            //  33-34 the access log's retention and owner lookups, 35 the access-log entry.
            // A melding intake (one violence type) adds the address's row for its region, the region, its number,
            // the open-melding check and the colour mark (two); a municipal registration (one violence type) has no
            // betrokkenen and no children's birth dates. Each is the same with one or four records of each kind.
            Map.entry("incident registration", 35),
            Map.entry("melding intake", 41),
            Map.entry("municipal registration", 33),
            // 7 since issue 15: the repeat marker on the page's cases.
            Map.entry("worklist page", 7),
            // Issue 18: a page of the API's worklist after a cursor (no session, no menu: fewer than the page).
            Map.entry("worklist API next page", 5),
            // 6 since issue 18: the violence type code list is read once per instance, not per scan.
            Map.entry("area scan", 6),
            // Issue 18: a whole year reads the rows kept per buurt and year, the country its national stripes; the
            // same statements as a scan of months.
            Map.entry("area scan, whole year", 6),
            Map.entry("national scan", 6));

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, null);
    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests LOKAAL_TEAM =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    private static final Requests ANALIST = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");

    @Autowired
    MockMvc mvc;

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
    void everyHotRequestStaysWithinItsBudgetAndSendsNoStatementPerRecord() throws Exception {
        String small = address();
        String large = address();
        records(small, 1);
        records(large, 4);
        // Warm up: the first request of a context loads code lists and caches that later requests reuse.
        counts(small);

        Map<String, Integer> onSmall = counts(small);
        Map<String, Integer> onLarge = counts(large);

        StringBuilder table = new StringBuilder("request | 1 record of each kind | 4 records of each kind | budget\n");
        onSmall.forEach((request, count) -> table.append(request)
                .append(" | ")
                .append(count)
                .append(" | ")
                .append(onLarge.get(request))
                .append(" | ")
                .append(BUDGET.get(request))
                .append('\n'));
        System.out.println("Statements per request:\n" + table);
        assertThat(onLarge)
                .as("statements with four records of each kind at the address")
                .isEqualTo(onSmall);
        onSmall.forEach((request, count) -> assertThat(count).as(request).isLessThanOrEqualTo(BUDGET.get(request)));
    }

    /** One request of each kind about {@code address}, each with the number of statements it sent. */
    private Map<String, Integer> counts(String address) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(
                "history read",
                count(get("/api/v1/adressen/" + address + "/historie").with(VT.api()), 200));
        counts.put("address read", count(get("/api/v1/adressen/" + address).with(POLICE.api()), 200));
        counts.put("incident registration", count(json(post("/api/v1/incidenten"), POLICE, incident(address)), 201));
        counts.put("melding intake", count(json(post("/api/v1/meldingen"), VT, melding(address)), 201));
        counts.put(
                "municipal registration",
                count(json(post("/api/v1/gemeenteregistraties"), LOKAAL_TEAM, signaal(address)), 201));
        counts.put("worklist page", count(get("/werkvoorraad").with(VT.ui()), 200));
        String cursor = json.readTree(
                        mvc.perform(get("/api/v1/werkvoorraad?aantal=1").with(VT.api()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                .get("volgende")
                .asString();
        counts.put(
                "worklist API next page",
                count(
                        get("/api/v1/werkvoorraad")
                                .param("aantal", "1")
                                .param("na", cursor)
                                .with(VT.api()),
                        200));
        counts.put(
                "area scan",
                count(
                        get("/api/v1/gebiedsscans")
                                .param("periode", "aangepast")
                                .param("van", "2025-04-01")
                                .param("tot", "2026-04-01")
                                .with(ANALIST.api()),
                        200));
        counts.put(
                "area scan, whole year",
                count(
                        get("/api/v1/gebiedsscans")
                                .param("periode", "jaar")
                                .param("tot", "2026-01-01")
                                .with(ANALIST.api()),
                        200));
        counts.put(
                "national scan",
                count(
                        get("/api/v1/gebiedsscans")
                                .param("niveau", "land")
                                .param("periode", "jaar")
                                .param("tot", "2026-01-01")
                                .with(ANALIST.api()),
                        200));
        return counts;
    }

    private int count(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        List<String> statements =
                StatementCounter.during(() -> mvc.perform(request).andExpect(status().is(expectedStatus)));
        if (Boolean.getBoolean("statements.show")) {
            System.out.println("--- "
                    + request.buildRequest(new org.springframework.mock.web.MockServletContext())
                            .getRequestURI());
            statements.forEach(sql -> System.out.println("    " + sql.replaceAll("\\s+", " ")));
        }
        return statements.size();
    }

    private String address() {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118", "WK011801", "BU01180101")
                .toString();
    }

    /** {@code n} incidents, meldingen and signalen at the address. */
    private void records(String address, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            mvc.perform(json(post("/api/v1/incidenten"), POLICE, incident(address)))
                    .andExpect(status().isCreated());
            mvc.perform(json(post("/api/v1/meldingen"), VT, melding(address))).andExpect(status().isCreated());
            mvc.perform(json(post("/api/v1/gemeenteregistraties"), LOKAAL_TEAM, signaal(address)))
                    .andExpect(MockMvcResultMatchers.status().isCreated());
        }
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Requests who, Object body) {
        return request.with(who.api()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    static Map<String, Object> incident(String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "registratienummer",
                "PL0100-2026/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("tijdstip", "2026-03-14T22:15:00+01:00");
        body.put("adresId", address);
        body.put("geweldsvormen", List.of("partnergeweld", "kindermishandeling-getuige"));
        body.put("ernst", "S2");
        body.put("kinderenAanwezig", true);
        body.put("letsel", false);
        body.put("wapen", false);
        body.put("alcoholDrugs", false);
        body.put("aangifte", false);
        body.put("huisverbodOpgelegd", false);
        body.put("huisverbodOvertreden", false);
        body.put("toelichting", "Ruzie in de woonkamer; buren belden.");
        body.put(
                "betrokkenen",
                List.of(
                        Map.of("rol", "slachtoffer", "relatie", "partner", "naam", "Anna de Vries"),
                        Map.of("rol", "pleger", "relatie", "partner", "naam", "Bert de Vries"),
                        Map.of("rol", "kind", "naam", "Cas de Vries", "geboortedatum", "2018-04-02")));
        return body;
    }

    static Map<String, Object> melding(String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adresId", address);
        body.put("melder", Map.of("sector", "onderwijs", "naam", "Juf Jansen", "contact", "06-12345678"));
        body.put("reden", "Kind vertelt dat vader moeder slaat.");
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put(
                "betrokkenen",
                List.of(
                        Map.of("rol", "kind", "naam", "Sam de Boer", "geboortedatum", "2016-03-01"),
                        Map.of("rol", "slachtoffer", "relatie", "partner", "naam", "Eva de Boer")));
        return body;
    }

    static Map<String, Object> signaal(String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "LT-2026/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("soort", "signaal");
        body.put("adresId", address);
        body.put("datum", "2026-03-02");
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", "S2");
        body.put("kinderenAanwezig", true);
        return body;
    }
}
