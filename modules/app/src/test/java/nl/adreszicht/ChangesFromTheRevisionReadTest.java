package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 over the wire, for the inzage and destruction requests, the break-the-glass review, the approval of a
 * colour lowering, the status of a case's action, and a case's triage, plan, minutes and closing: each change of an existing resource names the revision it changes in {@code If-Match}. Without it
 * the answer is 428; with a revision someone else already changed, 412 and nothing changes (read back); with the
 * revision read, 200 and the new ETag, which the next read answers too. Two changes sent at once from one ETag: exactly
 * one applies.
 */
class ChangesFromTheRevisionReadTest extends OverTheWire {

    private static final Requests OFFICER = new Requests(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests POLICE_OFFICER =
            new Requests(Role.PRIVACY_OFFICER, "politie-noord-nederland", null, null);
    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests SUPERVISOR = new Requests(Role.VT_SUPERVISOR, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final Requests PROCESREGISSEUR = new Requests(Role.ZVH_PROCESREGISSEUR, "zvh-drenthe", "VT03", null);

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock.Settable clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void anInzageverzoekChangesOnlyFromTheRevisionItsReadAnswered() {
        String officer = token(OFFICER, "c1d2e3f4-0000-4000-8000-00000000e7a1");
        String id = inzageverzoek(officer);
        String path = "/api/v1/inzageverzoeken/" + id;
        Wire.Response read = call("GET", path, officer, null, null);
        assertThat(read.header("ETag")).contains("\"1\"");
        String reason = "{\"reden\": \"Veel registraties bij drie organisaties na te gaan.\"}";

        Wire.Response without = call("POST", path + "/verlenging", officer, null, reason);
        assertThat(without.status()).isEqualTo(428);
        assertThat(without.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(call("POST", path + "/verlenging", officer, "\"7\"", reason).status())
                .isEqualTo(412);
        assertThat(call("POST", path + "/verlenging", officer, "versie 1", reason)
                        .status())
                .isEqualTo(400);
        assertThat(json(call("GET", path, officer, null, null)).get("verlengd").asBoolean())
                .as("nothing changed")
                .isFalse();

        Wire.Response extended = call("POST", path + "/verlenging", officer, "\"1\"", reason);
        assertThat(extended.status()).isEqualTo(200);
        assertThat(extended.header("ETag")).contains("\"2\"");
        assertThat(json(extended).get("verlengd").asBoolean()).isTrue();

        // A retry of the same completion with the ETag read before it applied: refused, not applied twice.
        Wire.Response completed = call("POST", path + "/afronding", officer, "\"2\"", null);
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.header("ETag")).contains("\"3\"");
        assertThat(call("POST", path + "/afronding", officer, "\"2\"", null).status())
                .isEqualTo(412);
        Wire.Response after = call("GET", path, officer, null, null);
        assertThat(after.header("ETag")).contains("\"3\"");
        assertThat(json(after).get("status").asString()).isEqualTo("afgerond");
    }

    @Test
    void twoExtensionsFromOneEtagAtOnceApplyExactlyOnce() throws Exception {
        String officer = token(OFFICER, "c1d2e3f4-0000-4000-8000-00000000e7a2");
        String id = inzageverzoek(officer);
        String path = "/api/v1/inzageverzoeken/" + id;
        String etag = call("GET", path, officer, null, null).header("ETag").orElseThrow();
        String dueBefore =
                json(call("GET", path, officer, null, null)).get("uiterlijk").asString();

        List<Integer> statuses = atOnce(
                () -> call("POST", path + "/verlenging", officer, etag, "{\"reden\": \"Eerste verlenging, zaak A.\"}")
                        .status(),
                () -> call("POST", path + "/verlenging", officer, etag, "{\"reden\": \"Tweede verlenging, zaak B.\"}")
                        .status());

        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode after = json(call("GET", path, officer, null, null));
        assertThat(after.get("uiterlijk").asString())
                .as("extended once, by two months")
                .isEqualTo(java.time.LocalDate.parse(dueBefore).plusMonths(2).toString());
        assertThat(jdbc.queryForObject("SELECT revision FROM inzageverzoek WHERE id = ?::uuid", Long.class, id))
                .isEqualTo(2L);
    }

    @Test
    void aVernietigingsaanvraagIsDecidedFromTheEtagItsListShows() {
        // The police's officer: the request is about a police incident, which only its own organisation destroys.
        String officer = token(POLICE_OFFICER, "c1d2e3f4-0000-4000-8000-00000000e7a3");
        String address = address("GM0118");
        String incident = incident(address, "S3");
        Wire.Response created = call(
                "POST",
                "/api/v1/vernietigingsaanvragen",
                officer,
                null,
                "{\"bron\": \"politie-incident\", \"registratieId\": \"" + incident + "\", \"ontvangenOp\": \""
                        + TestClock.TODAY + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"1\"");
        String id = json(created).get("id").asString();
        String path = "/api/v1/vernietigingsaanvragen/" + id + "/weigering";
        String grounds = "{\"gronden\": \"Wettelijke bewaarplicht: strafrechtelijk onderzoek loopt.\"}";
        assertThat(listed(officer, id).get("etag").asString()).isEqualTo("\"1\"");

        assertThat(call("POST", path, officer, null, grounds).status()).isEqualTo(428);
        assertThat(call("POST", path, officer, "\"2\"", grounds).status()).isEqualTo(412);
        assertThat(listed(officer, id).get("status").asString())
                .as("nothing changed")
                .isEqualTo("ontvangen");

        Wire.Response refused = call("POST", path, officer, "\"1\"", grounds);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.header("ETag")).contains("\"2\"");
        assertThat(json(refused).get("etag").asString()).isEqualTo("\"2\"");
        // Carrying it out from the revision before the refusal: refused as stale, and the record is still there.
        assertThat(call(
                                "POST",
                                "/api/v1/vernietigingsaanvragen/" + id + "/uitvoering",
                                officer,
                                "\"1\"",
                                "{\"reden\": \"Verzoek AVG art. 17 toegewezen, zaak PRIV-9.\"}")
                        .status())
                .isEqualTo(412);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident WHERE id = ?::uuid", Integer.class, incident))
                .isOne();
        assertThat(listed(officer, id).get("etag").asString()).isEqualTo("\"2\"");
    }

    @Test
    void aDoorbraakIsReviewedFromTheEtagOfTheQueue() {
        String professional = token(VT, "c1d2e3f4-0000-4000-8000-00000000e7a4");
        String supervisor = token(SUPERVISOR, "c1d2e3f4-0000-4000-8000-00000000e7a5");
        String zwolle = address("GM0193");
        Wire.Response granted = call(
                "POST",
                "/api/v1/adressen/" + zwolle + "/doorbraken",
                professional,
                null,
                "{\"reden\": \"Acute zorg om het jongste kind.\"}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.header("ETag")).contains("\"1\"");
        String id = json(granted).get("id").asString();
        String path = "/api/v1/doorbraken/" + id + "/beoordeling";
        String verdict = "{\"oordeel\": \"terecht\"}";

        assertThat(call("POST", path, supervisor, null, verdict).status()).isEqualTo(428);
        assertThat(call("POST", path, supervisor, "\"2\"", verdict).status()).isEqualTo(412);
        JsonNode queued = queued(supervisor, id);
        assertThat(queued.get("oordeel").isNull()).as("nothing changed").isTrue();
        assertThat(queued.get("etag").asString()).isEqualTo("\"1\"");

        Wire.Response reviewed =
                call("POST", path, supervisor, queued.get("etag").asString(), verdict);
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.header("ETag")).contains("\"2\"");
        assertThat(queued(supervisor, id).get("oordeel").asString()).isEqualTo("terecht");
    }

