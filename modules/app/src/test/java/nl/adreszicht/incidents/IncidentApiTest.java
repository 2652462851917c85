package nl.adreszicht.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
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
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.persons.PersonKeys;
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
 * Registering and reading police incidents over the API, on PostgreSQL: what is stored, idempotent resubmits,
 * conflicts, every kind of bad input (reported at once, nothing stored), scope, logging and the colour record.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentApiTest {

    static final String ADDRESS = "9c1d2e3f-2222-4d6e-9a51-2b1f0c9d7e11";
    static final String VALID_BSN = "111222333";

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
    IncidentRecords colourRecords;

    private final JsonMapper json = JsonMapper.builder().build();

    private final Requests police = Requests.as(Role.POLITIE_MEDEWERKER, "politie-drenthe");

    @BeforeEach
    void address() {
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                                + " VALUES (?::uuid, '7906AB', 7, 'Incidentstraat', 'Hoogeveen', 'GM0118', true)"
                                + " ON CONFLICT DO NOTHING",
                        ADDRESS);
    }

    /** A valid registration with a registration number of its own. */
    private static Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "registratienummer",
                "PL0100-2026/" + UUID.randomUUID().toString().substring(0, 8));
        body.put("tijdstip", "2026-03-14T22:15:00+01:00");
        body.put("adresId", ADDRESS);
        body.put("geweldsvormen", List.of("partnergeweld", "kindermishandeling-getuige"));
        body.put("ernst", "S2");
        body.put("kinderenAanwezig", true);
        body.put("letsel", false);
        body.put("wapen", false);
        body.put("alcoholDrugs", true);
        body.put("aangifte", false);
        body.put("huisverbodOpgelegd", true);
        body.put("huisverbodOvertreden", false);
        body.put("toelichting", "Ruzie in de woonkamer; buren belden.");
        List<Map<String, Object>> persons = new ArrayList<>();
        persons.add(person("slachtoffer", "partner", "Anna de Vries", "1990-05-01", VALID_BSN));
        persons.add(person("pleger", "partner", "Bert de Vries", "1988-02-11", null));
        body.put("betrokkenen", persons);
        return body;
    }

    private static Map<String, Object> person(String role, String relation, String name, String born, String bsn) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("rol", role);
        person.put("relatie", relation);
        person.put("naam", name);
        person.put("geboortedatum", born);
        person.put("bsn", bsn);
        return person;
    }

    @Test
    void aPoliceOfficerRegistersAnIncident() throws Exception {
        Map<String, Object> body = valid();

        MockHttpServletResponse response = register(police, body)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/v1/incidenten/")))
                .andExpect(jsonPath("$.registratienummer").value(body.get("registratienummer")))
                .andExpect(jsonPath("$.tijdstip").value("2026-03-14T22:15:00+01:00"))
                .andExpect(jsonPath("$.tijdzone").value("Europe/Amsterdam"))
                .andExpect(jsonPath("$.ernst").value("S2"))
                .andExpect(jsonPath("$.geweldsvormen")
                        .value(containsInAnyOrder("partnergeweld", "kindermishandeling-getuige")))
                .andExpect(jsonPath("$.betrokkenen[0].naam").value("Anna de Vries"))
                .andExpect(jsonPath("$.betrokkenen[0].geboortedatum").value("1990-05-01"))
                .andExpect(jsonPath("$.betrokkenen[0].bsn").value("******333"))
                .andExpect(jsonPath("$.betrokkenen[1].bsn").doesNotExist())
                .andExpect(content().string(not(Matchers.containsString(VALID_BSN))))
                .andReturn()
                .getResponse();
        String id = json.readTree(response.getContentAsString()).get("id").asString();

        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/incidenten/" + id);
        assertThat(jdbc.queryForMap(
                        "select organisation, severity, children_present, huisverbod_imposed, occurred_zone, address_id::text"
                                + " from incident where id = ?::uuid",
                        id))
                .containsEntry("organisation", "politie-drenthe")
                .containsEntry("severity", "S2")
                .containsEntry("children_present", true)
                .containsEntry("huisverbod_imposed", true)
                .containsEntry("occurred_zone", "Europe/Amsterdam")
                .containsEntry("address_id", ADDRESS);
        assertThat(jdbc.queryForList(
                        "select bsn from incident_person where incident_id = ?::uuid order by position",
                        String.class,
                        id))
                .containsExactly(VALID_BSN, null);
        assertThat(jdbc.queryForList(
                        "select code from incident_violence_type where incident_id = ?::uuid", String.class, id))
                .containsExactlyInAnyOrder("partnergeweld", "kindermishandeling-getuige");
        assertThat(logged(id, "AANMAKEN", "incidenten.registreren")).isEqualTo(1);
    }

    @Test
    void theSameRegistrationAgainReturnsTheStoredIncidentAndStoresNothing() throws Exception {
        Map<String, Object> body = valid();
        String id = created(body);
        // Another offset for the same instant, and the violence types in another order, are the same content.
        body.put("tijdstip", "2026-03-14T21:15:00Z");
        body.put("geweldsvormen", List.of("kindermishandeling-getuige", "partnergeweld"));

        register(police, body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));

        assertThat(incidentsNumbered(body)).isEqualTo(1);
        assertThat(logged(id, "LEZEN", "incidenten.registreren")).isEqualTo(1);
    }

    @Test
    void theSameNumberWithOtherContentIsAConflictAndChangesNothing() throws Exception {
        Map<String, Object> body = valid();
        String id = created(body);
        body.put("ernst", "S3");

        expectProblem(register(police, body), 409)
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("registratienummer bestaat al")));

        assertThat(incidentsNumbered(body)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select severity from incident where id = ?::uuid", String.class, id))
                .isEqualTo("S2");
    }

    @Test
    void twoIdenticalRegistrationsAtOnceStoreOneIncident() throws Exception {
        Map<String, Object> body = valid();
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> submit = () -> {
            start.await();
            return register(police, body).andReturn().getResponse().getStatus();
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
        assertThat(incidentsNumbered(body)).isEqualTo(1);
    }

    @Test
    void aTimeInTheFutureIsRefused() throws Exception {
        Map<String, Object> body = valid();
        body.put("tijdstip", TestClock.NOW.plusMinutes(10).toString());

        expectRefused(body, "tijdstip");
    }

    @Test
    void aTimeWithinTheClockSkewIsAccepted() throws Exception {
        Map<String, Object> body = valid();
        body.put("tijdstip", TestClock.NOW.plusMinutes(2).toString());

        register(police, body).andExpect(status().isCreated());
    }

    @Test
    void anUnknownViolenceTypeIsRefused() throws Exception {
        Map<String, Object> body = valid();
        body.put("geweldsvormen", List.of("partnergeweld", "bestaat-niet"));

        expectRefused(body, "geweldsvormen[1]")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.geweldsvorm.unknown"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBsnThatFailsTheElfproefIsRefusedByItsPlaceInTheList() throws Exception {
        Map<String, Object> body = valid();
        ((List<Map<String, Object>>) body.get("betrokkenen"))
                .add(person("kind", "kind-ouder", "Cor de Vries", "2018-09-09", "123456789"));

        expectRefused(body, "betrokkenen[2].bsn")
                .andExpect(jsonPath("$.invalidParams[0].reason").value(Matchers.containsString("elfproef")));
    }

    @Test
    void everyMissingRequiredFieldIsNamedAtOnce() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("betrokkenen", List.of(Map.of("relatie", "vriend")));

        expectRefused(
                        body,
                        "registratienummer",
                        "tijdstip",
                        "adresId",
                        "geweldsvormen",
                        "ernst",
                        "kinderenAanwezig",
                        "letsel",
                        "wapen",
                        "alcoholDrugs",
                        "aangifte",
                        "huisverbodOpgelegd",
                        "huisverbodOvertreden",
                        "betrokkenen[0].rol",
                        "betrokkenen[0].relatie",
                        "betrokkenen[0].naam")
                .andExpect(
                        jsonPath("$.invalidParams[?(@.name == 'ernst')].reason").value("Vul dit veld in."));
    }

    @Test
    @SuppressWarnings("unchecked")
    void wrongValuesInManyFieldsAreReportedTogether() throws Exception {
        Map<String, Object> body = valid();
        body.put("registratienummer", "PL 01?");
        body.put("tijdzone", "+01:00");
        body.put("ernst", "S4");
        body.put("toelichting", "x".repeat(1001));
        ((List<Map<String, Object>>) body.get("betrokkenen"))
                .add(person(
                        "buurman",
                        null,
                        "n".repeat(201),
                        TestClock.TODAY.plusDays(2).toString(),
                        "12345"));

        expectRefused(
                        body,
                        "registratienummer",
                        "tijdzone",
                        "ernst",
                        "toelichting",
                        "betrokkenen[2].rol",
                        "betrokkenen[2].naam",
                        "betrokkenen[2].geboortedatum",
                        "betrokkenen[2].bsn")
                .andExpect(jsonPath("$.invalidParams[?(@.name == 'toelichting')].code")
                        .value("validation.toelichting.length"));
    }

    @Test
    void anUnknownOrMalformedAddressIsRefused() throws Exception {
        Map<String, Object> body = valid();
        body.put("adresId", UUID.randomUUID().toString());
        expectRefused(body, "adresId")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.adresId.unknown"));

        body.put("adresId", "Incidentstraat 7");
        expectRefused(body, "adresId")
                .andExpect(jsonPath("$.invalidParams[0].code").value("validation.adresId.format"));
    }

    @Test
    void wrongJsonTypesAndMalformedJsonAreRefused() throws Exception {
        Map<String, Object> body = valid();
        body.put("letsel", "misschien");
        expectRefused(body, "letsel");

        body = valid();
        body.put("tijdstip", "2026-03-14T22:15:00");
        expectRefused(body, "tijdstip");

        long before = incidents();
        expectProblem(registerRaw(police, "{\"registratienummer\": "), 400);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsIncidentIsNotFoundAndTheAttemptIsLoggedAsARefusal() throws Exception {
        String id = created(valid());
        Requests otherPolice = Requests.as(Role.POLITIE_MEDEWERKER, "politie-noord-nederland");
        long logBefore = jdbc.queryForObject("select count(*) from access_log", Long.class);

        expectProblem(mvc.perform(get("/api/v1/incidenten/" + id).with(otherPolice.api())), 404);

        assertThat(jdbc.queryForObject("select count(*) from access_log", Long.class))
                .isEqualTo(logBefore + 1);
        assertThat(logged(id, "GEWEIGERD", "incident.lezen")).isEqualTo(1);
    }

    @Test
    void theOwnOrganisationReadsItsIncidentAndTheReadIsLogged() throws Exception {
        String id = created(valid());

        mvc.perform(get("/api/v1/incidenten/" + id).with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.betrokkenen[0].bsn").value("******333"));

        assertThat(logged(id, "LEZEN", "incident.lezen")).isEqualTo(1);
        expectProblem(mvc.perform(get("/api/v1/incidenten/niet-een-id").with(police.api())), 400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("id"));
    }

    @Test
    void otherRolesCannotRegisterOrRead() throws Exception {
        Requests vt = Requests.as(Role.VT_MEDEWERKER, "politie-drenthe");

        expectProblem(register(vt, valid()), 403);
        expectProblem(mvc.perform(get("/api/v1/incidenten/" + UUID.randomUUID()).with(vt.api())), 403);
    }

    @Test
    void theIncidentCountsInTheColourOfItsAddress() throws Exception {
        Map<String, Object> body = valid();
        String id = created(body);

        ColourRecord record = colourRecords.recordsAt(new AddressId(UUID.fromString(ADDRESS))).stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();

        assertThat(record.source()).isEqualTo(RecordSource.POLITIE_INCIDENT);
        assertThat(record.date()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(record.severity()).isEqualTo(Severity.S2);
        assertThat(record.childrenPresent()).isTrue();
        assertThat(record.huisverbodImposed()).isTrue();
        assertThat(record.huisverbodBroken()).isFalse();
        assertThat(record.acuteOnveiligheid()).isFalse();
        assertThat(record.personKeys())
                .containsExactlyInAnyOrder(
                        PersonKeys.of(new Bsn(VALID_BSN)), PersonKeys.of("bert de vries", LocalDate.of(1988, 2, 11)))
                .noneMatch(key -> key.contains(VALID_BSN) || key.contains("Bert"));
    }

    @Test
    void theLocalDateOfTheColourRecordIsTheDayInTheIncidentsZone() throws Exception {
        Map<String, Object> body = valid();
        // 23:30 UTC on 14 March is already 15 March in Amsterdam.
        body.put("tijdstip", "2026-03-14T23:30:00Z");
        String id = created(body);

        assertThat(colourRecords.recordsAt(new AddressId(UUID.fromString(ADDRESS))).stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .date())
                .isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void theOpenApiDocumentListsTheRolesAndRelationsAsEnums() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/incidenten'].post").exists())
                .andExpect(jsonPath("$.paths['/incidenten/{id}'].get").exists())
                .andExpect(jsonPath("$.components.schemas.IncidentRegistratie.properties.ernst.enum")
                        .value(containsInAnyOrder("S1", "S2", "S3")))
                .andExpect(jsonPath("$.components.schemas.Betrokkene.properties.rol.enum")
                        .value(containsInAnyOrder("slachtoffer", "pleger", "getuige", "kind", "melder")));
    }

    @Test
    void aPoliceOfficerSendsAZorgmeldingOnceAndSeesOnlyItsTerugkoppeling() throws Exception {
        String id = created(valid());
        String concern = "{\"zorgen\": \"Kinderen waren getuige; moeder wil hulp.\"}";

        mvc.perform(post("/api/v1/incidenten/" + id + "/zorgmelding")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(concern))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/incidenten/" + id + "/zorgmelding"))
                .andExpect(jsonPath("$.incidentId").value(id))
                .andExpect(jsonPath("$.terugkoppeling").doesNotExist());
        // The police system retries: the same zorgmelding, not a second one.
        mvc.perform(post("/api/v1/incidenten/" + id + "/zorgmelding")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(concern))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from zorgmelding where incident_id = ?::uuid", Long.class, id))
                .isEqualTo(1);
        mvc.perform(get("/api/v1/incidenten/" + id).with(police.api()))
                .andExpect(jsonPath("$.zorgmelding").value(true));

        // Veilig Thuis gives terugkoppeling (its intake arrives with the Veilig Thuis module): the police see the code.
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "update zorgmelding set feedback_code = 'VT-01-02', feedback_at = now() where incident_id = ?::uuid",
                        id);
        mvc.perform(get("/api/v1/incidenten/" + id + "/zorgmelding").with(police.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terugkoppeling").value("VT-01-02"));
        assertThat(logged(id, "AANMAKEN", "incident.zorgmelding.versturen")).isEqualTo(1);
        assertThat(logged(id, "LEZEN", "incident.zorgmelding.lezen")).isEqualTo(1);
    }

    @Test
    void aZorgmeldingNeedsAConcernAndAnIncidentOfTheCallersOwnOrganisation() throws Exception {
        String id = created(valid());

        expectProblem(
                        mvc.perform(post("/api/v1/incidenten/" + id + "/zorgmelding")
                                .with(police.api())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"zorgen\": \"hulp\"}")),
                        400)
                .andExpect(jsonPath("$.invalidParams[0].name").value("zorgen"));
        expectProblem(
                mvc.perform(post("/api/v1/incidenten/" + id + "/zorgmelding")
                        .with(Requests.as(Role.POLITIE_MEDEWERKER, "politie-oost-nederland")
                                .api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"zorgen\": \"Kinderen waren getuige; moeder wil hulp.\"}")),
                404);
        expectProblem(
                mvc.perform(get("/api/v1/incidenten/" + id + "/zorgmelding").with(police.api())), 404);

        assertThat(jdbc.queryForObject("select count(*) from zorgmelding where incident_id = ?::uuid", Long.class, id))
                .isZero();
        mvc.perform(get("/api/v1/incidenten/" + id).with(police.api()))
                .andExpect(jsonPath("$.zorgmelding").value(false));
    }

    private String created(Map<String, Object> body) throws Exception {
        String response = register(police, body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    /** A 400 naming exactly these fields, and nothing stored. */
    private ResultActions expectRefused(Map<String, Object> body, String... fields) throws Exception {
        long before = incidents();
        long personsBefore = jdbc.queryForObject("select count(*) from incident_person", Long.class);

        ResultActions result = expectProblem(register(police, body), 400)
                .andExpect(jsonPath("$.invalidParams[*].name").value(containsInAnyOrder((Object[]) fields)));

        assertThat(incidents()).as("incidents stored").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from incident_person", Long.class))
                .isEqualTo(personsBefore);
        return result;
    }

    private long incidents() {
        return jdbc.queryForObject("select count(*) from incident", Long.class);
    }

    private long incidentsNumbered(Map<String, Object> body) {
        return jdbc.queryForObject(
                "select count(*) from incident where registration_number = ?",
                Long.class,
                body.get("registratienummer"));
    }

    private long logged(String id, String kind, String action) {
        return jdbc.queryForObject(
                "select count(*) from access_log where object_type = 'incident' and object_id = ? and kind = ?"
                        + " and action = ? and actor_subject = ?",
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
        return mvc.perform(post("/api/v1/incidenten")
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
