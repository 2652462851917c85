package nl.adreszicht.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestClock;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lowering a colour with four eyes, through the API on PostgreSQL: a Veilig Thuis professional proposes, another
 * professional who is a vt-supervisor approves, and only then is the colour capped, until the review date or
 * until something new counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressColoursTest.StandInSource.class)
class ColourLoweringTest {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests SUPERVISOR = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);
    private static final String OTHER_SUPERVISOR = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    private static final String ELSEWHERE = "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock.Settable clock;

    /** A fixed day: the window and the lowerings' review dates are counted from it, whatever day the suite runs. */
    private final LocalDate today = TestClock.TODAY;

    @BeforeEach
    void fixTheDay() {
        clock.startAt(today);
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aProposalChangesNothingUntilAnotherSupervisorApprovesIt() throws Exception {
        AddressId address = yellowAddress();

        String id =
                idOf(propose(address, VT, "GREEN", "Gezin werkt mee, hulpverlening loopt goed.", today.plusMonths(3))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.status").value("voorgesteld"))
                        .andExpect(jsonPath("$.doelkleur").value("GREEN")));
        assertThat(colour(address)).isEqualTo("YELLOW");

        mvc.perform(approve(address, id).with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("goedgekeurd"))
                .andExpect(jsonPath("$.goedgekeurdOp").value(today.toString()));

        assertThat(colour(address)).isEqualTo("GREEN");
        mvc.perform(get("/api/v1/adressen/" + address).with(VT.api()))
                .andExpect(jsonPath("$.kleur.kleur").value("GREEN"))
                .andExpect(jsonPath("$.kleur.berekendeKleur").value("YELLOW"));
        mvc.perform(get("/api/v1/adressen/" + address + "/kleurverlagingen").with(VT.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].status").value("goedgekeurd"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access_log WHERE object_id = ? AND kind = 'WIJZIGEN'",
                        Integer.class,
                        address.toString()))
                .isEqualTo(2);
    }

    @Test
    void fourEyesTheProposerCannotApproveAndNeitherCanAVtMedewerker() throws Exception {
        AddressId address = yellowAddress();
        String id = idOf(propose(address, SUPERVISOR, "GREEN", "Gezin werkt mee, hulpverlening loopt goed.", inAMonth())
                .andExpect(status().isCreated()));

        mvc.perform(approve(address, id).with(SUPERVISOR.api()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("vier ogen")));
        mvc.perform(approve(address, id).with(VT.api(OTHER_SUPERVISOR))).andExpect(status().isForbidden());

        assertThat(colour(address)).isEqualTo("YELLOW");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM colour_lowering WHERE id = ?::uuid AND approved_by IS NULL",
                        Integer.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void anApprovalIsGivenOnceAndNotForWhatTheApproversCouldNotHaveSeen() throws Exception {
        AddressId address = yellowAddress();
        String first = idOf(propose(address, VT, "GREEN", "Gezin werkt mee, hulpverlening loopt goed.", inAMonth()));
        String second = idOf(propose(address, VT, "GREY", "Situatie stabiel, casus wordt afgesloten.", inAMonth()));

        mvc.perform(approve(address, first).with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isOk());
        mvc.perform(approve(address, first).with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isConflict());

        // A new incident: the lowering lapses, and the other proposal, made before it, can no longer be approved.
        record(address, incident("new", today, Severity.S1));
        assertThat(colour(address)).isEqualTo("ORANGE");
        mvc.perform(approve(address, second).with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nieuwe registraties")));
        assertThat(colour(address)).isEqualTo("ORANGE");

        mvc.perform(approve(address, UUID.randomUUID().toString()).with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isNotFound());
        mvc.perform(approve(address, "geen-id").with(SUPERVISOR.api(OTHER_SUPERVISOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void invalidProposalsAreRefusedWithEveryFieldAndStoreNothing() throws Exception {
        AddressId address = yellowAddress();

        propose(address, VT, "RED", "kort", today)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("doelkleur", "reden", "herbeoordelingsdatum")));
        propose(address, VT, "PAARS", "Gezin werkt mee, hulpverlening loopt goed.", today.plusMonths(13))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("doelkleur", "herbeoordelingsdatum")));
        // Lowering to the colour it already has is no lowering.
        propose(address, VT, "YELLOW", "Gezin werkt mee, hulpverlening loopt goed.", inAMonth())
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverlagingen")
                        .with(VT.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doelkleur\": \"GREEN\", \"reden\": \"Gezin werkt goed mee.\","
                                + " \"herbeoordelingsdatum\": \"morgen\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverlagingen")
                        .with(new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118").api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("GREEN", "Gezin werkt mee, hulpverlening loopt goed.", inAMonth())))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM colour_lowering WHERE address_id = ?", Integer.class, address.value()))
                .isZero();
    }

    /**
     * Issue 10, gap 2: a vt-medewerker anywhere in the country could propose a lowering for any address and read every
     * lowering's reason, and any vt-supervisor could approve it. Now these are bound to the own VT region, like the
     * radar; outside it only through break-the-glass. Each refusal is logged.
     */
    @Test
    void outsideTheOwnVtRegionNothingIsProposedReadOrApprovedWithoutBreakingTheGlass() throws Exception {
        AddressId address = yellowAddress(); // in Hoogeveen, GM0118: region VT03
        Requests elsewhere = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);
        Requests supervisorElsewhere = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-ijsselland", "VT04", null);
        String reason = "Gezin werkt mee, hulpverlening loopt goed.";

        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverlagingen")
                        .with(elsewhere.api(ELSEWHERE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("GREEN", reason, inAMonth())))
                .andExpect(status().isForbidden());
        String id = idOf(propose(address, VT, "GREEN", reason, inAMonth()).andExpect(status().isCreated()));
        mvc.perform(get("/api/v1/adressen/" + address + "/kleurverlagingen").with(elsewhere.api(ELSEWHERE)))
                .andExpect(status().isForbidden());
        mvc.perform(approve(address, id).with(supervisorElsewhere.api(OTHER_SUPERVISOR)))
                .andExpect(status().isForbidden());

        assertThat(colour(address)).isEqualTo("YELLOW");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM colour_lowering WHERE address_id = ?", Integer.class, address.value()))
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM access_log WHERE object_id = ? AND kind = 'GEWEIGERD' ORDER BY id",
                        String.class,
                        address.toString()))
                .containsExactly(
                        "adres.kleur.verlagen", "adres.kleurverlagingen.lezen", "adres.kleur.verlaging.goedkeuren");

        // Breaking the glass for this address opens it, for this professional only, and the use is flagged.
        mvc.perform(post("/api/v1/adressen/" + address + "/doorbraken")
                        .with(elsewhere.api(ELSEWHERE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"Kind uit onze regio verblijft hier bij vader.\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/adressen/" + address + "/kleurverlagingen").with(elsewhere.api(ELSEWHERE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        assertThat(jdbc.queryForObject(
                        "SELECT break_the_glass FROM access_log WHERE object_id = ? AND kind = 'LEZEN'"
                                + " AND action = 'adres.kleurverlagingen.lezen' ORDER BY id DESC LIMIT 1",
                        Boolean.class,
                        address.toString()))
                .isTrue();
        mvc.perform(approve(address, id).with(supervisorElsewhere.api(OTHER_SUPERVISOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDatabaseKeepsLoweringsAndTheirOneApproval() throws Exception {
        AddressId address = yellowAddress();
        String id = idOf(propose(address, VT, "GREEN", "Gezin werkt mee, hulpverlening loopt goed.", inAMonth()));
        mvc.perform(approve(address, id).with(SUPERVISOR.api(OTHER_SUPERVISOR))).andExpect(status().isOk());

        assertThatThrownBy(() -> jdbc.update("DELETE FROM colour_lowering WHERE id = ?::uuid", id))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(
                        () -> jdbc.update("UPDATE colour_lowering SET approved_by = 'someone' WHERE id = ?::uuid", id))
                .hasStackTraceContaining("only ever changed by its one approval");
        assertThatThrownBy(() -> jdbc.update("UPDATE colour_lowering SET target = 'GREY' WHERE id = ?::uuid", id))
                .hasStackTraceContaining("only ever changed by its one approval");
    }

    private ResultActions propose(AddressId address, Requests who, String target, String reason, LocalDate review)
            throws Exception {
        return mvc.perform(post("/api/v1/adressen/" + address + "/kleurverlagingen")
                .with(who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(target, reason, review)));
    }

    private static String body(String target, String reason, LocalDate review) {
        return """
                {"doelkleur": "%s", "reden": "%s", "herbeoordelingsdatum": "%s"}""".formatted(target, reason, review);
    }

    private String idOf(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asString();
    }

    /** The approval, from the revision of the lowering as the address's list shows it (any, when it lists none). */
    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder approve(
            AddressId address, String lowering) throws Exception {
        return post(approval(address, lowering)).header("If-Match", etagOf(address, lowering));
    }

    private String etagOf(AddressId address, String lowering) throws Exception {
        String list = mvc.perform(
                        get("/api/v1/adressen/" + address + "/kleurverlagingen").with(VT.api()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (tools.jackson.databind.JsonNode listed : json.readTree(list)) {
            if (listed.get("id").asString().equals(lowering)) {
                return listed.get("etag").asString();
            }
        }
        return "*";
    }

    private static String approval(AddressId address, String lowering) {
        return "/api/v1/adressen/" + address + "/kleurverlagingen/" + lowering + "/goedkeuring";
    }

    private LocalDate inAMonth() {
        return today.plusMonths(1);
    }

    /** Two S1 incidents in the window: yellow. */
    private AddressId yellowAddress() {
        AddressId address = newAddress();
        record(address, incident("a", today.minusDays(30), Severity.S1));
        record(address, incident("b", today.minusDays(10), Severity.S1));
        assertThat(colour(address)).isEqualTo("YELLOW");
        return address;
    }

    private void record(AddressId address, ColourRecord record) {
        AddressColoursTest.RECORDS
                .computeIfAbsent(address, a -> new ArrayList<>())
                .add(record);
        events.publishEvent(new RecordChanged(record.source(), record.id(), address));
    }

    private String colour(AddressId address) {
        return jdbc.queryForObject(
                "SELECT colour FROM address_colour WHERE address_id = ?", String.class, address.value());
    }

    private static ColourRecord incident(String id, LocalDate date, Severity severity) {
        return new ColourRecord(
                id,
                RecordSource.POLITIE_INCIDENT,
                date,
                severity,
                false,
                false,
                false,
                false,
                Set.of("p-" + id),
                "politie-x");
    }

    private AddressId newAddress() {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code)"
                                + " VALUES (?, '7905ZY', ?, ?, 'Verlaagstraat', 'Hoogeveen', 'GM0118')",
                        id,
                        1 + Math.floorMod(id.hashCode(), 99_999),
                        Integer.toString(Math.floorMod(id.hashCode() >> 8, 9999)));
        return new AddressId(id);
    }
}