    @Test
    void aKleurverlagingIsApprovedFromTheEtagOfTheList() {
        String professional = token(VT, "c1d2e3f4-0000-4000-8000-00000000e7a6");
        String supervisor = token(SUPERVISOR, "c1d2e3f4-0000-4000-8000-00000000e7a7");
        String address = address("GM0118");
        incident(address, "S2"); // yellow
        AfterCommit.awaitListenersDone(jdbc, address);
        Wire.Response proposed = call(
                "POST",
                "/api/v1/adressen/" + address + "/kleurverlagingen",
                professional,
                null,
                "{\"doelkleur\": \"GREEN\", \"reden\": \"Gezin werkt mee, hulpverlening loopt goed.\","
                        + " \"herbeoordelingsdatum\": \"" + TestClock.TODAY.plusMonths(1) + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.header("ETag")).contains("\"1\"");
        String id = json(proposed).get("id").asString();
        String path = "/api/v1/adressen/" + address + "/kleurverlagingen/" + id + "/goedkeuring";

        assertThat(call("POST", path, supervisor, null, null).status()).isEqualTo(428);
        assertThat(call("POST", path, supervisor, "\"2\"", null).status()).isEqualTo(412);
        JsonNode listed = lowering(professional, address, id);
        assertThat(listed.get("status").asString()).as("nothing changed").isEqualTo("voorgesteld");

        Wire.Response approved =
                call("POST", path, supervisor, listed.get("etag").asString(), null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.header("ETag")).contains("\"2\"");
        assertThat(lowering(professional, address, id).get("status").asString()).isEqualTo("goedgekeurd");
        assertThat(lowering(professional, address, id).get("etag").asString()).isEqualTo("\"2\"");
    }

