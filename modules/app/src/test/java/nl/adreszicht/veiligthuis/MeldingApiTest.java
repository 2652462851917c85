package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.AfterCommit;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.hamcrest.Matchers;
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
 * Veilig Thuis over the API, on PostgreSQL: intake from a zorgmelding and from another melder, vervolgmelding,
 * invalid input, the Handelingsprotocol's transitions and deadlines, terugkoppeling to the police, the colour, the
 * worklist and the VT region scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MeldingApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private final Requests otherRegion = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);
    private final Requests police = Requests.as(Role.POLITIE_MEDEWERKER, "politie-drenthe");

    @Autowired
    TestClock.Settable clock;

    /** A Wednesday: deadlines in working days are the same on every day the suite runs. */
    private static final LocalDate TODAY = TestClock.TODAY;

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    /** A fresh address of this test alone (Hoogeveen GM0118 is VT03, Zwolle GM0193 is VT04). */
    private String address(String gemeente) {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create(gemeente)
                .toString();
    }

    private static Map<String, Object> melding(String address) {
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

    @Test
    void anotherMelderRegistersAMeldingAndASecondOneWhileVtIsInvolvedIsAVervolgmelding() throws Exception {
        String address = address("GM0118");

        JsonNode first = created(post("/api/v1/meldingen"), vt, melding(address))
                .andExpect(jsonPath("$.soort").value("melding"))
                .andExpect(jsonPath("$.vervolgmelding").value(false))
                .andExpect(jsonPath("$.fase").value("ontvangen"))
                .andExpect(jsonPath("$.melder.naam").value("Juf Jansen"))
                .andExpect(jsonPath("$.registratienummer").value(Matchers.startsWith("VT03-")))
                .andExpect(jsonPath("$.veiligheidsbeoordeling.uiterlijk")
                        .value(WorkingDays.plusWorkingDays(TODAY, 5).toString()))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(json::readTree);
        String id = first.get("id").asString();
        assertThat(logged(id, "AANMAKEN", "meldingen.registreren")).isEqualTo(1);

        created(post("/api/v1/meldingen"), vt, melding(address))
                .andExpect(jsonPath("$.vervolgmelding").value(true));

        mvc.perform(get("/api/v1/meldingen/" + id).with(vt.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.betrokkenen[*].rol").value(containsInAnyOrder("kind", "slachtoffer")));
        assertThat(logged(id, "LEZEN", "melding.lezen")).isEqualTo(1);
        // An advies is not a melding: read by id under its own resource only.
        problem(mvc.perform(get("/api/v1/adviezen/" + id).with(vt.api())), 404);
    }

    @Test
    void anAcuteMeldingIsDueTodayAndAcuteOnveiligheidMakesTheAddressRed() throws Exception {
        String address = address("GM0118");
        Map<String, Object> body = melding(address);
        body.put("acuut", true);
        String id = id(created(post("/api/v1/meldingen"), vt, body)
                .andExpect(jsonPath("$.veiligheidsbeoordeling.uiterlijk").value(TODAY.toString())));
        assertThat(colour(address)).isNotEqualTo("RED");

        step(
                        id,
                        "veiligheidsbeoordeling",
                        Map.of("acuteOnveiligheid", true, "structureleOnveiligheid", true, "statuscode", "VT-01-01"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fase").value("beoordeeld"))
                .andExpect(jsonPath("$.veiligheidsbeoordeling.statuscode").value("VT-01-01"));

        assertThat(colour(address)).isEqualTo("RED");
        assertThat(logged(id, "WIJZIGEN", "melding.beoordelen")).isEqualTo(1);
    }

    @Test
    void theProtocolRefusesStepsItDoesNotAllowWith409() throws Exception {
        String id = id(created(post("/api/v1/meldingen"), vt, melding(address("GM0118"))));

        problem(step(id, "onderzoek/afronding", Map.of("vroegtijdigBeeindigd", true)), 409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nooit gestart")));
        problem(step(id, "onderzoek", Map.of()), 409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("veiligheidsbeoordeling")));
        problem(step(id, "einde", Map.of("statuscode", "VT-03")), 409);

        step(
                        id,
                        "veiligheidsbeoordeling",
                        Map.of("acuteOnveiligheid", false, "structureleOnveiligheid", true, "statuscode", "VT-01-01"))
                .andExpect(status().isCreated());
        problem(
                        step(
                                id,
                                "veiligheidsbeoordeling",
                                Map.of(
                                        "acuteOnveiligheid",
                                        false,
                                        "structureleOnveiligheid",
                                        false,
                                        "statuscode",
                                        "VT-01-03")),
                        409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("tweede uitkomst")));
        assertThat(jdbc.queryForObject("select assessment_code from vt_melding where id = ?::uuid", String.class, id))
                .isEqualTo("VT-01-01");

        step(id, "onderzoek", Map.of("startdatum", "2026-03-02"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onderzoek.uiterlijk").value("2026-05-11"));
        problem(step(id, "einde", Map.of("statuscode", "VT-03")), 409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("loopt nog")));
        // An outcome for every violence type of the melding, or none when closed early.
        problem(step(id, "onderzoek/afronding", Map.of("uitkomsten", List.of())), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("uitkomsten")));
        step(
                        id,
                        "onderzoek/afronding",
                        Map.of("uitkomsten", List.of(Map.of("geweldsvorm", "partnergeweld", "uitkomst", "bevestigd"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.geweldsvormen[0].uitkomst").value("bevestigd"));
        problem(step(id, "onderzoek/afronding", Map.of("vroegtijdigBeeindigd", true)), 409);
        step(id, "vervolgstappen", Map.of("soort", "overdracht", "datum", "2026-05-20", "organisatie", "Wijkteam"))
                .andExpect(status().isCreated());
        step(id, "einde", Map.of("statuscode", "VT-02"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fase").value("afgesloten"));
        problem(step(id, "einde", Map.of("statuscode", "VT-03")), 409);
        assertThat(logged(id, "LEZEN", "melding.beeindigen"))
                .as("each of the three refusals read the state")
                .isEqualTo(3);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnceAndNothingIsStored() throws Exception {
        long before = count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adresId", "niet-een-id");
        body.put("melder", Map.of("sector", "astrologie", "naam", "x".repeat(201)));
        body.put("reden", "kort");
        body.put("ontvangenOp", "2999-01-01T10:00:00+01:00");
        body.put("geweldsvormen", List.of("onbekend"));
        body.put("betrokkenen", List.of(Map.of("rol", "buurman", "naam", "", "bsn", "123456789")));

        problem(send(post("/api/v1/meldingen"), vt, body), 400)
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(containsInAnyOrder(
                                "adresId",
                                "melder.sector",
                                "melder.naam",
                                "reden",
                                "ontvangenOp",
                                "geweldsvormen[0]",
                                "betrokkenen[0].rol",
                                "betrokkenen[0].naam",
                                "betrokkenen[0].bsn")));
        problem(send(post("/api/v1/meldingen"), vt, Map.of()), 400)
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(containsInAnyOrder("adresId", "melder", "reden", "geweldsvormen")));
        problem(
                send(
                        post("/api/v1/adviezen"),
                        vt,
                        Map.of("zorgmeldingId", UUID.randomUUID().toString())),
                400);
        problem(
                        send(
                                post("/api/v1/meldingen"),
                                vt,
                                Map.of("zorgmeldingId", UUID.randomUUID().toString())),
                        400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("zorgmeldingId"));

        String id = id(created(post("/api/v1/meldingen"), vt, melding(address("GM0118"))));
        problem(step(id, "veiligheidsbeoordeling", Map.of("statuscode", "VT-02")), 400)
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(containsInAnyOrder("acuteOnveiligheid", "structureleOnveiligheid", "statuscode")));
        problem(step(id, "vervolgstappen", Map.of("soort", "overdracht")), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("datum", "organisatie")));
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from vt_vervolgstap where melding_id = ?::uuid", Long.class, id))
                .isZero();
    }

    @Test
    void aZorgmeldingIsTakenInOnceAndThePoliceSeeOnlyTheStatusCode() throws Exception {
        String address = address("GM0118");
        String incident = json.readTree(mvc.perform(post("/api/v1/incidenten")
                                .with(police.api())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(json.writeValueAsString(Map.of(
                                                "registratienummer",
                                                "VT-TEST/"
                                                        + UUID.randomUUID()
                                                                .toString()
                                                                .substring(0, 8),
                                                "tijdstip",
                                                "2026-01-10T21:30:00+01:00",
                                                "adresId",
                                                address,
                                                "geweldsvormen",
                                                List.of("partnergeweld", "kindermishandeling-getuige"),
                                                "ernst",
                                                "S2",
                                                "kinderenAanwezig",
                                                true,
                                                "letsel",
                                                false,
                                                "wapen",
                                                false,
                                                "alcoholDrugs",
                                                false,
                                                "aangifte",
                                                false))
                                        .replace(
                                                "}",
                                                ", \"huisverbodOpgelegd\": false, \"huisverbodOvertreden\": false}")))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();
        String zorgmelding = json.readTree(mvc.perform(post("/api/v1/incidenten/" + incident + "/zorgmelding")
                                .with(police.api())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"zorgen\": \"Kinderen waren getuige van de ruzie.\"}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("id")
                .asString();

        worklist(vt, "categorie=zorgmelding-in-te-nemen")
                .andExpect(jsonPath("$.zorgmeldingen[*].zorgmeldingId").value(Matchers.hasItem(zorgmelding)));
        worklist(otherRegion, "")
                .andExpect(jsonPath("$.zorgmeldingen[*].zorgmeldingId")
                        .value(Matchers.not(Matchers.hasItem(zorgmelding))));

        String id = id(created(post("/api/v1/meldingen"), vt, Map.of("zorgmeldingId", zorgmelding))
                .andExpect(jsonPath("$.adresId").value(address))
                .andExpect(jsonPath("$.melder.sector").value("politie"))
                .andExpect(jsonPath("$.reden").value("Kinderen waren getuige van de ruzie."))
                .andExpect(jsonPath("$.geweldsvormen[*].code")
                        .value(containsInAnyOrder("partnergeweld", "kindermishandeling-getuige"))));
        problem(send(post("/api/v1/meldingen"), vt, Map.of("zorgmeldingId", zorgmelding)), 409);
        worklist(vt, "")
                .andExpect(jsonPath("$.zorgmeldingen[*].zorgmeldingId")
                        .value(Matchers.not(Matchers.hasItem(zorgmelding))));

        step(
                        id,
                        "veiligheidsbeoordeling",
                        Map.of("acuteOnveiligheid", false, "structureleOnveiligheid", false, "statuscode", "VT-01-03"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fase").value("afgesloten"));

        // The terugkoppeling reaches the zorgmelding after the step answered (ADR 0011).
        AfterCommit.awaitListenersDone(jdbc, zorgmelding);
        String seen = mvc.perform(
                        get("/api/v1/incidenten/" + incident + "/zorgmelding").with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terugkoppeling").value("VT-01-03"))
                .andExpect(jsonPath("$.terugkoppelingOp").exists())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(seen).propertyNames())
                .containsExactlyInAnyOrder("id", "incidentId", "verzondenOp", "terugkoppeling", "terugkoppelingOp");
        assertThat(seen).doesNotContain(id, "structurele", "VT03-");
        problem(mvc.perform(get("/api/v1/meldingen/" + id).with(police.api())), 403);
    }

    @Test
    void theWorklistCountsFiltersAndStaysWithinTheRegion() throws Exception {
        // Other tests leave open meldingen in VT03 too: count what this test adds, never the region's total.
        JsonNode countsBefore = counts(worklist(vt, ""));
        String address = address("GM0118");
        String first = id(created(post("/api/v1/meldingen"), vt, melding(address)));
        String second = id(created(post("/api/v1/meldingen"), vt, melding(address)));
        Map<String, Object> late = melding(address("GM0118"));
        late.put("ontvangenOp", "2025-01-06T09:00:00+01:00");
        String overdue = id(created(post("/api/v1/meldingen"), vt, late));
        String zwolle = id(created(post("/api/v1/meldingen"), otherRegion, melding(address("GM0193"))));

        String all = worklist(vt, "")
                .andExpect(jsonPath("$.regio").value("VT03"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(WorklistPages.ids(mvc, "", vt.api()))
                .contains(first, second, overdue)
                .doesNotContain(zwolle);
        JsonNode counts = json.readTree(all).get("aantallen");
        assertThat(counts.get("nieuw").asInt() - countsBefore.get("nieuw").asInt())
                .as("three new meldingen, none assessed")
                .isEqualTo(3);
        assertThat(counts.get("beoordeling-te-laat").asInt()
                        - countsBefore.get("beoordeling-te-laat").asInt())
                .as("only the one received in January 2025 is overdue")
                .isEqualTo(1);
        assertThat(counts.get("recidive").asInt() - countsBefore.get("recidive").asInt())
                .as("only the second melding at the same address")
                .isEqualTo(1);

        assertThat(WorklistPages.ids(mvc, "categorie=beoordeling-te-laat", vt.api()))
                .contains(overdue)
                .doesNotContain(first);
        assertThat(WorklistPages.ids(mvc, "categorie=recidive", vt.api()))
                .contains(second)
                .doesNotContain(first);
        List<JsonNode> byDeadline = WorklistPages.items(mvc, "sorteer=uiterlijk", vt.api());
        List<String> ids = new ArrayList<>();
        List<LocalDate> deadlines = new ArrayList<>();
        for (JsonNode item : byDeadline) {
            ids.add(item.get("id").asString());
            if (!item.get("uiterlijk").isNull()) {
                deadlines.add(LocalDate.parse(item.get("uiterlijk").asString()));
            }
        }
        assertThat(deadlines).as("earliest deadline first").isSorted();
        assertThat(byDeadline.get(ids.indexOf(overdue)).get("uiterlijk").asString())
                .as("5 working days after Monday 6 January 2025")
                .isEqualTo("2025-01-13");
        assertThat(ids.indexOf(overdue)).isLessThan(ids.indexOf(first)).isLessThan(ids.indexOf(second));
        problem(worklist(vt, "categorie=alles&sorteer=naam"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("categorie", "sorteer")));

        // Another region: not listed, not found by id, no intake at this region's addresses.
        problem(mvc.perform(get("/api/v1/meldingen/" + first).with(otherRegion.api())), 404);
        problem(
                step(
                        first,
                        "veiligheidsbeoordeling",
                        otherRegion,
                        Map.of("acuteOnveiligheid", false, "structureleOnveiligheid", false, "statuscode", "VT-01-03")),
                404);
        long before = count();
        problem(send(post("/api/v1/meldingen"), otherRegion, melding(address)), 403);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where kind = 'GEWEIGERD' and action = 'meldingen.registreren'"
                                + " and object_id = ?",
                        Long.class,
                        address))
                .isEqualTo(1);
        problem(worklist(police, ""), 403);
        problem(worklist(new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118"), ""), 403);
    }

    @Test
    void theWorklistPagesByKeyListingEveryOpenCaseOnceInOrderWhileMeldingenArrive() throws Exception {
        String address = address("GM0118");
        for (int i = 0; i < 3; i++) {
            created(post("/api/v1/meldingen"), vt, melding(address));
        }
        Map<String, Object> older = melding(address("GM0118"));
        older.put("ontvangenOp", "2025-11-03T09:00:00+01:00");
        created(post("/api/v1/meldingen"), vt, older);

        for (String sort : List.of("uiterlijk", "ontvangen")) {
            List<String> open = openIds();
            List<JsonNode> items = new ArrayList<>();
            String arrived = null;
            String cursor = null;
            do {
                JsonNode page = json.readTree(
                        worklist(vt, "sorteer=" + sort + "&aantal=7" + (cursor == null ? "" : "&na=" + cursor))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString());
                assertThat(page.get("items").size()).isLessThanOrEqualTo(7);
                page.get("items").forEach(items::add);
                cursor = page.get("volgende") == null || page.get("volgende").isNull()
                        ? null
                        : page.get("volgende").asString();
                if (arrived == null) {
                    // A melding arrives while the professional pages: it shifts no case onto another page.
                    arrived = id(created(post("/api/v1/meldingen"), vt, melding(address("GM0118"))));
                }
            } while (cursor != null);
            List<String> ids = items.stream().map(i -> i.get("id").asString()).toList();
            assertThat(ids).as("each case once (" + sort + ")").doesNotHaveDuplicates();
            assertThat(ids).as("every open case of the region (" + sort + ")").containsAll(open);
            List<String> expected = new ArrayList<>(open);
            expected.add(arrived);
            assertThat(expected).as("nothing else (" + sort + ")").containsAll(ids);
            List<java.time.Instant> received = new ArrayList<>();
            List<LocalDate> deadlines = new ArrayList<>();
            boolean undated = false;
            boolean others = false;
            for (JsonNode item : items) {
                if (item.get("eigen").asBoolean()) {
                    assertThat(others).as("the caller's own cases first").isFalse();
                    continue;
                }
                others = true;
                received.add(
                        java.time.OffsetDateTime.parse(item.get("ontvangenOp").asString())
                                .toInstant());
                if (item.get("uiterlijk").isNull()) {
                    undated = true;
                } else {
                    assertThat(undated && sort.equals("uiterlijk"))
                            .as("cases without a deadline come last")
                            .isFalse();
                    deadlines.add(LocalDate.parse(item.get("uiterlijk").asString()));
                }
            }
            if (sort.equals("ontvangen")) {
                assertThat(received).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
            } else {
                assertThat(deadlines).as("earliest deadline first").isSorted();
            }
        }

        JsonNode first = json.readTree(worklist(vt, "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        int open = openIds().size();
        assertThat(first.get("items").size()).as("50 a page").isEqualTo(Math.min(50, open));
        assertThat(first.get("volgende").isNull()).isEqualTo(open <= 50);
        String token = json.readTree(
                        worklist(vt, "aantal=1").andReturn().getResponse().getContentAsString())
                .get("volgende")
                .asString();
        problem(worklist(vt, "sorteer=ontvangen&na=" + token), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("na")));
        problem(worklist(vt, "na=bm9nIGVlbiBjdXJzb3I"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("na")));
        problem(worklist(vt, "na=%21%21&aantal=0"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("na", "aantal")));
        problem(worklist(vt, "aantal=101"), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder("aantal")));
    }

    /** The cases of VT03 the worklist lists: the open ones, and the ended ones whose monitoring moment is due. */
    private List<String> openIds() {
        return jdbc.queryForList(
                "SELECT id::text FROM vt_melding m WHERE vt_region = 'VT03' AND (ended_at IS NULL OR EXISTS"
                        + " (SELECT 1 FROM vt_monitoring mo WHERE mo.melding_id = m.id AND mo.outcome IS NULL"
                        + " AND mo.due_on <= ?))",
                String.class,
                WorkingDays.plusWorkingDays(TODAY, Werkvoorraad.DUE_WITHIN_WORKING_DAYS));
    }

    private JsonNode counts(ResultActions worklist) throws Exception {
        return json.readTree(worklist.andReturn().getResponse().getContentAsString())
                .get("aantallen");
    }

    private ResultActions worklist(Requests who, String query) throws Exception {
        return mvc.perform(get("/api/v1/werkvoorraad?" + query).with(who.api()));
    }

    private ResultActions step(String id, String path, Map<String, Object> body) throws Exception {
        return step(id, path, vt, body);
    }

    /** A step from the revision of the melding this test last read (If-Match: the ETag of that answer). */
    private ResultActions step(String id, String path, Requests who, Map<String, Object> body) throws Exception {
        return send(
                post("/api/v1/meldingen/" + id + "/" + path).header("If-Match", etags.getOrDefault(id, "*")),
                who,
                body);
    }

    /** The ETag of each melding as this test last read it, from the answers of the intake and every step. */
    private final Map<String, String> etags = new java.util.HashMap<>();

    private ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Requests who,
            Map<String, Object> body)
            throws Exception {
        ResultActions result = mvc.perform(
                request.with(who.api()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
        var response = result.andReturn().getResponse();
        if (response.getHeader("ETag") != null) {
            etags.put(json.readTree(response.getContentAsString()).get("id").asString(), response.getHeader("ETag"));
        }
        return result;
    }

    private ResultActions created(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            Requests who,
            Map<String, Object> body)
            throws Exception {
        return send(request, who, body).andExpect(status().isCreated());
    }

    private String id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from vt_melding", Long.class);
    }

    private String colour(String address) {
        return jdbc
                .queryForList("select colour from address_colour where address_id = ?::uuid", String.class, address)
                .stream()
                .findFirst()
                .orElse("NONE");
    }

    private long logged(String id, String kind, String action) {
        return jdbc.queryForObject(
                "select count(*) from access_log where object_type = 'vt-melding' and object_id = ? and kind = ?"
                        + " and action = ?",
                Long.class,
                id,
                kind,
                action);
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
