package nl.adreszicht.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.adreszicht.Requests;
import nl.adreszicht.TestClock;
import nl.adreszicht.colour.ColourRecord;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import nl.adreszicht.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registering and reading municipal records over the API, on PostgreSQL: what is stored for a signaal and for a
 * huisverbod, idempotent resubmits, conflicts, every kind of bad input (reported at once, nothing stored), scope
 * (own gemeente for the address, own organisation for reads, the gemeente role only), logging and colour records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MunicipalRecordApiTest {

    static final String ADDRESS = "9c1d2e3f-3333-4d6e-9a51-2b1f0c9d7e21";
    static final String ADDRESS_ELSEWHERE = "9c1d2e3f-3333-4d6e-9a51-2b1f0c9d7e22";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock.Settable clock;

    @BeforeEach
    void fixTheDay() {
        // Dates in these tests are counted from one fixed day, whatever day the suite runs.
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    MunicipalRecordRecords colourRecords;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Requests lokaalTeam = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    private static final LocalDate TODAY = TestClock.TODAY;

    @BeforeEach
    void addresses() {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '7907AB', 3, 'Signaalstraat', 'Hoogeveen', 'GM0118', true)"
                        + " ON CONFLICT DO NOTHING",
                ADDRESS);
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '8011AB', 3, 'Elderslaan', 'Zwolle', 'GM0193', true)"
                        + " ON CONFLICT DO NOTHING",
                ADDRESS_ELSEWHERE);
    }

    /** A valid signaal with a registration number of its own. */
    private static Map<String, Object> signaal() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "LT-2026/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("soort", "signaal");
        body.put("adresId", ADDRESS);
        body.put("datum", "2026-03-02");
        body.put("geweldsvormen", List.of("partnergeweld", "kindermishandeling-getuige"));
        body.put("ernst", "S2");
        body.put("kinderenAanwezig", true);
        body.put("toelichting", "School meldt zorgen over spanningen thuis.");
        return body;
    }

    /** A valid huisverbod, not broken, with the default end date. */
    private static Map<String, Object> huisverbod() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registratienummer", "HV-2026/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("soort", "huisverbod");
        body.put("adresId", ADDRESS);
        body.put("datum", "2026-03-02");
        body.put("overtreden", false);
        return body;
    }

    @Test
    void aLokaalTeamRecordsASignaal() throws Exception {
        Map<String, Object> body = signaal();

        MockHttpServletResponse response = register(lokaalTeam, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/gemeenteregistraties/")))
                .andExpect(jsonPath("$.soort").value("signaal"))
                .andExpect(jsonPath("$.datum").value("2026-03-02"))
                .andExpect(jsonPath("$.gemeente").value("GM0118"))
                .andExpect(jsonPath("$.ernst").value("S2"))
                .andExpect(jsonPath("$.kinderenAanwezig").value(true))
                .andExpect(jsonPath("$.geweldsvormen")
                        .value(containsInAnyOrder("partnergeweld", "kindermishandeling-getuige")))
                .andExpect(jsonPath("$.einddatum").doesNotExist())
                .andReturn()
                .getResponse();
        String id = json.readTree(response.getContentAsString()).get("id").asString();

        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/gemeenteregistraties/" + id);
        assertThat(jdbc.queryForMap(
                        "select organisation, gemeente_code, kind, severity, children_present, huisverbod_ends_on,"
                                + " address_id::text from municipal_record where id = ?::uuid",
                        id))
                .containsEntry("organisation", "gemeente-hoogeveen")
                .containsEntry("gemeente_code", "GM0118")
                .containsEntry("kind", "signaal")
                .containsEntry("severity", "S2")
                .containsEntry("children_present", true)
                .containsEntry("huisverbod_ends_on", null)
                .containsEntry("address_id", ADDRESS);
        assertThat(jdbc.queryForList(
                        "select code from municipal_record_violence_type where record_id = ?::uuid", String.class, id))
                .containsExactlyInAnyOrder("partnergeweld", "kindermishandeling-getuige");
        assertThat(logged(id, "AANMAKEN", "gemeenteregistraties.registreren")).isEqualTo(1);
    }

    @Test
    void aNewRecordIsCountedInTheAreaScansAnonymousTallies() throws Exception {
        long before = tally("record_tally", "GEMEENTE_SIGNAAL");
        long typesBefore = tally("record_tally_violence_type", "GEMEENTE_SIGNAAL");
        long huisverbodenBefore = tally("record_tally", "HUISVERBOD");

        String id = created(signaal());
        register(lokaalTeam, signaal()).andExpect(status().isCreated());
        created(huisverbod());

        assertThat(tally("record_tally", "GEMEENTE_SIGNAAL")).isEqualTo(before + 2);
        assertThat(tally("record_tally_violence_type", "GEMEENTE_SIGNAAL")).isEqualTo(typesBefore + 4);
        assertThat(tally("record_tally", "HUISVERBOD")).isEqualTo(huisverbodenBefore + 1);
        // Resubmitting the same record counts nothing.
        mvc.perform(get("/api/v1/gemeenteregistraties/" + id).with(lokaalTeam.api()))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject(
                        // Other tests count signals of that month too: some cell of it must carry the children.
                        "select bool_or(children_present) from record_tally where source = 'GEMEENTE_SIGNAAL'"
                                + " and month = date '2026-03-01' and gemeente_code = 'GM0118'",
                        Boolean.class))
                .isTrue();
    }

    private long tally(String table, String source) {
        return jdbc.queryForObject(
                "select coalesce(sum(records), 0) from " + table + " where source = ? and gemeente_code = 'GM0118'",
                Long.class,
                source);
    }

    @Test
    void theBurgemeestersOfficeRecordsAHuisverbodThatLastsTenDaysByDefault() throws Exception {
        String id = created(huisverbod());

        mvc.perform(get("/api/v1/gemeenteregistraties/" + id).with(lokaalTeam.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.soort").value("huisverbod"))
                .andExpect(jsonPath("$.datum").value("2026-03-02"))
                .andExpect(jsonPath("$.einddatum").value("2026-03-12"))
                .andExpect(jsonPath("$.overtreden").value(false))
                .andExpect(jsonPath("$.ernst").doesNotExist())
                .andExpect(jsonPath("$.geweldsvormen").isEmpty());

        assertThat(logged(id, "LEZEN", "gemeenteregistratie.lezen")).isEqualTo(1);
    }

    @Test
    void anExtendedAndBrokenHuisverbodKeepsItsDates() throws Exception {
        Map<String, Object> body = huisverbod();
        body.put("einddatum", "2026-03-30");
        body.put("overtreden", true);
        body.put("overtredenOp", "2026-03-20");

        register(lokaalTeam, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.einddatum").value("2026-03-30"))
                .andExpect(jsonPath("$.overtreden").value(true))
                .andExpect(jsonPath("$.overtredenOp").value("2026-03-20"));
    }

    @Test
    void theSameRegistrationAgainReturnsTheStoredRecordAndStoresNothing() throws Exception {
        Map<String, Object> body = signaal();
        String id = created(body);
        // The violence types in another order are the same content.
        body.put("geweldsvormen", List.of("kindermishandeling-getuige", "partnergeweld"));

        register(lokaalTeam, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));

        assertThat(recordsNumbered(body)).isEqualTo(1);
        assertThat(logged(id, "LEZEN", "gemeenteregistraties.registreren")).isEqualTo(1);
    }

    @Test
    void aHuisverbodWithItsDefaultEndDateSentExplicitlyIsTheSameRecord() throws Exception {
        Map<String, Object> body = huisverbod();
        String id = created(body);
        body.put("einddatum", "2026-03-12");

        register(lokaalTeam, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void theSameNumberWithOtherContentIsAConflictAndChangesNothing() throws Exception {
        Map<String, Object> body = signaal();
        String id = created(body);
        body.put("ernst", "S3");

        expectProblem(register(lokaalTeam, body), 409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("registratienummer bestaat al")));

        assertThat(recordsNumbered(body)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select severity from municipal_record where id = ?::uuid", String.class, id))
                .isEqualTo("S2");
    }

    @Test
    void twoIdenticalRegistrationsAtOnceStoreOneRecord() throws Exception {
        Map<String, Object> body = huisverbod();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> submit = () -> {
            start.await();
            return register(lokaalTeam, body).andReturn().getResponse().getStatus();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(submit);
            Future<Integer> second = pool.submit(submit);
            start.countDown();

            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 200);
        } finally {
            pool.shutdown();
        }
        assertThat(recordsNumbered(body)).isEqualTo(1);
    }

    @Test
    void everyMissingRequiredFieldOfASignaalIsNamedAtOnce() throws Exception {
        expectRefused(
                Map.of("soort", "signaal"),
                "registratienummer",
                "adresId",
                "datum",
                "geweldsvormen",
                "ernst",
                "kinderenAanwezig");
    }

    @Test
    void everyMissingRequiredFieldOfAHuisverbodIsNamedAtOnce() throws Exception {
        expectRefused(Map.of("soort", "huisverbod"), "registratienummer", "adresId", "datum", "overtreden");
    }

    @Test
    void aMissingOrUnknownKindIsRefused() throws Exception {
        Map<String, Object> body = signaal();
        body.remove("soort");
        expectRefused(body, "soort");

        body.put("soort", "melding");
        expectRefused(body, "soort")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.soort.format"));
    }

    @Test
    void wrongValuesInManyFieldsOfASignaalAreReportedTogether() throws Exception {
        Map<String, Object> body = signaal();
        body.put("registratienummer", "LT 01?");
        body.put("datum", TODAY.plusDays(1).toString());
        body.put("geweldsvormen", List.of("partnergeweld", "bestaat-niet"));
        body.put("ernst", "S4");
        body.put("toelichting", "x".repeat(1001));
        body.put("einddatum", "2026-03-12");
        body.put("overtreden", false);

        expectRefused(
                        body,
                        "registratienummer",
                        "datum",
                        "geweldsvormen[1]",
                        "ernst",
                        "toelichting",
                        "einddatum",
                        "overtreden")
                .andExpect(
                        jsonPath("$.invalidParams[?(@.name == 'datum')].code").value("validation.datum.future"))
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'einddatum')].code")
                        .value("validation.soort.alleenHuisverbod"));
    }

    @Test
    void signaalFieldsOnAHuisverbodAreRefused() throws Exception {
        Map<String, Object> body = huisverbod();
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", "S1");
        body.put("kinderenAanwezig", false);

        expectRefused(body, "geweldsvormen", "ernst", "kinderenAanwezig")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.soort.alleenSignaal"));
    }

    @Test
    void anEndDateBeyondFourWeeksOrNotAfterTheStartIsRefused() throws Exception {
        Map<String, Object> body = huisverbod();
        body.put("einddatum", "2026-03-31");
        expectRefused(body, "einddatum")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.einddatum.range"));

        body.put("einddatum", "2026-03-02");
        expectRefused(body, "einddatum");
    }

    @Test
    void aBreachNeedsItsDayWithinTheTermAndNotInTheFuture() throws Exception {
        Map<String, Object> body = huisverbod();
        body.put("overtreden", true);
        expectRefused(body, "overtredenOp")
                .andExpect(jsonPath("$.invalidParams[0].code").value("NotNull"));

        body.put("overtredenOp", "2026-03-13");
        expectRefused(body, "overtredenOp")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.overtredenOp.range"));

        body.put("overtreden", false);
        body.put("overtredenOp", "2026-03-05");
        expectRefused(body, "overtredenOp")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.overtredenOp.notBroken"));

        body = huisverbod();
        body.put("datum", TODAY.toString());
        body.put("overtreden", true);
        body.put("overtredenOp", TODAY.plusDays(1).toString());
        expectRefused(body, "overtredenOp")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.overtredenOp.future"));
    }

    @Test
    void anAddressInAnotherGemeenteIsRefusedLikeAnUnknownOne() throws Exception {
        Map<String, Object> body = signaal();
        body.put("adresId", ADDRESS_ELSEWHERE);
        String elsewhere = expectRefused(body, "adresId")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.adresId.unknownInGemeente"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        body.put("adresId", UUID.randomUUID().toString());
        String unknown =
                expectRefused(body, "adresId").andReturn().getResponse().getContentAsString();

        // The same answer, so the refusal reveals nothing about addresses in other gemeenten.
        assertThat(json.readTree(elsewhere).get("invalidParams"))
                .isEqualTo(json.readTree(unknown).get("invalidParams"));

        body.put("adresId", "Signaalstraat 3");
        expectRefused(body, "adresId")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.adresId.format"));
    }

    @Test
    void aProfessionalOfAnotherGemeenteCannotRecordHere() throws Exception {
        Requests zwolle = new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-zwolle", null, "GM0193");

        long before = records();
        expectProblem(register(zwolle, signaal()), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("adresId"));
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void anAccountWithoutAGemeenteIsRefused() throws Exception {
        Requests noGemeente = Requests.as(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen");

        long before = records();
        expectProblem(register(noGemeente, signaal()), 403);
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void wrongJsonTypesAndMalformedJsonAreRefused() throws Exception {
        Map<String, Object> body = signaal();
        body.put("kinderenAanwezig", "misschien");
        expectRefused(body, "kinderenAanwezig");

        body = signaal();
        body.put("datum", "2 maart");
        expectRefused(body, "datum");

        long before = records();
        expectProblem(registerRaw(lokaalTeam, "{\"registratienummer\": "), 400);
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsRecordIsNotFoundAndTheAttemptIsLoggedAsARefusal() throws Exception {
        String id = created(signaal());
        Requests wijkteam = new Requests(Role.GEMEENTE_MEDEWERKER, "wijkteam-hoogeveen-noord", null, "GM0118");
        long logBefore = jdbc.queryForObject("select count(*) from access_log", Long.class);

        expectProblem(mvc.perform(get("/api/v1/gemeenteregistraties/" + id).with(wijkteam.api())), 404);

        assertThat(jdbc.queryForObject("select count(*) from access_log", Long.class))
                .isEqualTo(logBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select kind from access_log where object_id = ? order by id desc limit 1", String.class, id))
                .isEqualTo("GEWEIGERD");
        expectProblem(mvc.perform(get("/api/v1/gemeenteregistraties/geen-id").with(lokaalTeam.api())), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("id"));
    }

    @Test
    void policeAndVeiligThuisCannotRecordOrRead() throws Exception {
        String id = created(signaal());
        for (Role role : List.of(Role.POLITIE_MEDEWERKER, Role.VT_MEDEWERKER, Role.VT_SUPERVISOR)) {
            Requests other = new Requests(role, "gemeente-hoogeveen", "VT03", "GM0118");
            long before = records();

            expectProblem(register(other, signaal()), 403);
            expectProblem(mvc.perform(get("/api/v1/gemeenteregistraties/" + id).with(other.api())), 403);

            assertThat(records()).isEqualTo(before);
        }
    }

    @Test
    void aSignaalCountsAsAnIncidentAndAHuisverbodByItsFlags() throws Exception {
        String signaal = created(signaal());
        Map<String, Object> broken = huisverbod();
        broken.put("overtreden", true);
        broken.put("overtredenOp", "2026-03-04");
        String huisverbod = created(broken);

        List<ColourRecord> records = colourRecords.recordsAt(new AddressId(UUID.fromString(ADDRESS)));
        ColourRecord s =
                records.stream().filter(r -> r.id().equals(signaal)).findFirst().orElseThrow();
        ColourRecord h = records.stream()
                .filter(r -> r.id().equals(huisverbod))
                .findFirst()
                .orElseThrow();

        assertThat(s.source()).isEqualTo(RecordSource.GEMEENTE_SIGNAAL);
        assertThat(s.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(s.severity()).isEqualTo(Severity.S2);
        assertThat(s.childrenPresent()).isTrue();
        assertThat(s.huisverbodImposed()).isFalse();
        assertThat(s.personKeys()).isEmpty();
        assertThat(h.source()).isEqualTo(RecordSource.HUISVERBOD);
        assertThat(h.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(h.huisverbodImposed()).isTrue();
        assertThat(h.huisverbodBroken()).isTrue();
        assertThat(h.acuteOnveiligheid()).isFalse();
    }

    @Test
    void theOpenApiDocumentListsTheKindsAsAnEnum() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/gemeenteregistraties'].post").exists())
                .andExpect(jsonPath("$.paths['/gemeenteregistraties/{id}'].get").exists())
                .andExpect(jsonPath("$.components.schemas.GemeenteRegistratie.properties.soort.enum")
                        .value(containsInAnyOrder("signaal", "huisverbod")));
    }

    private String created(Map<String, Object> body) throws Exception {
        String response = register(lokaalTeam, body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    /** A 400 naming exactly these fields, and nothing stored. */
    private ResultActions expectRefused(Map<String, Object> body, String... fields) throws Exception {
        long before = records();
        long typesBefore = jdbc.queryForObject("select count(*) from municipal_record_violence_type", Long.class);

        ResultActions result = expectProblem(register(lokaalTeam, body), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder((Object[]) fields)));

        assertThat(records()).as("records stored").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from municipal_record_violence_type", Long.class))
                .isEqualTo(typesBefore);
        return result;
    }

    private long records() {
        return jdbc.queryForObject("select count(*) from municipal_record", Long.class);
    }

    private long recordsNumbered(Map<String, Object> body) {
        return jdbc.queryForObject(
                "select count(*) from municipal_record where registration_number = ?",
                Long.class,
                body.get("registratienummer"));
    }

    private long logged(String id, String kind, String action) {
        return jdbc.queryForObject(
                "select count(*) from access_log where object_type = 'gemeenteregistratie' and object_id = ?"
                        + " and kind = ? and action = ? and actor_subject = ?",
                Long.class,
                id,
                kind,
                action,
                Requests.SUBJECT);
    }

    private ResultActions register(Requests who, Map<String, Object> body) throws Exception {
        return registerRaw(who, json.writeValueAsString(body));
    }

    private ResultActions registerRaw(Requests who, String body) throws Exception {
        return mvc.perform(post("/api/v1/gemeenteregistraties")
                .with(who.api())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}