    @Test
    void anActionsStatusChangesFromTheEtagOfItsList() {
        // The matrix's casusoverleg fixture at an address of its own: a running case with an action of the
        // professional's organisation. The case is reset, so run in the context no other test writes it at once.
        String address = address("GM0118");
        CasusoverlegMatrix.reset(
                new JdbcTemplate(postgres.getPostgresDatabase()), address, "c1d2e3f4-0000-4000-8000-00000000e7a8");
        String professional =
                token(new Requests(Role.KETENPARTNER, "veilig-thuis-drenthe", "VT03", "GM0118"), Requests.SUBJECT);
        String id = CasusoverlegMatrix.ACTIE_ID;
        String path = "/api/v1/acties/" + id + "/statuswijzigingen";
        String started = "{\"status\": \"gestart\", \"toelichting\": \"Eerste gesprek gepland.\"}";
        JsonNode listed = action(professional, id);
        assertThat(listed.get("etag").asString()).isEqualTo("\"1\"");

        assertThat(call("POST", path, professional, null, started).status()).isEqualTo(428);
        assertThat(call("POST", path, professional, "\"2\"", started).status()).isEqualTo(412);
        assertThat(action(professional, id).get("status").asString())
                .as("nothing changed")
                .isEqualTo("open");

        Wire.Response changed = call("POST", path, professional, "\"1\"", started);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).contains("\"2\"");
        assertThat(action(professional, id).get("status").asString()).isEqualTo("gestart");
        assertThat(action(professional, id).get("etag").asString()).isEqualTo("\"2\"");
        // The same change again from the revision it was made on: stale, not applied twice.
        assertThat(call("POST", path, professional, "\"1\"", "{\"status\": \"gereed\"}")
                        .status())
                .isEqualTo(412);
        assertThat(action(professional, id).get("status").asString()).isEqualTo("gestart");
    }

    @Test
    void aCaseIsTriagedPlannedMinutedAndClosedFromTheEtagItsReadAnswered() {
        // Coevorden: no other test has cases or meetings there, so nothing else moves this case or its agenda.
        String address = address("GM0109");
        incident(address, "S2");
        String police = token(POLICE);
        String regisseur = token(PROCESREGISSEUR, "c1d2e3f4-0000-4000-8000-00000000e7b1");
        Wire.Response referred = call("POST", "/api/v1/aanmeldingen", police, null, """
                {"adresId": "%s", "reden": "Herhaald geweld; kinderen zijn getuige."}""".formatted(address));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        assertThat(referred.header("ETag")).contains("\"1\"");
        String id = json(referred).get("id").asString();

        // Triage (a referral is the case's row from referral to closing).
        String referral = "/api/v1/aanmeldingen/" + id;
        String accept = "{\"besluit\": \"accepteren\", \"partners\": [\"reclassering-drenthe\"]}";
        assertThat(call("POST", referral + "/triage", regisseur, null, accept).status())
                .isEqualTo(428);
        assertThat(call("POST", referral + "/triage", regisseur, "\"7\"", accept)
                        .status())
                .isEqualTo(412);
        Wire.Response unchanged = call("GET", referral, regisseur, null, null);
        assertThat(json(unchanged).get("status").asString())
                .as("nothing changed")
                .isEqualTo("aangemeld");
        assertThat(unchanged.header("ETag")).contains("\"1\"");
        Wire.Response triaged = call("POST", referral + "/triage", regisseur, "\"1\"", accept);
        assertThat(triaged.status()).as(triaged.body()).isEqualTo(200);
        assertThat(triaged.header("ETag")).contains("\"2\"");
        assertThat(call("GET", referral, regisseur, null, null).header("ETag")).contains("\"2\"");
        // The same decision again from the ETag it was taken on: 412 (its Idempotency-Key is the way to retry).
        assertThat(call("POST", referral + "/triage", regisseur, "\"1\"", accept)
                        .status())
                .isEqualTo(412);

        // The plan lives on the case: GET of the plan and of the case answer the case's ETag.
        String path = "/api/v1/casussen/" + id;
        String caseEtag =
                call("GET", path, regisseur, null, null).header("ETag").orElseThrow();
        assertThat(call("GET", path + "/plan", regisseur, null, null).header("ETag"))
                .contains(caseEtag);
        String plan = """
                {"doelen": [{"soort": "veiligheid", "omschrijving": "Geen geweld meer in het gezin."}],
                 "regisseurOrganisatie": "reclassering-drenthe", "regisseurNaam": "R. de Regisseur",
                 "herbeoordelingsdatum": "%s"}""".formatted(TestClock.TODAY.plusMonths(3));
        assertThat(call("POST", path + "/plan", regisseur, null, plan).status()).isEqualTo(428);
        assertThat(call("POST", path + "/plan", regisseur, "\"1\"", plan).status())
                .isEqualTo(412);
        assertThat(json(call("GET", path + "/plan", regisseur, null, null))
                        .get("doelen")
                        .size())
                .as("nothing changed")
                .isZero();
        Wire.Response planned = call("POST", path + "/plan", regisseur, caseEtag, plan);
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        String plannedEtag = planned.header("ETag").orElseThrow();
        assertThat(plannedEtag).isNotEqualTo(caseEtag);
        assertThat(call("GET", path, regisseur, null, null).header("ETag")).contains(plannedEtag);

        // Minutes: an agenda item has no GET of its own; the meeting shows its ETag.
        Wire.Response meeting = call("POST", "/api/v1/overleggen", regisseur, null, """
                {"datum": "%s", "aanvang": "16:45", "gemeenten": ["GM0109"]}""".formatted(TestClock.TODAY));
        assertThat(meeting.status()).as(meeting.body()).isIn(200, 201);
        String meetingId = json(meeting).get("id").asString();
        JsonNode agenda = json(call(
                        "POST",
                        "/api/v1/overleggen/" + meetingId + "/geheimhoudingsverklaringen",
                        regisseur,
                        null,
                        null))
                .get("agenda");
        JsonNode item = find(agenda, id, "casusId");
        String itemEtag = item.get("etag").asString();
        String minutes = "/api/v1/overleggen/" + meetingId + "/casussen/" + id + "/verslag";
        String said = "{\"besluiten\": \"Regie bij reclassering.\", \"risico\": \"hoog\"}";
        assertThat(call("POST", minutes, regisseur, null, said).status()).isEqualTo(428);
        assertThat(call("POST", minutes, regisseur, "\"99\"", said).status()).isEqualTo(412);
        assertThat(find(
                                json(call("GET", "/api/v1/overleggen/" + meetingId, regisseur, null, null))
                                        .get("agenda"),
                                id,
                                "casusId")
                        .get("verslag")
                        .isNull())
                .as("nothing changed")
                .isTrue();
        Wire.Response minuted = call("POST", minutes, regisseur, itemEtag, said);
        assertThat(minuted.status()).as(minuted.body()).isEqualTo(200);
        String minutedEtag = minuted.header("ETag").orElseThrow();
        assertThat(minutedEtag)
                .isNotEqualTo(itemEtag)
                .isEqualTo(json(minuted).get("etag").asString());
        assertThat(find(
                                json(call("GET", "/api/v1/overleggen/" + meetingId, regisseur, null, null))
                                        .get("agenda"),
                                id,
                                "casusId")
                        .get("etag")
                        .asString())
                .isEqualTo(minutedEtag);

        // The minutes changed the case too (it shows them): a closing from the plan's ETag is stale.
        String close = "{\"uitkomst\": \"veiligheid-bereikt\"}";
        String currentEtag =
                call("GET", path, regisseur, null, null).header("ETag").orElseThrow();
        assertThat(currentEtag).isNotEqualTo(plannedEtag);
        assertThat(call("POST", path + "/afsluiting", regisseur, null, close).status())
                .isEqualTo(428);
        assertThat(call("POST", path + "/afsluiting", regisseur, plannedEtag, close)
                        .status())
                .isEqualTo(412);
        assertThat(json(call("GET", path, regisseur, null, null)).get("status").asString())
                .as("nothing changed")
                .isEqualTo("lopend");
        Wire.Response closed = call("POST", path + "/afsluiting", regisseur, currentEtag, close);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        String closedEtag = closed.header("ETag").orElseThrow();
        assertThat(closedEtag).isNotEqualTo(currentEtag);
        assertThat(call("GET", path, regisseur, null, null).header("ETag")).contains(closedEtag);
        // Closing again from the ETag it was closed on: 412; from the closed one, the case as it is.
        assertThat(call("POST", path + "/afsluiting", regisseur, currentEtag, close)
                        .status())
                .isEqualTo(412);
        assertThat(call("POST", path + "/afsluiting", regisseur, closedEtag, close)
                        .status())
                .isEqualTo(200);
    }

    private JsonNode find(JsonNode list, String id, String field) {
        for (JsonNode item : list) {
            if (item.get(field).asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private JsonNode action(String professional, String id) {
        Wire.Response mine = call("GET", "/api/v1/acties", professional, null, null);
        assertThat(mine.status()).isEqualTo(200);
        for (JsonNode item : json(mine).get("eigen")) {
            if (item.get("actie").get("id").asString().equals(id)) {
                return item.get("actie");
            }
        }
        throw new AssertionError(id + " not in " + mine.body());
    }

    private String inzageverzoek(String officer) {
        String address = address("GM0118");
        Wire.Response created = call(
                "POST",
                "/api/v1/inzageverzoeken",
                officer,
                null,
                "{\"ontvangenOp\": \"" + TestClock.TODAY + "\", \"naam\": \"Sam Versie\", \"geboortedatum\":"
                        + " \"2016-03-01\", \"adresId\": \"" + address + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag")).contains("\"1\"");
        return json(created).get("id").asString();
    }

    private String incident(String address, String severity) {
        Wire.Response created = call("POST", "/api/v1/incidenten", token(POLICE), null, """
                {"registratienummer": "ETAG-%s", "tijdstip": "2026-06-01T21:30:00+02:00", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "%s", "kinderenAanwezig": false, "letsel": false,
                 "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
                 "huisverbodOvertreden": false, "betrokkenen": [{"rol": "pleger", "naam": "Piet Versie"}]}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8), address, severity));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private JsonNode listed(String officer, String id) {
        return find(call("GET", "/api/v1/vernietigingsaanvragen", officer, null, null), id);
    }

    private JsonNode queued(String supervisor, String id) {
        return find(call("GET", "/api/v1/doorbraken", supervisor, null, null), id);
    }

    private JsonNode lowering(String reader, String address, String id) {
        return find(call("GET", "/api/v1/adressen/" + address + "/kleurverlagingen", reader, null, null), id);
    }

    private JsonNode find(Wire.Response list, String id) {
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode item : json(list)) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + list.body());
    }

    private String address(String gemeente) {
        return new TestAddresses(postgres.getPostgresDatabase())
                .create(gemeente)
                .toString();
    }

    private Wire.Response call(
            String method, String path, String token, @Nullable String ifMatch, @Nullable String body) {
        Wire.Call call = wire().call(method, path).bearer(token);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        if (body != null) {
            call.json(body);
        } else if (method.equals("POST")) {
            call.json("{}");
        }
        return call.send();
    }

    private JsonNode json(Wire.Response response) {
        return json.readTree(response.body());
    }

    private static String token(Requests professional, String subject) {
        Map<String, Object> claims = new HashMap<>(claims(professional));
        claims.put("sub", subject);
        return ISSUER.accessToken(claims);
    }

    @SafeVarargs
    private static List<Integer> atOnce(Callable<Integer>... calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sent = new java.util.ArrayList<>();
            for (Callable<Integer> call : calls) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : sent) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }
}
