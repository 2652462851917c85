package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.monitor.Intervention;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.security.Role;
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
 * The follow-through of a melding (issue 16): the behandelaar assigned by a supervisor, the worklist's "niet
 * toegewezen" and "mijn werkvoorraad", and every protocol step through the melding page with the API's rules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FollowThroughTest {

    static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    static final Requests SUPERVISOR = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);
    static final Requests OTHER_REGION = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-ijsselland", "VT04", null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    VtMonitoredRecords monitored;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Subjects of this test alone: other tests assign cases to the shared test subject. */
    private final String worker = UUID.randomUUID().toString();

    private final String lead = UUID.randomUUID().toString();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void aSupervisorAssignsAnOpenMeldingAndItComesFirstInTheProfessionalsOwnWorklist() throws Exception {
        // Both open the worklist once: that is how the region knows them.
        mvc.perform(get("/api/v1/werkvoorraad").with(VT.api(worker))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/werkvoorraad").with(SUPERVISOR.api(lead))).andExpect(status().isOk());
        String melding = melding();

        assertThat(WorklistPages.ids(mvc, "categorie=niet-toegewezen", VT.api(worker)))
                .contains(melding);
        mvc.perform(get("/api/v1/behandelaars").with(SUPERVISOR.api(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(worker)));
        mvc.perform(get("/api/v1/behandelaars").with(OTHER_REGION.api(lead)))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(worker))));

        // Only a supervisor assigns, only a professional of the region, only within the region.
        send("/api/v1/meldingen/" + melding + "/behandelaar", VT.api(worker), Map.of("behandelaar", worker))
                .andExpect(status().isForbidden());
        send(
                        "/api/v1/meldingen/" + melding + "/behandelaar",
                        SUPERVISOR.api(lead),
                        Map.of("behandelaar", "iemand-anders"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("behandelaar"));
        send("/api/v1/meldingen/" + melding + "/behandelaar", OTHER_REGION.api(lead), Map.of("behandelaar", lead))
                .andExpect(status().isNotFound());
        assertThat(behandelaar(melding)).isNull();

        send("/api/v1/meldingen/" + melding + "/behandelaar", SUPERVISOR.api(lead), Map.of("behandelaar", worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.behandelaar.id").value(worker))
                .andExpect(jsonPath("$.behandelaar.naam").value("Test Professional"));
        assertThat(behandelaar(melding)).isEqualTo(worker);
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where action = 'melding.toewijzen' and object_id = ?"
                                + " and kind = 'WIJZIGEN'",
                        Long.class,
                        melding))
                .isEqualTo(1);

        JsonNode mine = read(mvc.perform(get("/api/v1/werkvoorraad").with(VT.api(worker))));
        JsonNode first = mine.get("items").get(0);
        assertThat(first.get("id").asString()).as("own cases first").isEqualTo(melding);
        assertThat(first.get("eigen").asBoolean()).isTrue();
        assertThat(first.get("categorieen").toString()).contains("mijn-zaken").doesNotContain("niet-toegewezen");
        assertThat(WorklistPages.ids(mvc, "categorie=niet-toegewezen", VT.api(worker)))
                .doesNotContain(melding);
        // Somebody else sees it as assigned, not as theirs.
        assertThat(WorklistPages.ids(mvc, "categorie=mijn-zaken", SUPERVISOR.api(lead)))
                .doesNotContain(melding);

        // Reassigning through the page, by the supervisor.
        mvc.perform(post("/meldingen/" + melding + "/behandelaar")
                        .param("behandelaar", lead)
                        .with(csrf())
                        .with(SUPERVISOR.ui(lead)))
                .andExpect(redirectedUrl("/meldingen/" + melding))
                .andExpect(flash().attribute("done", "melding.toegewezen"));
        assertThat(behandelaar(melding)).isEqualTo(lead);
        mvc.perform(post("/meldingen/" + melding + "/behandelaar").with(csrf()).with(SUPERVISOR.ui(lead)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kies een professional.")));
        mvc.perform(post("/meldingen/" + melding + "/behandelaar")
                        .param("behandelaar", lead)
                        .with(csrf())
                        .with(VT.ui(worker)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/werkvoorraad").with(SUPERVISOR.ui(lead)))
                .andExpect(content().string(containsString("Test Professional (u)")));
    }

    @Test
    void everyStepOfTheProtocolCanBeTakenOnTheMeldingPageWithTheApisRules() throws Exception {
        String melding = melding();
        String page = "/meldingen/" + melding;

        // Before the beoordeling, no vervolg: the page offers no step form, and a posted one is refused in Dutch.
        mvc.perform(get(page).with(VT.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Onderzoek starten"))));
        form(page + "/onderzoek", Map.of())
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute(
                                "conflictText",
                                "Eerst de veiligheidsbeoordeling: zonder beoordeling is er geen vervolg."));

        form(
                        page + "/veiligheidsbeoordeling",
                        Map.of("acuteOnveiligheid", "nee", "structureleOnveiligheid", "ja", "statuscode", "VT-01-01"))
                .andExpect(redirectedUrl("/werkvoorraad"));
        mvc.perform(get(page).with(VT.ui()))
                .andExpect(content().string(containsString("Onderzoek starten")))
                .andExpect(content().string(containsString("Bemoeienis beëindigen")));

        // A start in the future is invalid input: 400, every error, nothing stored.
        form(page + "/onderzoek", Map.of("startdatum", "2099-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Een onderzoek kan niet in de toekomst starten.")));
        assertThat(started(melding)).isFalse();
        form(page + "/onderzoek", Map.of("startdatum", "2026-03-02")).andExpect(redirectedUrl(page));
        assertThat(started(melding)).isTrue();
        mvc.perform(get(page).with(VT.ui()))
                .andExpect(content().string(containsString("Onderzoek gestart op 02-03-2026")))
                .andExpect(content().string(containsString("Uitkomst per geweldsvorm")));

        // Einde while the onderzoek runs: refused by the protocol, with its reason.
        form(page + "/einde", Map.of("statuscode", "VT-03"))
                .andExpect(flash().attribute("conflictText", "Het onderzoek loopt nog; rond het eerst af."));

        // An afronding without an outcome for every violence type is invalid; with them it is taken.
        form(page + "/onderzoek/afronding", Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Geef een uitkomst voor elke geweldsvorm")));
        form(page + "/onderzoek/afronding", Map.of("uitkomst-partnergeweld", "misschien"))
                .andExpect(status().isBadRequest());
        form(page + "/onderzoek/afronding", Map.of("uitkomst-partnergeweld", "bevestigd"))
                .andExpect(redirectedUrl(page));
        assertThat(jdbc.queryForObject(
                        "select outcome from vt_melding_violence_type where melding_id = ?::uuid",
                        String.class,
                        melding))
                .isEqualTo("bevestigd");

        form(page + "/vervolgstappen", Map.of("soort", "monitoring"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vul dit veld in.")));
        form(
                        page + "/vervolgstappen",
                        Map.of("soort", "voorwaarden-en-vervolg", "datum", "2026-03-20", "toelichting", "Afspraken"))
                .andExpect(redirectedUrl(page));
        form(page + "/einde", Map.of("statuscode", "VT-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("VT-02 (overdracht) of VT-03")));
        form(page + "/einde", Map.of("statuscode", "VT-03")).andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(VT.ui()))
                .andExpect(content().string(containsString("Bemoeienis beëindigd op")))
                .andExpect(content().string(containsString("Voorwaarden en vervolg")))
                .andExpect(content().string(containsString("partnergeweld: bevestigd")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_id = ? and action like '%.formulier'",
                        Long.class, melding))
                .as("every step and every refusal through the page is logged")
                .isEqualTo(7);
    }

    static final Requests HOOGEVEEN = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    static final Requests ZWOLLE = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-zwolle", null, "GM0193");

    @Test
    void theLokaalTeamGetsTheOverdrachtWithoutTheMelderAcceptsOrRefusesAndMonitoringFollows() throws Exception {
        String melding = melding();
        String api = "/api/v1/meldingen/" + melding;
        send(
                        api + "/veiligheidsbeoordeling",
                        VT.api(),
                        Map.of("acuteOnveiligheid", false, "structureleOnveiligheid", true, "statuscode", "VT-01-01"))
                .andExpect(status().isCreated());
        send(api + "/onderzoek", VT.api(), Map.of("startdatum", "2026-03-02")).andExpect(status().isCreated());
        send(api + "/overdracht", VT.api(), Map.of())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("onderzoek loopt nog")));
        send(
                        api + "/onderzoek/afronding",
                        VT.api(),
                        Map.of("uitkomsten", List.of(Map.of("geweldsvorm", "partnergeweld", "uitkomst", "bevestigd"))))
                .andExpect(status().isOk());
        send(api + "/overdracht", VT.api(), Map.of("datum", "2099-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("datum"));

        String first = read(send(
                                api + "/overdracht",
                                VT.api(),
                                Map.of("toelichting", "Gezin wil hulp van het wijkteam."))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.overdrachten[0].status").value("aangeboden"))
                        .andExpect(jsonPath("$.overdrachten[0].gemeente").value("GM0118")))
                .get("overdrachten")
                .get(0)
                .get("id")
                .asString();
        send(api + "/overdracht", VT.api(), Map.of())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("al een overdracht open")));
        // The monitor follows the offer up as an intervention from its day (issue 15's SPI).
        AddressId address = new AddressId(
                jdbc.queryForObject("select address_id from vt_melding where id = ?::uuid", UUID.class, melding));
        assertThat(overdrachtenFollowed(address)).containsExactly(first);

        // The lokaal team of the address's gemeente sees it; another gemeente does not.
        mvc.perform(get("/api/v1/overdrachten").with(HOOGEVEEN.api()))
                .andExpect(jsonPath("$[*].id").value(hasItem(first)));
        mvc.perform(get("/api/v1/overdrachten").with(ZWOLLE.api()))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(first))));
        mvc.perform(get("/api/v1/overdrachten/" + first).with(ZWOLLE.api())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/overdrachten").with(VT.api())).andExpect(status().isForbidden());
        String offer = mvc.perform(get("/api/v1/overdrachten/" + first).with(HOOGEVEEN.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toelichting").value("Gezin wil hulp van het wijkteam."))
                .andExpect(jsonPath("$.geweldsvormen[0].uitkomst").value("bevestigd"))
                .andExpect(jsonPath("$.betrokkenen[*].naam").value(hasItem("Sam Voorbeeld")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(offer)
                .as("never the melder")
                .doesNotContain("Juf Geheim", "Melder Mens", "onderwijs", "Kind vertelt over geweld thuis.");
        mvc.perform(get("/overdrachten/" + first).with(HOOGEVEEN.ui()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gezin wil hulp van het wijkteam.")))
                .andExpect(content().string(not(containsString("Juf Geheim"))));

        // A refusal needs a reason; with one, the case is VT's again, on its worklist.
        send("/api/v1/overdrachten/" + first + "/weigering", HOOGEVEEN.api(), Map.of("reden", "kort"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/overdrachten/" + first + "/weigering")
                        .param("reden", "")
                        .with(csrf())
                        .with(HOOGEVEEN.ui()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("error-summary")));
        mvc.perform(post("/overdrachten/" + first + "/weigering")
                        .param("reden", "Gezin woont sinds kort in een andere gemeente.")
                        .with(csrf())
                        .with(HOOGEVEEN.ui()))
                .andExpect(redirectedUrl("/overdrachten/" + first));
        send("/api/v1/overdrachten/" + first + "/acceptatie", HOOGEVEEN.api(), Map.of())
                .andExpect(status().isConflict());
        assertThat(overdrachtenFollowed(address))
                .as("a refused overdracht was no intervention")
                .isEmpty();
        assertThat(WorklistPages.ids(mvc, "categorie=overdracht-geweigerd", VT.api()))
                .contains(melding);
        mvc.perform(get(api).with(VT.api()))
                .andExpect(jsonPath("$.overdrachten[0].status").value("geweigerd"))
                .andExpect(jsonPath("$.overdrachten[0].weigeringsreden")
                        .value("Gezin woont sinds kort in een andere gemeente."));

        // Offered again, accepted: the monitoring moments 3 and 6 months later are planned.
        String second = read(send(api + "/overdracht", VT.api(), Map.of()).andExpect(status().isCreated()))
                .get("overdrachten")
                .get(1)
                .get("id")
                .asString();
        mvc.perform(post("/overdrachten/" + second + "/acceptatie").with(csrf()).with(HOOGEVEEN.ui()))
                .andExpect(redirectedUrl("/overdrachten/" + second))
                .andExpect(flash().attribute("done", "overdracht.geaccepteerd"));
        JsonNode accepted = read(mvc.perform(get(api).with(VT.api())));
        assertThat(overdrachtenFollowed(address)).containsExactly(second);
        assertThat(accepted.get("overdrachten").get(1).get("status").asString()).isEqualTo("geaccepteerd");
        assertThat(accepted.get("overdrachten").get(1).get("beslistDoor").asString())
                .isEqualTo("gemeente-hoogeveen");
        assertThat(accepted.get("monitoring").findValuesAsString("uiterlijk"))
                .containsExactly(
                        TestClock.TODAY.plusMonths(3).toString(),
                        TestClock.TODAY.plusMonths(6).toString());
        assertThat(WorklistPages.ids(mvc, "categorie=overdracht-geweigerd", VT.api()))
                .doesNotContain(melding);
        send(api + "/einde", VT.api(), Map.of("statuscode", "VT-02")).andExpect(status().isOk());

        // Three months on, the first moment is due: the ended case is on the worklist for its monitoring.
        assertThat(WorklistPages.ids(mvc, "categorie=monitoring", VT.api())).doesNotContain(melding);
        clock.startAt(TestClock.NOW.plusMonths(3).minusDays(1).toInstant());
        assertThat(WorklistPages.ids(mvc, "categorie=monitoring", VT.api())).contains(melding);
        clock.startAt(TestClock.NOW.plusMonths(3).plusDays(1).toInstant());
        assertThat(WorklistPages.ids(mvc, "categorie=monitoring-te-laat", VT.api()))
                .contains(melding);

        String moment = accepted.get("monitoring").get(0).get("id").asString();
        send(api + "/monitoring/" + moment + "/uitkomst", VT.api(), Map.of("uitkomst", "veilig", "heropenen", true))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("heropenen"));
        send(api + "/monitoring/" + moment + "/uitkomst", VT.api(), Map.of("uitkomst", "misschien"))
                .andExpect(status().isBadRequest());
        send(
                        api + "/monitoring/" + moment + "/uitkomst",
                        VT.api(),
                        Map.of("uitkomst", "escalatie", "toelichting", "Nieuwe incidenten gemeld.", "heropenen", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fase").value(not("afgesloten")))
                .andExpect(jsonPath("$.einde").doesNotExist())
                .andExpect(jsonPath("$.monitoring[0].heropend").value(true));
        send(api + "/monitoring/" + moment + "/uitkomst", VT.api(), Map.of("uitkomst", "veilig"))
                .andExpect(status().isConflict());
        assertThat(WorklistPages.ids(mvc, "", VT.api())).contains(melding);
        // Reopened after the accepted overdracht: Veilig Thuis may hand over again, or end again.
        send(api + "/einde", VT.api(), Map.of("statuscode", "VT-03")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_id = ? and action like 'overdracht.%'",
                        Long.class, melding))
                .as("the gemeente's reads and answers are logged on the melding")
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void aRequestToTheRaadIsRecordedAndTheCollegeHearsOnlyThatOneWasMade() throws Exception {
        String melding = melding();
        String api = "/api/v1/meldingen/" + melding;
        send(api + "/raadsverzoeken", VT.api(), Map.of("datum", "2026-03-02", "gronden", "Ouders weigeren hulp."))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("veiligheidsbeoordeling")));
        send(
                        api + "/veiligheidsbeoordeling",
                        VT.api(),
                        Map.of("acuteOnveiligheid", false, "structureleOnveiligheid", true, "statuscode", "VT-01-01"))
                .andExpect(status().isCreated());
        send(api + "/raadsverzoeken", VT.api(), Map.of("datum", "2099-01-01", "gronden", "kort"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("datum", "gronden")));
        int before = read(mvc.perform(get("/api/v1/college-berichten").with(HOOGEVEEN.api())))
                .size();
        send(
                        api + "/raadsverzoeken",
                        VT.api(),
                        Map.of("datum", "2026-03-02", "gronden", "Ouders weigeren hulp; kinderen blijven onveilig."))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.raadsverzoeken[0].datum").value("2026-03-02"));
        String notices = mvc.perform(get("/api/v1/college-berichten").with(HOOGEVEEN.api()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode list = json.readTree(notices);
        assertThat(list.size()).isEqualTo(before + 1);
        assertThat(list.get(0).propertyNames()).containsExactlyInAnyOrder("soort", "datum");
        assertThat(notices).doesNotContain(melding, "weigeren", "Sam", "VT03");
        mvc.perform(get("/api/v1/college-berichten").with(ZWOLLE.api()))
                .andExpect(jsonPath("$[?(@.datum == '2026-03-02')]").isEmpty());
        // Through the page: a missing date and short grounds are named, and nothing more is stored.
        form("/meldingen/" + melding + "/raadsverzoeken", Map.of("gronden", "kort"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Geef een grond van 10 tot 2000 tekens.")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from vt_raadsverzoek where melding_id = ?::uuid", Long.class, melding))
                .isEqualTo(1);
    }

    @Test
    void informingIsDueInFourWeeksMayBePostponedOnAGroundAndOverdueShowsOnTheWorklist() throws Exception {
        String melding = melding();
        String api = "/api/v1/meldingen/" + melding;
        mvc.perform(get(api).with(VT.api()))
                .andExpect(jsonPath("$.informeren.uiterlijk")
                        .value(TestClock.TODAY.plusWeeks(4).toString()));
        assertThat(WorklistPages.ids(mvc, "categorie=informeren-te-laat", VT.api()))
                .doesNotContain(melding);
        clock.startAt(TestClock.NOW.plusWeeks(4).plusDays(1).toInstant());
        assertThat(WorklistPages.ids(mvc, "categorie=informeren-te-laat", VT.api()))
                .contains(melding);

        send(api + "/informeren", VT.api(), Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("geinformeerdOp"));
        send(api + "/informeren", VT.api(), Map.of("uitstelgrond", "Informeren brengt het kind in gevaar."))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("herbeoordelingOp"));
        String review = TestClock.TODAY.plusWeeks(8).toString();
        send(
                        api + "/informeren",
                        VT.api(),
                        Map.of("uitstelgrond", "Informeren brengt het kind in gevaar.", "herbeoordelingOp", review))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.informeren.uiterlijk").value(review));
        assertThat(WorklistPages.ids(mvc, "categorie=informeren-te-laat", VT.api()))
                .doesNotContain(melding);

        form("/meldingen/" + melding + "/informeren", Map.of("keuze", "geinformeerd", "geinformeerdOp", "2026-04-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kies hoe de betrokkenen zijn geïnformeerd")));
        form(
                        "/meldingen/" + melding + "/informeren",
                        Map.of("keuze", "geinformeerd", "geinformeerdOp", "2026-04-01", "wijze", "huisbezoek"))
                .andExpect(redirectedUrl("/meldingen/" + melding));
        mvc.perform(get("/meldingen/" + melding).with(VT.ui()))
                .andExpect(content().string(containsString("Geïnformeerd op 01-04-2026, tijdens een huisbezoek.")));
        send(api + "/informeren", VT.api(), Map.of("geinformeerdOp", "2026-04-02", "wijze", "brief"))
                .andExpect(status().isConflict());
    }

    @Test
    void aCorrectionKeepsTheEarlierValueInItsHistoryAndTheTallyFollows() throws Exception {
        String melding = melding();
        String api = "/api/v1/meldingen/" + melding;
        JsonNode before = read(mvc.perform(get(api).with(VT.api())));
        assertThat(before.get("kinderenBetrokken").asBoolean())
                .as("a child among the betrokkenen")
                .isTrue();
        String month = TestClock.TODAY.withDayOfMonth(1).toString();
        long withChildren = tally(month, true);
        long withoutChildren = tally(month, false);

        send(api + "/correcties", VT.api(), Map.of("veld", "onzin", "waarde", "x", "reden", "kort"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("veld", "reden")));
        send(api + "/correcties", VT.api(), Map.of("veld", "ernst", "waarde", "S9", "reden", "Ernst verkeerd."))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("waarde"));
        send(
                        api + "/correcties",
                        VT.api(),
                        Map.of("veld", "betrokkenen[5].naam", "waarde", "Niemand", "reden", "Naam verkeerd gespeld."))
                .andExpect(status().isBadRequest());

        send(
                        api + "/correcties",
                        VT.api(),
                        Map.of(
                                "veld",
                                "kinderenBetrokken",
                                "waarde",
                                "false",
                                "reden",
                                "Het kind woont niet op dit adres."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinderenBetrokken").value(false))
                .andExpect(jsonPath("$.reden").value("Kind vertelt over geweld thuis."))
                .andExpect(jsonPath("$.correcties[0].veld").value("kinderenBetrokken"))
                .andExpect(jsonPath("$.correcties[0].oudeWaarde").value("true"))
                .andExpect(jsonPath("$.correcties[0].nieuweWaarde").value("false"));
        assertThat(tally(month, true))
                .as("the tally follows the corrected record")
                .isEqualTo(withChildren - 1);
        assertThat(tally(month, false)).isEqualTo(withoutChildren + 1);

        // Through the page: a betrokkene's name; the earlier one stays visible in the history.
        form(
                        "/meldingen/" + melding + "/correcties",
                        Map.of(
                                "veld", "betrokkenen[0].naam",
                                "waarde", "Sam Verbeterd",
                                "correctieReden", "Naam verkeerd gespeld."))
                .andExpect(redirectedUrl("/meldingen/" + melding));
        mvc.perform(get("/meldingen/" + melding).with(VT.ui()))
                .andExpect(content().string(containsString("Sam Verbeterd")))
                .andExpect(content().string(containsString("Correctiegeschiedenis")))
                .andExpect(content().string(containsString("Sam Voorbeeld")));
        form("/meldingen/" + melding + "/correcties", Map.of("veld", "ernst", "waarde", "S2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Reden van de correctie")));
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_id = ? and action like 'melding.corrigeren%'"
                                + " and kind = 'WIJZIGEN'",
                        Long.class, melding))
                .isEqualTo(2);
    }

    private long tally(String month, boolean children) {
        return jdbc.queryForObject(
                "select coalesce(sum(records), 0) from gemeente_tally where gemeente_code = 'GM0118' and month = ?::date"
                        + " and source = 'VT_MELDING' and children_present = ?",
                Long.class,
                month,
                children);
    }

    private ResultActions form(String path, Map<String, String> fields) throws Exception {
        var request = post(path).with(csrf()).with(VT.ui());
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private boolean started(String melding) {
        return jdbc.queryForObject(
                "select investigation_started_on is not null from vt_melding where id = ?::uuid",
                Boolean.class,
                melding);
    }

    private String behandelaar(String melding) {
        return jdbc.queryForObject("select behandelaar from vt_melding where id = ?::uuid", String.class, melding);
    }

    private ResultActions send(
            String path,
            org.springframework.test.web.servlet.request.RequestPostProcessor who,
            Map<String, Object> body)
            throws Exception {
        return mvc.perform(post(path)
                .with(who)
                .header("If-Match", etag(path, who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /**
     * What a client does before a change: it reads the melding (or the offer) as it stands and changes from that
     * revision. A caller who may not read it changes from any revision ({@code *}): the answer is the refusal.
     */
    private String etag(String path, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        java.util.regex.Matcher resource = java.util.regex.Pattern.compile("/api/v1/(meldingen|overdrachten)/[^/]+")
                .matcher(path);
        if (!resource.lookingAt()) {
            return "*";
        }
        String etag = mvc.perform(get(resource.group()).with(who))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        return etag == null ? "*" : etag;
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String melding() throws Exception {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        Map<String, Object> body = Map.of(
                "adresId", address,
                "melder", Map.of("sector", "onderwijs", "naam", "Juf Geheim"),
                "reden", "Kind vertelt over geweld thuis.",
                "geweldsvormen", List.of("partnergeweld"),
                "betrokkenen", List.of(Map.of("rol", "kind", "naam", "Sam Voorbeeld", "geboortedatum", "2016-03-01")));
        return read(send("/api/v1/meldingen", VT.api(), body).andExpect(status().isCreated()))
                .get("id")
                .asString();
    }

    private List<String> overdrachtenFollowed(AddressId address) {
        return monitored.interventionsAt(address).stream()
                .filter(i -> i.kind() == Intervention.Kind.OVERDRACHT)
                .map(Intervention::id)
                .toList();
    }
}
