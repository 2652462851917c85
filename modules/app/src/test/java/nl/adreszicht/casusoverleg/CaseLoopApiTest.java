package nl.adreszicht.casusoverleg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
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
 * The casusoverleg's loop over the API, on PostgreSQL, with the production security and role mapping: referral,
 * triage, a meeting behind its confidentiality statement, one plan with a regisseur and actions of three partners, a
 * partner updating its own action (and refused on another's), a new incident bringing the case back on the agenda,
 * closing with an outcome; with the need-to-know of each role along the way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseLoopApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    CasePlanInterventions interventions;

    private final JsonMapper json = JsonMapper.builder().build();

    static final Requests POLITIE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");
    static final Requests VEILIG_THUIS = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);
    static final Requests VEILIG_THUIS_ELSEWHERE =
            new Requests(Role.VT_MEDEWERKER, "veilig-thuis-ijsselland", "VT04", null);
    static final Requests PROCESREGISSEUR = new Requests(Role.ZVH_PROCESREGISSEUR, "zvh-drenthe", "VT03", null);
    static final Requests PROCESREGISSEUR_ELSEWHERE =
            new Requests(Role.ZVH_PROCESREGISSEUR, "zvh-ijsselland", "VT04", null);
    static final Requests RECLASSERING = new Requests(Role.KETENPARTNER, "reclassering-drenthe", null, null);
    static final Requests VERSLAVINGSZORG = new Requests(Role.KETENPARTNER, "verslavingszorg-noord", null, null);
    static final Requests JEUGDBESCHERMING = new Requests(Role.KETENPARTNER, "jeugdbescherming-noord", null, null);
    static final Requests NOT_INVITED = new Requests(Role.KETENPARTNER, "ggz-drenthe", null, null);
    static final Requests OTHER_POLICE =
            new Requests(Role.POLITIE_MEDEWERKER, "politie-oost-nederland", null, "GM0193");

    private UUID address;

    @BeforeEach
    void anAddressInHoogeveen() {
        clock.startAt(TestClock.NOW.toInstant());
        address = new TestAddresses(postgres.getPostgresDatabase()).create("GM0118");
    }

    @Test
    void theWholeLoopWithNeedToKnowAtEveryStep() throws Exception {
        // Aanmelding by the police, from the address.
        JsonNode referral = ok(call(post("/api/v1/aanmeldingen"), POLITIE, """
                {"adresId": "%s", "reden": "Derde melding dit jaar; kinderen zijn getuige, pleger drinkt."}
                """.formatted(address)), 201);
        String id = referral.path("id").asString();
        assertThat(referral.path("status").asString()).isEqualTo("aangemeld");
        assertThat(referral.path("zorgEnVeiligheidshuis").asString()).isEqualTo("ZVH03");
        // Before triage: the referrer, the procesregisseur of the region and Veilig Thuis of the region only.
        ok(call(get("/api/v1/aanmeldingen/" + id), POLITIE, null), 200);
        ok(call(get("/api/v1/aanmeldingen/" + id), VEILIG_THUIS, null), 200);
        assertThat(status(call(get("/api/v1/aanmeldingen/" + id), VEILIG_THUIS_ELSEWHERE, null)))
                .isEqualTo(404);
        assertThat(status(call(get("/api/v1/aanmeldingen/" + id), PROCESREGISSEUR_ELSEWHERE, null)))
                .isEqualTo(404);
        assertThat(ids(ok(call(get("/api/v1/aanmeldingen"), PROCESREGISSEUR, null), 200)))
                .contains(id);
        assertThat(ids(ok(call(get("/api/v1/aanmeldingen"), PROCESREGISSEUR_ELSEWHERE, null), 200)))
                .doesNotContain(id);
        assertThat(status(call(get("/api/v1/casussen/" + id), RECLASSERING, null)))
                .isEqualTo(404);

        // Triage: accepted with the partners to invite, from the revision the regisseur read (issue 13).
        String referralEtag = etag(get("/api/v1/aanmeldingen/" + id), PROCESREGISSEUR);
        MvcResult triaged = call(
                post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", referralEtag), PROCESREGISSEUR, """
                {"besluit": "accepteren", "partners": ["reclassering-drenthe", "verslavingszorg-noord",
                 "jeugdbescherming-noord", "politie-noord-nederland"]}
                """);
        JsonNode accepted = ok(triaged, 200);
        assertThat(accepted.path("status").asString()).isEqualTo("lopend");
        String acceptedEtag = triaged.getResponse().getHeader("ETag");
        assertThat(acceptedEtag).isNotNull().isNotEqualTo(referralEtag);
        // The same decision again from the old ETag is 412 now (the decision moved the revision on; a retried request
        // is replayed by its Idempotency-Key); from the new one it changes nothing; another decision is refused.
        assertThat(status(call(
                        post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", referralEtag),
                        PROCESREGISSEUR,
                        """
                {"besluit": "accepteren", "partners": ["jeugdbescherming-noord", "reclassering-drenthe",
                 "verslavingszorg-noord", "politie-noord-nederland"]}
                """)))
                .isEqualTo(412);
        ok(
                call(
                        post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", acceptedEtag),
                        PROCESREGISSEUR,
                        """
                {"besluit": "accepteren", "partners": ["jeugdbescherming-noord", "reclassering-drenthe",
                 "verslavingszorg-noord", "politie-noord-nederland"]}
                """),
                200);
        assertThat(status(call(
                        post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", acceptedEtag),
                        PROCESREGISSEUR,
                        """
                {"besluit": "afwijzen", "reden": "Toch niet nodig, gezin heeft al hulp."}
                """)))
                .isEqualTo(409);
        // Overleg: planned once (the same moment again finds it), the case on its agenda.
        String today = TestClock.TODAY.toString();
        JsonNode meeting = ok(call(post("/api/v1/overleggen"), PROCESREGISSEUR, """
                {"datum": "%s", "aanvang": "09:30", "gemeenten": ["GM0118", "GM0119"]}
                """.formatted(today)), 201);
        String meetingId = meeting.path("id").asString();
        assertThat(ok(call(post("/api/v1/overleggen"), PROCESREGISSEUR, """
                        {"datum": "%s", "aanvang": "09:30", "gemeenten": ["GM0118", "GM0119"]}
                        """.formatted(today)), 200)
                        .path("id")
                        .asString())
                .isEqualTo(meetingId);
        // Before the confidentiality statement: how many cases, not which.
        JsonNode before = ok(call(get("/api/v1/overleggen/" + meetingId), PROCESREGISSEUR, null), 200);
        assertThat(before.path("geheimhoudingGeaccepteerd").asBoolean()).isFalse();
        assertThat(before.path("aantalCasussen").asInt()).isEqualTo(1);
        assertThat(before.path("agenda").size()).isZero();
        // The item is not shown yet, so no ETag was read: any revision, and the statement is what refuses.
        assertThat(status(call(
                        post("/api/v1/overleggen/" + meetingId + "/casussen/" + id + "/verslag")
                                .header("If-Match", "*"),
                        PROCESREGISSEUR,
                        "{\"besluiten\": \"Reclassering neemt contact op.\"}")))
                .isEqualTo(409);
        JsonNode accepting = ok(
                call(post("/api/v1/overleggen/" + meetingId + "/geheimhoudingsverklaringen"), PROCESREGISSEUR, "{}"),
                201);
        assertThat(accepting.path("agenda").path(0).path("casusId").asString()).isEqualTo(id);
        ok(call(post("/api/v1/overleggen/" + meetingId + "/geheimhoudingsverklaringen"), PROCESREGISSEUR, "{}"), 200);
        // An agenda item has no GET of its own: the meeting carries its ETag, which the minutes change from.
        String itemEtag = accepting.path("agenda").path(0).path("etag").asString();
        MvcResult recorded = call(
                post("/api/v1/overleggen/" + meetingId + "/casussen/" + id + "/verslag")
                        .header("If-Match", itemEtag),
                PROCESREGISSEUR,
                """
                {"besproken": "Escalatie na drankgebruik; moeder wil hulp.", "besluiten": "Regie bij reclassering.",
                 "risico": "hoog"}
                """);
        JsonNode item = ok(recorded, 200);
        assertThat(item.path("verslag").path("risico").asString()).isEqualTo("hoog");
        assertThat(recorded.getResponse().getHeader("ETag"))
                .isEqualTo(item.path("etag").asString())
                .isNotEqualTo(itemEtag);
        // A partner invited to the case sees it in the meeting after its own statement, and only the decisions.
        JsonNode partnerView = ok(
                call(post("/api/v1/overleggen/" + meetingId + "/geheimhoudingsverklaringen"), RECLASSERING, "{}"), 201);
        assertThat(partnerView
                        .path("agenda")
                        .path(0)
                        .path("verslag")
                        .path("besluiten")
                        .asString())
                .isEqualTo("Regie bij reclassering.");
        assertThat(partnerView
                        .path("agenda")
                        .path(0)
                        .path("verslag")
                        .path("besproken")
                        .isNull())
                .isTrue();
        assertThat(partnerView.path("aanwezigen").size()).isEqualTo(2);
        assertThat(status(call(get("/api/v1/overleggen/" + meetingId), NOT_INVITED, null)))
                .isEqualTo(404);

        // One plan: goals, a regisseur of an invited organisation, three actions of three partners.
        // The plan's ETag is the case's; the minutes moved it on since the triage.
        String planEtag = etag(get("/api/v1/casussen/" + id + "/plan"), PROCESREGISSEUR);
        assertThat(planEtag).isNotEqualTo(acceptedEtag);
        JsonNode plan = ok(
                call(
                        post("/api/v1/casussen/" + id + "/plan").header("If-Match", planEtag),
                        PROCESREGISSEUR,
                        """
                {"doelen": [{"soort": "herstel", "omschrijving": "Pleger in behandeling voor alcohol."},
                            {"soort": "veiligheid", "omschrijving": "Geen geweld meer in het gezin."}],
                 "regisseurOrganisatie": "reclassering-drenthe", "regisseurNaam": "R. de Regisseur",
                 "herbeoordelingsdatum": "%s"}
                """.formatted(TestClock.TODAY.plusMonths(3))),
                200);
        assertThat(plan.path("doelen").path(0).path("soort").asString()).isEqualTo("veiligheid");
        String deadline = TestClock.TODAY.plusDays(14).toString();
        String reclasseringAction =
                action(id, "reclassering-drenthe", "Toezicht en gesprek met pleger.", deadline, null);
        String verslavingszorgAction =
                action(id, "verslavingszorg-noord", "Intake alcoholbehandeling.", deadline, "k-1");
        assertThat(action(id, "verslavingszorg-noord", "Intake alcoholbehandeling.", deadline, "k-1"))
                .as("the same Idempotency-Key adds nothing")
                .isEqualTo(verslavingszorgAction);
        action(id, "jeugdbescherming-noord", "Veiligheidsplan met de kinderen.", deadline, null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM casus_action WHERE casus_id = ?::uuid", Integer.class, id))
                .isEqualTo(3);

        // Need to know: a partner sees the plan with its own actions; the regisseur sees every action.
        assertThat(ok(call(get("/api/v1/casussen/" + id + "/plan"), VERSLAVINGSZORG, null), 200)
                        .path("acties")
                        .size())
                .isEqualTo(1);
        assertThat(ok(call(get("/api/v1/casussen/" + id + "/plan"), RECLASSERING, null), 200)
                        .path("acties")
                        .size())
                .isEqualTo(3);
        JsonNode partnerCase = ok(call(get("/api/v1/casussen/" + id), JEUGDBESCHERMING, null), 200);
        assertThat(partnerCase.path("aanmeldreden").isNull())
                .as("never the referral's reason")
                .isTrue();
        assertThat(partnerCase.path("besluiten").path(0).path("besproken").isNull())
                .isTrue();
        assertThat(status(call(get("/api/v1/casussen/" + id), NOT_INVITED, null)))
                .isEqualTo(404);
        assertThat(ids(ok(call(get("/api/v1/casussen"), NOT_INVITED, null), 200)))
                .doesNotContain(id);

        // A partner updates its own action; another partner's is refused and logged.
        JsonNode mine = ok(call(get("/api/v1/acties"), RECLASSERING, null), 200);
        assertThat(mine.path("eigen").size()).isEqualTo(1);
        // The action's ETag as the list shows it (an action has no GET of its own): the change sends it back.
        String actionEtag =
                mine.path("eigen").path(0).path("actie").path("etag").asString();
        assertThat(mine.path("eigen").path(0).path("actie").path("id").asString())
                .isEqualTo(reclasseringAction);
        ok(
                call(
                        post("/api/v1/acties/" + reclasseringAction + "/statuswijzigingen")
                                .header("If-Match", actionEtag),
                        RECLASSERING,
                        """
                {"status": "gestart", "toelichting": "Eerste gesprek gepland."}
                """),
                200);
        long before403 = lastLogId();
        assertThat(status(call(
                        post("/api/v1/acties/" + reclasseringAction + "/statuswijzigingen")
                                .header("If-Match", actionEtag),
                        VERSLAVINGSZORG,
                        """
                {"status": "gereed"}
                """)))
                .isEqualTo(403);
        assertThat(jdbc.queryForList(
                        "SELECT kind FROM access_log WHERE id > ? AND action = 'actie.status.wijzigen'",
                        String.class,
                        before403))
                .containsExactly("GEWEIGERD");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM casus_action WHERE id = ?::uuid", String.class, reclasseringAction))
                .isEqualTo("gestart");

        // A new incident at the address puts the case back on the next agenda, marked.
        clock.advance(Duration.ofDays(1));
        policeIncident(TestClock.TODAY + "T22:15:00+02:00");
        // A case counts as a signal: the police, recording there, hear whom to contact at the house.
        assertThat(matchesOf("politie-noord-nederland")).contains("zvh-drenthe");
        assertThat(ok(call(get("/api/v1/casussen/" + id), PROCESREGISSEUR, null), 200)
                        .path("nieuweRegistratieSinds")
                        .isNull())
                .isFalse();
        JsonNode next =
                ok(call(post("/api/v1/overleggen"), PROCESREGISSEUR, """
                {"datum": "%s", "aanvang": "10:00", "gemeenten": ["GM0118"]}
                """.formatted(TestClock.TODAY.plusDays(14))), 201);
        JsonNode nextAgenda = ok(
                call(
                        post("/api/v1/overleggen/" + next.path("id").asString() + "/geheimhoudingsverklaringen"),
                        PROCESREGISSEUR,
                        "{}"),
                201);
        assertThat(nextAgenda.path("agenda").path(0).path("casusId").asString()).isEqualTo(id);
        assertThat(nextAgenda.path("agenda").path(0).path("nieuweRegistratie").asBoolean())
                .isTrue();
        assertThat(nextAgenda.path("agenda").path(0).path("openActies").size()).isEqualTo(3);

        // Veilig Thuis sees that a case exists, with status, regisseur and review date, never the minutes.
        JsonNode history = ok(call(get("/api/v1/adressen/" + address + "/historie"), VEILIG_THUIS, null), 200);
        assertThat(history.toString()).contains("casusoverleg", "regisseur: Reclassering Nederland Drenthe");
        assertThat(history.toString()).doesNotContain("Escalatie na drankgebruik");
        // The police see the same where they hold a record, another police unit nothing.
        JsonNode atAddress = ok(call(get("/api/v1/adressen/" + address + "/casussen"), POLITIE, null), 200);
        assertThat(atAddress.path(0).path("regisseurOrganisatie").asString()).isEqualTo("reclassering-drenthe");
        assertThat(ok(call(get("/api/v1/adressen/" + address + "/casussen"), OTHER_POLICE, null), 200)
                        .size())
                .isZero();

        // Closing with an outcome; kept at least five years after closing.
        String caseEtag = etag(get("/api/v1/casussen/" + id), PROCESREGISSEUR);
        JsonNode closed = ok(
                call(post("/api/v1/casussen/" + id + "/afsluiting").header("If-Match", caseEtag), PROCESREGISSEUR, """
                {"uitkomst": "veiligheid-bereikt"}
                """),
                200);
        assertThat(closed.path("afsluiting").path("uitkomst").asString()).isEqualTo("veiligheid-bereikt");
        LocalDate keptUntil = jdbc.queryForObject(
                "SELECT kept_until FROM retention_schedule WHERE source = 'CASUSOVERLEG' AND record_id = ?",
                LocalDate.class,
                id);
        assertThat(keptUntil).isAfterOrEqualTo(TestClock.TODAY.plusDays(1).plusYears(5));
        assertThat(interventions.acceptedBetween(TestClock.TODAY, TestClock.TODAY.plusDays(1)))
                .anySatisfy(intervention -> {
                    assertThat(intervention.caseId().toString()).isEqualTo(id);
                    assertThat(intervention.outcome()).isEqualTo("veiligheid-bereikt");
                });
        // An invited partner sees the closed case for three months, then no more.
        ok(call(get("/api/v1/casussen/" + id), JEUGDBESCHERMING, null), 200);
        clock.advance(Duration.ofDays(93));
        assertThat(status(call(get("/api/v1/casussen/" + id), JEUGDBESCHERMING, null)))
                .isEqualTo(404);
        ok(call(get("/api/v1/casussen/" + id), PROCESREGISSEUR, null), 200);
    }

    @Test
    void aDeclinedReferralTellsTheReferrerWhyAndIsScheduledForRetention() throws Exception {
        String id = ok(call(post("/api/v1/aanmeldingen"), POLITIE, """
                        {"adresId": "%s", "reden": "Buren horen geschreeuw, wij twijfelen."}
                        """.formatted(address)), 201)
                .path("id")
                .asString();
        ok(
                call(
                        post("/api/v1/aanmeldingen/" + id + "/triage")
                                .header("If-Match", etag(get("/api/v1/aanmeldingen/" + id), PROCESREGISSEUR)),
                        PROCESREGISSEUR,
                        """
                {"besluit": "afwijzen", "reden": "Veilig Thuis is al betrokken; eerst hun onderzoek afwachten."}
                """),
                200);

        JsonNode seen = ok(call(get("/api/v1/aanmeldingen/" + id), POLITIE, null), 200);
        assertThat(seen.path("status").asString()).isEqualTo("afgewezen");
        assertThat(seen.path("afwijzingsreden").asString()).contains("onderzoek afwachten");
        assertThat(jdbc.queryForObject(
                        "SELECT basis FROM retention_schedule WHERE source = 'CASUSOVERLEG' AND record_id = ?",
                        String.class,
                        id))
                .isIn("TERMIJN", "GEVOLGDE_REGISTRATIE");
        // After a decline the address may be referred again.
        ok(call(post("/api/v1/aanmeldingen"), POLITIE, """
                {"adresId": "%s", "reden": "Nieuw incident met letsel; nu wel zorgen."}
                """.formatted(address)), 201);
    }

    @Test
    void anAcceptedCaseIsASignalForTheOrganisationsAtTheAddressAndEachWriteCommitsWithItsEntry() throws Exception {
        // In Assen, so that its running case is on no agenda the other tests plan for Hoogeveen and Meppel.
        address = new TestAddresses(postgres.getPostgresDatabase()).create("GM0106");
        policeIncident(TestClock.TODAY + "T01:00:00+01:00");
        long before = lastLogId();
        MvcResult referred = call(post("/api/v1/aanmeldingen"), POLITIE, """
                        {"adresId": "%s", "reden": "Tweede keer politie aan de deur; kinderen in huis."}
                        """.formatted(address));
        String id = ok(referred, 201).path("id").asString();
        // The ETag of the referral as created: no read between the two writes whose entries this test counts.
        String createdEtag = referred.getResponse().getHeader("ETag");
        assertThat(createdEtag).isEqualTo("\"1\"");
        assertThat(matchesOf("politie-noord-nederland"))
                .as("a referral is no signal yet")
                .doesNotContain("zvh-drenthe");
        ok(
                call(
                        post("/api/v1/aanmeldingen/" + id + "/triage").header("If-Match", createdEtag),
                        PROCESREGISSEUR,
                        """
                {"besluit": "accepteren", "partners": ["reclassering-drenthe"]}
                """),
                200);

        // Accepted, the case is a signal of the house (matching.SignalRaised, after the commit): the police, who
        // recorded there before, and the house hear of each other, without a new record of anyone.
        assertThat(matchesOf("politie-noord-nederland")).contains("zvh-drenthe");
        assertThat(matchesOf("zvh-drenthe")).contains("politie-noord-nederland");
        // The referral and the decision each have their entry (ADR 0013), and neither counts in the area scan.
        assertThat(jdbc.queryForList(
                        "SELECT kind FROM access_log WHERE id > ? AND object_type = 'casus' AND object_id = ?"
                                + " ORDER BY id",
                        String.class,
                        before,
                        id))
                .containsExactly("AANMAKEN", "WIJZIGEN");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM record_tally WHERE source = 'CASUSOVERLEG'", Integer.class))
                .isZero();
    }

    /** An incident of the police at the address, at this moment. */
    private void policeIncident(String tijdstip) throws Exception {
        ok(
                call(post("/api/v1/incidenten"), POLITIE, """
                {"registratienummer": "CASUS-%s", "tijdstip": "%s", "adresId": "%s",
                 "geweldsvormen": ["partnergeweld"], "ernst": "S2", "kinderenAanwezig": true, "letsel": false,
                 "wapen": false, "alcoholDrugs": true, "aangifte": false, "huisverbodOpgelegd": false,
                 "huisverbodOvertreden": false, "betrokkenen": []}
                """.formatted(
                                UUID.randomUUID().toString().substring(0, 8), tijdstip, address)),
                201);
    }

    /**
     * The organisations signal matching told {@code organisation} about at the address, once the after-commit
     * listeners for the address have run (they run after the answer, ADR 0011).
     */
    private List<String> matchesOf(String organisation) {
        nl.adreszicht.AfterCommit.awaitListenersDone(jdbc, String.valueOf(address));
        return jdbc.queryForList(
                "SELECT other_organisation FROM signal_match WHERE address_id = ? AND organisation = ?",
                String.class,
                address,
                organisation);
    }

    private String action(String caseId, String owner, String description, String deadline, String key)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/casussen/" + caseId + "/acties");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        MvcResult result = call(request, PROCESREGISSEUR, """
                {"omschrijving": "%s", "eigenaar": "%s", "deadline": "%s"}
                """.formatted(description, owner, deadline));
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isIn(200, 201);
        return json.readTree(result.getResponse().getContentAsString())
                .path("id")
                .asString();
    }

    MvcResult call(MockHttpServletRequestBuilder request, Requests who, String body) throws Exception {
        // Each organisation's professional is a person of their own (the statement is accepted per person).
        request.with(who.api(UUID.nameUUIDFromBytes((who.organisation() + who.role()).getBytes())
                .toString()));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    /** The ETag a read answers, which the change after it sends back as If-Match (issue 13). */
    String etag(MockHttpServletRequestBuilder read, Requests who) throws Exception {
        MvcResult result = call(read, who, null);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String etag = result.getResponse().getHeader("ETag");
        assertThat(etag).isNotNull();
        return etag;
    }

    JsonNode ok(MvcResult result, int expected) throws Exception {
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(expected);
        return json.readTree(result.getResponse().getContentAsString());
    }

    static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }

    static List<String> ids(JsonNode list) {
        return list.valueStream().map(node -> node.path("id").asString()).toList();
    }

    long lastLogId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM access_log", Long.class);
    }
}
