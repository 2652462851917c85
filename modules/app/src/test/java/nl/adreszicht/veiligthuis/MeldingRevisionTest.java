package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.adreszicht.OverTheWire;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.Wire;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 over the wire (the embedded server on a port, signed tokens): a melding answers its revision as its ETag,
 * and every change of it must name the revision it was decided on. Without If-Match 428; from an older revision 412
 * and nothing changes; from the current one the change applies and answers the next ETag. Two changes from the same
 * revision at once: exactly one applies. A retry after success (a lost answer, a double click) is refused, not
 * applied twice. The overdracht's answer by the lokaal team changes the melding under the same rule, and so does a
 * page whose form was rendered before somebody else's change.
 */
class MeldingRevisionTest extends OverTheWire {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    private static final Requests HOOGEVEEN =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    private static final String ASSESSMENT =
            "{\"acuteOnveiligheid\": false, \"structureleOnveiligheid\": true, \"statuscode\": \"VT-01-01\"}";

    @Autowired
    EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aChangeWithoutIfMatchIs428AndChangesNothing() {
        String melding = melding();
        Wire.Response read = read(melding);
        assertThat(read.header("ETag")).contains("\"1\"");

        Wire.Response answer = post(melding, "veiligheidsbeoordeling", null, ASSESSMENT);

        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).path("detail").asString()).contains("If-Match");
        Wire.Response after = read(melding);
        assertThat(after.header("ETag")).contains("\"1\"");
        assertThat(json.readTree(after.body())
                                .path("veiligheidsbeoordeling")
                                .path("statuscode")
                                .isMissingNode()
                        || json.readTree(after.body())
                                .path("veiligheidsbeoordeling")
                                .path("statuscode")
                                .isNull())
                .as("not assessed")
                .isTrue();
    }

    @Test
    void theCurrentRevisionAppliesAndAnswersTheNextEtagAnOlderOneIs412AndChangesNothing() {
        String melding = melding();
        String first = read(melding).header("ETag").orElseThrow();

        Wire.Response assessed = post(melding, "veiligheidsbeoordeling", first, ASSESSMENT);
        assertThat(assessed.status()).isEqualTo(201);
        assertThat(assessed.header("ETag")).contains("\"2\"");
        assertThat(read(melding).header("ETag")).as("the GET agrees").contains("\"2\"");

        // A step decided on the melding as it stood before the assessment: refused, whatever the step.
        Wire.Response stale = post(melding, "onderzoek", first, "{}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(stale.body()).path("detail").asString()).contains("intussen gewijzigd");
        Wire.Response after = read(melding);
        assertThat(after.header("ETag")).contains("\"2\"");
        assertThat(json.readTree(after.body()).path("onderzoek").isNull())
                .as("no onderzoek")
                .isTrue();

        // A list of ETags names the current one too; a weak tag compares by value.
        Wire.Response started = post(melding, "onderzoek", first + ", W/\"2\"", "{}");
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.header("ETag")).contains("\"3\"");
    }

    @Test
    void aRetryAfterSuccessIs412AndTheStepIsRecordedOnce() {
        String melding = assessed();
        String etag = read(melding).header("ETag").orElseThrow();
        String step =
                "{\"soort\": \"voorwaarden-en-vervolg\", \"datum\": \"2026-03-02\", \"toelichting\": \"Eenmaal.\"}";

        Wire.Response done = post(melding, "vervolgstappen", etag, step);
        assertThat(done.status()).isEqualTo(201);
        // The answer was lost; the client sends the same request again.
        Wire.Response retried = post(melding, "vervolgstappen", etag, step);

        assertThat(retried.status()).isEqualTo(412);
        JsonNode after = json.readTree(read(melding).body());
        assertThat(after.path("vervolgstappen").size()).as("recorded once").isEqualTo(1);
    }

    @Test
    void twoChangesFromTheSameRevisionAtOnceExactlyOneApplies() throws Exception {
        String melding = melding();
        String etag = read(melding).header("ETag").orElseThrow();
        List<Callable<Wire.Response>> corrections = new ArrayList<>();
        for (String ernst : List.of("S1", "S3")) {
            corrections.add(() -> post(
                    melding,
                    "correcties",
                    etag,
                    "{\"veld\": \"ernst\", \"waarde\": \"" + ernst
                            + "\", \"reden\": \"Ernst verkeerd overgenomen.\"}"));
        }

        List<Wire.Response> answers = atOnce(corrections);

        assertThat(answers).extracting(Wire.Response::status).containsExactlyInAnyOrder(200, 412);
        Wire.Response applied =
                answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        JsonNode after = json.readTree(read(melding).body());
        assertThat(after.path("correcties").size()).as("one correction").isEqualTo(1);
        assertThat(after.path("ernst").asString())
                .isEqualTo(json.readTree(applied.body()).path("ernst").asString());
        assertThat(read(melding).header("ETag")).contains("\"2\"");
    }

    @Test
    void theLokaalTeamAnswersAnOverdrachtFromTheRevisionItRead() {
        String melding = assessed();
        String offered = post(
                        melding, "overdracht", read(melding).header("ETag").orElseThrow(), "{}")
                .body();
        String overdracht =
                json.readTree(offered).path("overdrachten").get(0).path("id").asString();
        String team = token(HOOGEVEEN);
        Wire.Response offer = wire().call("GET", "/api/v1/overdrachten/" + overdracht)
                .bearer(team)
                .send();
        String seen = offer.header("ETag").orElseThrow();
        assertThat(seen).isEqualTo(read(melding).header("ETag").orElseThrow());

        // Veilig Thuis changes the melding after the team read the offer: the team's answer is refused.
        String current = read(melding).header("ETag").orElseThrow();
        assertThat(post(
                                melding,
                                "correcties",
                                current,
                                "{\"veld\": \"ernst\", \"waarde\": \"S1\", \"reden\": \"Ernst verkeerd overgenomen.\"}")
                        .status())
                .isEqualTo(200);
        Wire.Response answerWithout = wire().call("POST", "/api/v1/overdrachten/" + overdracht + "/acceptatie")
                .bearer(team)
                .send();
        assertThat(answerWithout.status()).isEqualTo(428);
        Wire.Response stale = wire().call("POST", "/api/v1/overdrachten/" + overdracht + "/acceptatie")
                .bearer(team)
                .header("If-Match", seen)
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(json.readTree(read(melding).body())
                        .path("overdrachten")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("aangeboden");

        String again = wire().call("GET", "/api/v1/overdrachten/" + overdracht)
                .bearer(team)
                .send()
                .header("ETag")
                .orElseThrow();
        Wire.Response accepted = wire().call("POST", "/api/v1/overdrachten/" + overdracht + "/acceptatie")
                .bearer(team)
                .header("If-Match", again)
                .send();
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).path("status").asString()).isEqualTo("geaccepteerd");
        assertThat(accepted.header("ETag")).isEqualTo(read(melding).header("ETag"));
        assertThat(accepted.header("ETag")).isNotEqualTo(java.util.Optional.of(again));
    }

    @Test
    void aFormFromAPageShownBeforeAnotherChangeIsRefusedWithTheDutchNotice() {
        String melding = melding();
        Wire.Session session = login("revisie-vt", VT);
        Wire.Response page =
                wire().call("GET", "/meldingen/" + melding).session(session).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"revisie\" value=\"1\"");

        // Somebody else assesses the melding over the API meanwhile.
        assertThat(post(melding, "veiligheidsbeoordeling", "\"1\"", ASSESSMENT).status())
                .isEqualTo(201);
        Wire.Response submitted = wire().call("POST", "/meldingen/" + melding + "/correcties")
                .session(session)
                .form(Map.of(
                        "revisie", "1",
                        "veld", "ernst",
                        "waarde", "S1",
                        "correctieReden", "Ernst verkeerd overgenomen.",
                        "_csrf", java.util.Objects.requireNonNull(session.csrf())))
                .send();

        assertThat(submitted.status()).isEqualTo(302);
        Wire.Response shown =
                wire().call("GET", "/meldingen/" + melding).session(session).send();
        assertThat(shown.body()).contains("intussen gewijzigd");
        assertThat(shown.body())
                .as("the form now carries the current revision")
                .contains("name=\"revisie\" value=\"2\"");
        JsonNode after = json.readTree(read(melding).body());
        assertThat(after.path("correcties").size()).as("not corrected").isZero();

        // From the page as it stands now, the same step applies.
        Wire.Response current = wire().call("POST", "/meldingen/" + melding + "/correcties")
                .session(session)
                .form(Map.of(
                        "revisie", "2",
                        "veld", "ernst",
                        "waarde", "S1",
                        "correctieReden", "Ernst verkeerd overgenomen.",
                        "_csrf", java.util.Objects.requireNonNull(session.csrf())))
                .send();
        assertThat(current.status()).isEqualTo(302);
        assertThat(json.readTree(read(melding).body()).path("correcties").size())
                .isEqualTo(1);
        assertThat(read(melding).header("ETag")).contains("\"3\"");
    }

    private List<Wire.Response> atOnce(List<Callable<Wire.Response>> calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Wire.Response>> sent = new ArrayList<>();
            for (Callable<Wire.Response> call : calls) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Wire.Response> answers = new ArrayList<>();
            for (Future<Wire.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** A new melding at a fresh address in Hoogeveen (VT03). */
    private String melding() {
        String address = new TestAddresses(postgres.getPostgresDatabase())
                .create("GM0118")
                .toString();
        Wire.Response created = wire().call("POST", "/api/v1/meldingen")
                .bearer(token(VT))
                .json("""
                        {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Versie"},
                         "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
                         "betrokkenen": [{"rol": "kind", "naam": "Sam Versie"}]}
                        """.formatted(address))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("ETag"))
                .as("the intake answers the first revision")
                .contains("\"1\"");
        return json.readTree(created.body()).path("id").asString();
    }

    /** A new melding, assessed so that Veilig Thuis follows it through itself. */
    private String assessed() {
        String melding = melding();
        assertThat(post(melding, "veiligheidsbeoordeling", "\"1\"", ASSESSMENT).status())
                .isEqualTo(201);
        return melding;
    }

    private Wire.Response read(String melding) {
        Wire.Response read = wire().call("GET", "/api/v1/meldingen/" + melding)
                .bearer(token(VT))
                .send();
        assertThat(read.status()).isEqualTo(200);
        return read;
    }

    private Wire.Response post(String melding, String step, @Nullable String ifMatch, String body) {
        Wire.Call call = wire().call("POST", "/api/v1/meldingen/" + melding + "/" + step)
                .bearer(token(VT))
                .json(body);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }
}
