package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} as a client meets it, over the wire with signed tokens (ADR 0014): the same key and body
 * answer the first response again and write nothing; another body is 422; a malformed key 400; a failed request
 * stores nothing, so its retry with the same key runs; concurrent requests with one key write once; and every
 * creating endpoint replays. Each test acts as a subject of its own, because keys are scoped per subject.
 */
class IdempotencyOverTheWireTest extends OverTheWire {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118");
    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final Requests GEMEENTE =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");
    private static final Requests VT_PRIVACY =
            new Requests(Role.PRIVACY_OFFICER, "veilig-thuis-drenthe", "VT03", "GM0118");
    private static final Requests POLICE_PRIVACY =
            new Requests(Role.PRIVACY_OFFICER, "politie-noord-nederland", null, null);
    private static final Requests REGISSEUR =
            new Requests(Role.ZVH_PROCESREGISSEUR, "veilig-thuis-drenthe", "VT03", "GM0118");

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    private TestAddresses addresses;
    private String subject;

    @BeforeEach
    void aSubjectOfItsOwn() {
        addresses = new TestAddresses(postgres.getPostgresDatabase());
        subject = UUID.randomUUID().toString();
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstAnswerAndWriteNothing() {
        String address = addresses.create("GM0118").toString();
        String key = "melding-" + UUID.randomUUID();
        Wire.Response first = post(VT, "/api/v1/meldingen", melding(address), key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isEmpty();
        String id = json.readTree(first.body()).path("id").asString();
        long writes = writesOf(subject);
        long reads = entries("LEZEN", id);

        // The same content, spaced and ordered otherwise: the same request.
        Wire.Response again = post(VT, "/api/v1/meldingen", reordered(melding(address)), key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.header(REPLAYED)).contains("true");
        assertThat(again.header("API-Version")).isPresent();
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .as("one melding")
                .isEqualTo(1);
        assertThat(writesOf(subject)).as("no second write in the access log").isEqualTo(writes);
        assertThat(entries("LEZEN", id))
                .as("the replayed melding is logged as read")
                .isEqualTo(reads + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
        String address = addresses.create("GM0118").toString();
        String other = addresses.create("GM0118").toString();
        String key = UUID.randomUUID().toString();
        assertThat(post(VT, "/api/v1/meldingen", melding(address), key).status())
                .isEqualTo(201);
        long writes = writesOf(subject);

        Wire.Response refused = post(VT, "/api/v1/meldingen", melding(other), key);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).path("detail").asString()).contains("andere inhoud");
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", other))
                .isZero();
        assertThat(writesOf(subject)).isEqualTo(writes);
    }

    @Test
    void aMalformedKeyIs400WithInvalidParamsAndWritesNothing() {
        String address = addresses.create("GM0118").toString();
        Wire.Response refused = post(VT, "/api/v1/meldingen", melding(address), "met spatie/en slash");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("invalidParams").path(0).path("name").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(problem.path("invalidParams").path(0).path("code").asString())
                .isEqualTo("validation.idempotencyKey.format");
        assertThat(post(VT, "/api/v1/meldingen", melding(address), "x".repeat(65))
                        .status())
                .isEqualTo(400);
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .isZero();
    }

    @Test
    void withoutAKeyEveryPostWritesAsBefore() {
        String address = addresses.create("GM0118").toString();
        assertThat(post(VT, "/api/v1/meldingen", melding(address), null).status())
                .isEqualTo(201);
        assertThat(post(VT, "/api/v1/meldingen", melding(address), null).status())
                .isEqualTo(201);
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .isEqualTo(2);
    }

    @Test
    void aFailedRequestStoresNothingSoItsRetryWithTheSameKeyRuns() {
        String address = addresses.create("GM0118").toString();
        String key = UUID.randomUUID().toString();
        Wire.Response invalid = post(VT, "/api/v1/meldingen", "{\"adresId\": \"" + address + "\"}", key);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);

        Wire.Response retried = post(VT, "/api/v1/meldingen", melding(address), key);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header(REPLAYED)).isEmpty();
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE subject = ?", subject))
                .isEqualTo(1);
    }

    @Test
    void aKeyIsTheSubjectsAndThePathsOwn() {
        String address = addresses.create("GM0118").toString();
        String key = UUID.randomUUID().toString();
        assertThat(post(VT, "/api/v1/meldingen", melding(address), key).status())
                .isEqualTo(201);
        assertThat(post(VT, "/api/v1/adviezen", melding(address), key).header(REPLAYED))
                .as("another path")
                .isEmpty();
        subject = UUID.randomUUID().toString();
        Wire.Response colleague = post(VT, "/api/v1/meldingen", melding(address), key);
        assertThat(colleague.status()).isEqualTo(201);
        assertThat(colleague.header(REPLAYED)).as("another subject").isEmpty();
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .isEqualTo(3);
    }

    @Test
    void twelveConcurrentRequestsWithOneKeyWriteOnceAndTheOthersReplayOrAreToldToRetry() throws Exception {
        String address = addresses.create("GM0118").toString();
        String key = UUID.randomUUID().toString();
        String body = melding(address);
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Wire.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Wire.Response>> sent = new ArrayList<>();
            String token = tokenOf(VT);
            for (int i = 0; i < clients; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return wire().call("POST", "/api/v1/meldingen")
                            .bearer(token)
                            .header(KEY, key)
                            .json(body)
                            .send();
                }));
            }
            start.countDown();
            for (Future<Wire.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Wire.Response> written = answers.stream()
                .filter(a -> a.status() == 201 && a.header(REPLAYED).isEmpty())
                .toList();
        assertThat(written).as("exactly one request wrote").hasSize(1);
        for (Wire.Response answer : answers) {
            if (answer.status() == 201) {
                assertThat(answer.body()).isEqualTo(written.get(0).body());
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                assertThat(answer.header("Retry-After")).contains("1");
            }
        }
        assertThat(count("SELECT count(*) FROM vt_melding WHERE address_id = ?::uuid", address))
                .isEqualTo(1);
        // Told to retry, a client retries and gets the first answer.
        Wire.Response retried = post(VT, "/api/v1/meldingen", body, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header(REPLAYED)).contains("true");
        assertThat(retried.body()).isEqualTo(written.get(0).body());
    }

    /** A creating endpoint: who calls it, and how to build the request (setting up what it needs first). */
    record Endpoint(String name, Requests caller, Function<IdempotencyOverTheWireTest, String[]> pathAndBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> CREATING = List.of(
            new Endpoint("incidenten", POLICE, t -> new String[] {"/api/v1/incidenten", t.incident(t.address())}),
            new Endpoint("gemeenteregistraties", GEMEENTE, t ->
                    new String[] {"/api/v1/gemeenteregistraties", t.signal(t.address())}),
            new Endpoint("meldingen", VT, t -> new String[] {"/api/v1/meldingen", melding(t.address())}),
            new Endpoint("adviezen", VT, t -> new String[] {"/api/v1/adviezen", melding(t.address())}),
            new Endpoint("raadsverzoeken", VT, t -> new String[] {
                "/api/v1/meldingen/" + t.assessedMelding() + "/raadsverzoeken",
                "{\"datum\": \"" + TODAY + "\", \"gronden\": \"Ouders weigeren elke hulp; kind onveilig.\"}"
            }),
            new Endpoint("informeren", VT, t -> new String[] {
                "/api/v1/meldingen/" + t.newMelding() + "/informeren",
                "{\"geinformeerdOp\": \"" + TODAY + "\", \"wijze\": \"gesprek\"}"
            }),
            new Endpoint("correcties", VT, t -> new String[] {
                "/api/v1/meldingen/" + t.newMelding() + "/correcties",
                "{\"veld\": \"ernst\", \"waarde\": \"S2\", \"reden\": \"Ernst verkeerd overgenomen.\"}"
            }),
            new Endpoint("monitoring", VT, t -> new String[] {
                "/api/v1/meldingen/" + t.assessedMelding() + "/monitoring",
                "{\"datum\": \"" + TODAY.plusDays(30) + "\"}"
            }),
            new Endpoint("inzageverzoeken", VT_PRIVACY, t -> new String[] {
                "/api/v1/inzageverzoeken",
                "{\"ontvangenOp\": \"" + TODAY + "\", \"naam\": \"Test Kind\", \"geboortedatum\": \"2016-01-01\","
                        + " \"adresId\": \"" + t.address() + "\"}"
            }),
            new Endpoint("vernietigingsaanvragen", POLICE_PRIVACY, t -> new String[] {
                "/api/v1/vernietigingsaanvragen",
                "{\"bron\": \"politie-incident\", \"registratieId\": \"" + t.newIncident() + "\", \"ontvangenOp\": \""
                        + TODAY + "\"}"
            }),
            new Endpoint("vernietigingsverzoeken", POLICE_PRIVACY, t -> new String[] {
                "/api/v1/vernietigingsverzoeken",
                "{\"bron\": \"politie-incident\", \"registratieId\": \"" + t.newIncident() + "\", \"ontvangenOp\": \""
                        + TODAY + "\", \"reden\": \"Verzoek AVG art. 17 toegewezen, zaaknummer PRIV-1.\"}"
            }),
            new Endpoint("kleurverhogingen", VT, t -> new String[] {
                "/api/v1/adressen/" + t.address() + "/kleurverhogingen",
                "{\"reden\": \"Buren melden al weken geschreeuw en dreiging.\"}"
            }),
            new Endpoint("doorbraken", VT, t -> new String[] {
                "/api/v1/adressen/" + t.addresses.create("GM0193") + "/doorbraken",
                "{\"reden\": \"Kind uit onze regio verblijft hier bij vader.\"}"
            }),
            new Endpoint("aanmeldingen", GEMEENTE, t -> new String[] {
                "/api/v1/aanmeldingen", "{\"adresId\": \"" + t.address() + "\", \"reden\": \"Herhaald geweld.\"}"
            }),
            new Endpoint("geheimhoudingsverklaringen", REGISSEUR, t ->
                    new String[] {"/api/v1/overleggen/" + t.newMeeting() + "/geheimhoudingsverklaringen", "{}"}),
            new Endpoint("overleggen", REGISSEUR, t -> new String[] {
                "/api/v1/overleggen",
                "{\"datum\": \"" + TODAY.plusDays(3 + (int) (Math.random() * 300)) + "\", \"aanvang\": \"10:00\","
                        + " \"gemeenten\": [\"GM0118\"]}"
            }));

    @TestFactory
    Stream<DynamicTest> everyCreatingEndpointReplaysItsFirstAnswer() {
        return CREATING.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.name(), () -> replays(endpoint)));
    }

    private void replays(Endpoint endpoint) {
        // What the endpoint needs is set up by another professional (a privacy officer may not destroy their own).
        subject = UUID.randomUUID().toString();
        String[] pathAndBody = endpoint.pathAndBody().apply(this);
        subject = UUID.randomUUID().toString();
        String key = endpoint.name() + ":" + UUID.randomUUID();
        Wire.Response first = post(endpoint.caller(), pathAndBody[0], pathAndBody[1], key);
        assertThat(first.status()).as(endpoint + ": " + first.body()).isBetween(200, 299);
        long writes = writesOf(subject);

        Wire.Response again = post(endpoint.caller(), pathAndBody[0], pathAndBody[1], key);

        assertThat(again.status()).as(endpoint + ": " + again.body()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header(REPLAYED)).as(endpoint.name()).contains("true");
        assertThat(writesOf(subject)).as(endpoint + ": no second write").isEqualTo(writes);
    }

    // The setups of the endpoints above.

    String address() {
        return addresses.create("GM0118").toString();
    }

    String newMelding() {
        Wire.Response created = post(VT, "/api/v1/meldingen", melding(address()), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asString();
    }

    /** A meeting of the procesregisseur's region. */
    String newMeeting() {
        Wire.Response planned = post(
                REGISSEUR,
                "/api/v1/overleggen",
                "{\"datum\": \"" + TODAY.plusDays(400 + (int) (Math.random() * 300)) + "\", \"aanvang\": \"14:00\","
                        + " \"gemeenten\": [\"GM0118\"]}",
                null);
        assertThat(planned.status()).as(planned.body()).isBetween(200, 201);
        return json.readTree(planned.body()).path("id").asString();
    }

    /** A melding past its veiligheidsbeoordeling, where follow-up steps may start. */
    String assessedMelding() {
        String melding = newMelding();
        Wire.Response assessed = post(
                VT,
                "/api/v1/meldingen/" + melding + "/veiligheidsbeoordeling",
                "{\"acuteOnveiligheid\": false, \"structureleOnveiligheid\": true, \"statuscode\": \"VT-01-01\"}",
                null);
        assertThat(assessed.status()).as(assessed.body()).isBetween(200, 201);
        return melding;
    }

    String newIncident() {
        Wire.Response created = post(POLICE, "/api/v1/incidenten", incident(address()), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asString();
    }

    String incident(String address) {
        return """
                {"registratienummer": "IDEM-%s", "tijdstip": "%sT10:00:00+01:00", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false,
                 "letsel": false, "wapen": false, "alcoholDrugs": false, "aangifte": false,
                 "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                 "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), TODAY.minusDays(1), address);
    }

    String signal(String address) {
        return """
                {"registratienummer": "IDEM-%s", "soort": "signaal", "adresId": "%s",
                 "datum": "%s", "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                """.formatted(UUID.randomUUID().toString().substring(0, 8), address, TODAY.minusDays(1));
    }

    static String melding(String address) {
        return """
                {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
                 "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                 "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
                """.formatted(address);
    }

    /** The same JSON with its members in reverse order and no whitespace. */
    private String reordered(String body) {
        Map<String, Object> members = json.readValue(body, Map.class);
        List<String> names = new ArrayList<>(members.keySet());
        java.util.Collections.reverse(names);
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        names.forEach(name -> reversed.put(name, members.get(name)));
        return json.writeValueAsString(reversed);
    }

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    /** A token of the caller's role and organisation, for this test's subject. */
    private String tokenOf(Requests caller) {
        Map<String, Object> claims = new java.util.HashMap<>(caller.claims());
        claims.put("sub", subject);
        return ISSUER.accessToken(claims);
    }

    private Wire.Response post(Requests caller, String path, String body, @Nullable String key) {
        Wire.Call call = wire().call("POST", path).bearer(tokenOf(caller)).json(body);
        // The steps on a melding change it and take If-Match (issue 13); this test is about the key, so any
        // revision will do. Creating endpoints ignore the header.
        call.header("If-Match", "*");
        if (key != null) {
            call.header(KEY, key);
        }
        return call.send();
    }

    private long writesOf(String actor) {
        return count(
                "SELECT count(*) FROM access_log WHERE actor_subject = ? AND kind IN ('AANMAKEN', 'WIJZIGEN',"
                        + " 'VERWIJDEREN')",
                actor);
    }

    private long entries(String kind, String objectId) {
        return count("SELECT count(*) FROM access_log WHERE kind = ? AND object_id = ?", kind, objectId);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
