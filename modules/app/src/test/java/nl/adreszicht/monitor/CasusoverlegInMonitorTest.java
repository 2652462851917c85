package nl.adreszicht.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casusoverleg in the monitor, on PostgreSQL through the real APIs (police registration, referral, triage, plan):
 * an accepted case is a record at its address from the day it was accepted, so that a case after a police incident
 * within 12 months is a repeat (a waiting referral is none); its plan van aanpak is an intervention in the cohort of
 * the quarter it was first set, followed up with the records before and after it, and a later change of the plan does
 * not move it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CasusoverlegInMonitorTest {

    private static final Requests POLICE =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");
    private static final Requests PROCESREGISSEUR = new Requests(Role.ZVH_PROCESREGISSEUR, "zvh-drenthe", "VT03", null);
    private static final Requests ANALIST = new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118");

    private static final String PLAN = Fact.INTERVENTION + Intervention.Kind.CASUSOVERLEG_PLAN.code();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    RecidiveReconcile reconcile;

    private final JsonMapper json = JsonMapper.builder().build();

    private UUID address;

    @BeforeEach
    void anAddressInHoogeveen() {
        clock.startAt(TestClock.NOW.toInstant());
        address = new TestAddresses(postgres.getPostgresDatabase()).create("GM0118");
    }

    @Test
    void aCaseAfterAPoliceIncidentWithinTwelveMonthsIsARepeatFromTheDayItWasAccepted() throws Exception {
        incident("2026-03-01T21:30:00+01:00");
        assertThat(repeats()).isZero();

        String id = refer();
        // A waiting referral is no case yet: it may still be declined.
        assertThat(repeats()).isZero();
        assertThat(facts()).doesNotContainKey(YearMonth.from(TestClock.TODAY));

        accept(id);
        assertThat(jdbc.queryForMap(
                        "SELECT repeats, rules_version, last_event_on FROM monitor_address WHERE address_id = ?",
                        address))
                .containsEntry("repeats", 1)
                .containsEntry("rules_version", "r2")
                .containsEntry("last_event_on", java.sql.Date.valueOf(TestClock.TODAY));
        Map<YearMonth, List<String>> facts = facts();
        assertThat(facts.get(YearMonth.of(2026, 6)))
                .containsExactlyInAnyOrder("bron.CASUSOVERLEG", Fact.RECIDIVE_REPEAT);
        // The incident is the index event, and the case followed it within 6 months.
        assertThat(facts.get(YearMonth.of(2026, 3)))
                .contains(Fact.RECIDIVE_INDEX, Fact.RECIDIVE_REPEATED_SHORT, Fact.RECIDIVE_REPEATED_LONG);
        // The marker on the address card counts it.
        JsonNode card = body(get("/api/v1/adressen/" + address), POLICE, null, 200);
        assertThat(card.path("markeringen").path(0).path("soort").asString()).isEqualTo("herhalingen");
        assertThat(card.path("markeringen").path(0).path("waarde").asInt()).isEqualTo(1);
    }

    @Test
    void aCaseLongAfterTheLastRecordIsAnIndexEventAndADeclinedReferralNothing() throws Exception {
        incident("2025-05-01T21:30:00+02:00");
        String declined = refer();
        body(
                post("/api/v1/aanmeldingen/" + declined + "/triage")
                        .header("If-Match", etag("/api/v1/aanmeldingen/" + declined)),
                PROCESREGISSEUR,
                """
                {"besluit": "afwijzen", "reden": "Gezin heeft al hulp van het wijkteam."}
                """,
                200);
        assertThat(facts().values().stream().flatMap(List::stream)).doesNotContain("bron.CASUSOVERLEG");

        clock.advance(java.time.Duration.ofDays(1));
        accept(refer());
        assertThat(repeats()).isZero();
        assertThat(facts().get(YearMonth.of(2026, 6)))
                .containsExactlyInAnyOrder("bron.CASUSOVERLEG", Fact.RECIDIVE_INDEX);
    }

    @Test
    void aPlanIsAnInterventionInTheCohortOfTheQuarterItWasFirstSet() throws Exception {
        clock.startAt(LocalDate.of(2026, 2, 10), LocalTime.of(10, 0));
        incident("2025-12-01T21:30:00+01:00");
        String id = refer();
        accept(id);
        assertThat(facts().get(YearMonth.of(2026, 2))).doesNotContain(PLAN);
        long cohortBefore = counted(PLAN, "2026-02-01");

        plan(id, "2026-05-01");
        assertThat(jdbc.queryForObject(
                        "SELECT plan_set_at IS NOT NULL FROM casus WHERE id = ?::uuid", Boolean.class, id))
                .isTrue();
        // In February's cohort (2026-K1), with the incident in the 12 months before and nothing after yet.
        assertThat(facts().get(YearMonth.of(2026, 2))).contains(PLAN, PLAN + Fact.BEFORE);
        assertThat(facts().get(YearMonth.of(2026, 2))).doesNotContain(PLAN + Fact.AFTER_SHORT, PLAN + Fact.AFTER_LONG);
        assertThat(counted(PLAN, "2026-02-01")).isEqualTo(cohortBefore + 1);
        assertThat(counted(PLAN + Fact.BEFORE, "2026-02-01")).isPositive();

        // A new incident two months later: the address had a new record within 6 and 12 months after the plan.
        clock.startAt(LocalDate.of(2026, 4, 20), LocalTime.of(10, 0));
        incident("2026-04-15T22:00:00+02:00");
        assertThat(facts().get(YearMonth.of(2026, 2)))
                .contains(PLAN, PLAN + Fact.BEFORE, PLAN + Fact.AFTER_SHORT, PLAN + Fact.AFTER_LONG);

        // Changing the plan in April leaves it in February's cohort.
        String setAt = jdbc.queryForObject("SELECT plan_set_at::text FROM casus WHERE id = ?::uuid", String.class, id);
        plan(id, "2026-07-01");
        assertThat(jdbc.queryForObject("SELECT plan_set_at::text FROM casus WHERE id = ?::uuid", String.class, id))
                .isEqualTo(setAt);
        assertThat(facts().get(YearMonth.of(2026, 4))).doesNotContain(PLAN);
        assertThat(counted(PLAN, "2026-02-01")).isEqualTo(cohortBefore + 1);

        // The analist's monitor shows the plan's cohort 2026-K1 once its year of follow-up has passed, not before.
        assertThat(cohortQuarters("2027-03-31")).doesNotContain("2026-K1");
        assertThat(cohortQuarters("2027-04-01")).contains("2026-K1");
    }

    @Test
    void everySourceHasADutchNameInTheMonitor() {
        for (RecordSource source : RecordSource.values()) {
            assertThat(MonitorLabels.dutch(Fact.SOURCE + source.name())).doesNotStartWith(Fact.SOURCE);
        }
        assertThat(MonitorLabels.dutch(PLAN)).isEqualTo("Plan van aanpak casusoverleg");
    }

    /** The quarters of the plan's cohort series in the analist's monitor of 2026, asked on {@code day}. */
    private List<String> cohortQuarters(String day) throws Exception {
        clock.startAt(LocalDate.parse(day), LocalTime.NOON);
        JsonNode monitor = body(
                get("/api/v1/monitorcijfers?van=2026-01-01&tot=2026-04-01&familie=interventies"), ANALIST, null, 200);
        List<String> periods = new ArrayList<>();
        for (JsonNode reeks : monitor.path("reeksen")) {
            if (reeks.path("meting").asString().equals(PLAN)) {
                reeks.path("punten")
                        .forEach(punt -> periods.add(punt.path("periode").asString()));
            }
        }
        return periods;
    }

    /**
     * Closes what the test left running at its address: every running case of Hoogeveen goes on the agenda of the
     * next meeting planned there, which other tests count.
     */
    @AfterEach
    void closeTheCases() throws Exception {
        clock.startAt(TestClock.NOW.toInstant().plus(java.time.Duration.ofDays(400)));
        for (String id : jdbc.queryForList(
                "SELECT id::text FROM casus WHERE address_id = ? AND status = 'lopend'", String.class, address)) {
            body(
                    post("/api/v1/casussen/" + id + "/afsluiting").header("If-Match", etag("/api/v1/casussen/" + id)),
                    PROCESREGISSEUR,
                    """
                    {"uitkomst": "veiligheid-bereikt"}
                    """,
                    200);
        }
        for (String id : jdbc.queryForList(
                "SELECT id::text FROM casus WHERE address_id = ? AND status = 'aangemeld'", String.class, address)) {
            body(
                    post("/api/v1/aanmeldingen/" + id + "/triage")
                            .header("If-Match", etag("/api/v1/aanmeldingen/" + id)),
                    PROCESREGISSEUR,
                    """
                    {"besluit": "afwijzen", "reden": "Einde van de test."}
                    """,
                    200);
        }
    }

    private void incident(String moment) throws Exception {
        body(
                post("/api/v1/incidenten"),
                POLICE,
                """
                {"registratienummer": "CAS-MON-%s", "tijdstip": "%s",
                 "adresId": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S2",
                 "kinderenAanwezig": false, "letsel": false, "wapen": false, "alcoholDrugs": false,
                 "aangifte": false, "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), moment, address),
                201);
    }

    private String refer() throws Exception {
        return body(post("/api/v1/aanmeldingen"), POLICE, """
                        {"adresId": "%s", "reden": "Herhaald geweld; kinderen zijn getuige."}
                        """.formatted(address), 201)
                .path("id")
                .asString();
    }

    private void accept(String id) throws Exception {
        body(
                post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", etag("/api/v1/aanmeldingen/" + id)),
                PROCESREGISSEUR,
                """
                {"besluit": "accepteren", "partners": ["reclassering-drenthe", "politie-noord-nederland"]}
                """,
                200);
    }

    private void plan(String id, String review) throws Exception {
        body(
                post("/api/v1/casussen/" + id + "/plan").header("If-Match", etag("/api/v1/casussen/" + id)),
                PROCESREGISSEUR,
                """
                {"doelen": [{"soort": "veiligheid", "omschrijving": "Geen geweld meer in het gezin."}],
                 "regisseurOrganisatie": "reclassering-drenthe", "regisseurNaam": "R. de Regisseur",
                 "herbeoordelingsdatum": "%s"}
                """.formatted(review),
                200);
    }

    private int repeats() {
        return jdbc.queryForObject("SELECT repeats FROM monitor_address WHERE address_id = ?", Integer.class, address);
    }

    /** What the address has added to the monitor, by month. */
    private Map<YearMonth, List<String>> facts() {
        Integer[] counted = jdbc.queryForObject(
                "SELECT counted FROM monitor_address WHERE address_id = ?",
                (row, n) -> (Integer[]) row.getArray(1).getArray(),
                address);
        return reconcile.factsOf(
                java.util.Arrays.stream(counted).mapToInt(Integer::intValue).toArray());
    }

    /** The count of Hoogeveen in a month and category (other tests add to it too: compare differences). */
    private long counted(String category, String month) {
        return jdbc.queryForObject(
                "SELECT coalesce(sum(g.n), 0) FROM monitor_gemeente_month g JOIN monitor_category k"
                        + " ON k.id = g.category WHERE g.gemeente_code = 'GM0118' AND k.key = ?"
                        + " AND g.month = ?::date",
                Long.class,
                category,
                month);
    }

    /** The ETag the procesregisseur reads, which the change after it sends back as If-Match (issue 13). */
    private String etag(String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        request.with(PROCESREGISSEUR.api(
                UUID.nameUUIDFromBytes((PROCESREGISSEUR.organisation() + PROCESREGISSEUR.role()).getBytes())
                        .toString()));
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getHeader("ETag");
    }

    private JsonNode body(MockHttpServletRequestBuilder request, Requests who, String content, int expected)
            throws Exception {
        request.with(who.api(UUID.nameUUIDFromBytes((who.organisation() + who.role()).getBytes())
                .toString()));
        if (content != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(content);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(expected);
        return json.readTree(result.getResponse().getContentAsString());
    }
}
