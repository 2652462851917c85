package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import nl.adreszicht.security.Scope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated from the permission matrix and run over the wire: the embedded server on a real port, API calls with
 * tokens signed by the stand-in issuer and checked by the production decoder, page calls in sessions obtained
 * through the real OIDC login. Every row, with every role, with a login that has no Adreszicht role, and without
 * login; and each such cell not only with the row's own method but also with {@code HEAD} (allowed exactly where
 * {@code GET} is), {@code OPTIONS} (never reaches a handler) and the method-override markers
 * ({@code X-HTTP-Method-Override}, {@code X-Method-Override}, {@code _method}; refused wherever they appear). Each
 * request must get exactly what the matrix says, and leave exactly the access-log rows it implies: one entry for a
 * use or a refusal of a personal-data endpoint, none otherwise.
 */
class AccessMatrixTest extends OverTheWire {

    /** Field names that would carry an address, a person or free text: never in a gemeente-analist response. */
    private static final Pattern FORBIDDEN_FOR_AGGREGATES = Pattern.compile(
            "(?i).*(adres|straat|postcode|huisnummer|huisletter|toevoeging|naam|name|bsn|geboorte|persoon|betrokkene"
                    + "|toelichting|omschrijvingvrij|vrijetekst|tekst|notitie|melder).*");

    /** The markers by which some frameworks let a request claim another method than it was sent with. */
    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-Method-Override");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    /** An address in the callers' gemeente, so that rows about one address find one. */
    static final String ADDRESS_ID = "5b0c3c0e-1111-4d6e-9a51-2b1f0c9d7e01";

    /** An address outside the callers' VT region (Zwolle, VT04), for the rows about breaking the glass. */
    static final String ELSEWHERE_ADDRESS_ID = "5b0c3c0e-6666-4d6e-9a51-2b1f0c9d7e06";

    /** An incident of the callers' organisation at that address, so that rows about one incident find one. */
    static final String INCIDENT_ID = "5b0c3c0e-2222-4d6e-9a51-2b1f0c9d7e02";

    /** A municipal record of the callers' organisation at that address, so that rows about one record find one. */
    static final String MUNICIPAL_RECORD_ID = "5b0c3c0e-3333-4d6e-9a51-2b1f0c9d7e03";

    /** A Veilig Thuis melding of the fixture's region, so that rows about one melding find one. */
    static final String MELDING_ID = "5b0c3c0e-5555-4d6e-9a51-2b1f0c9d7e05";

    /** An overdracht of the fixture melding to the callers' gemeente, and a monitoring moment of it (issue 16). */
    static final String OVERDRACHT_ID = "5b0c3c0e-7777-4d6e-9a51-2b1f0c9d7e07";

    static final String MOMENT_ID = "5b0c3c0e-8888-4d6e-9a51-2b1f0c9d7e08";

    /** An inzage request of the fixture's organisation (issue 16). */
    static final String INZAGE_ID = "5b0c3c0e-9999-4d6e-9a51-2b1f0c9d7e09";

    /** A destruction request about the fixture incident (issue 16). */
    static final String AANVRAAG_ID = "5b0c3c0e-aaaa-4d6e-9a51-2b1f0c9d7e0a";

    /** A Veilig Thuis advies of the fixture's region. */
    static final String ADVIES_ID = "5b0c3c0e-4444-4d6e-9a51-2b1f0c9d7e04";

    static final String MELDING_BODY = """
            {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
             "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
             "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
            """.formatted(ADDRESS_ID);

    /** Example bodies for the rows that take one; every POST row must have one. */
    static final Map<String, String> BODIES = join(
            CasusoverlegMatrix.BODIES,
            Map.ofEntries(
                    Map.entry("adres.kleur.verhogen", "{\"reden\": \"Buren melden al weken geschreeuw en dreiging.\"}"),
                    Map.entry(
                            "adres.kleur.verlagen",
                            "{\"doelkleur\": \"GREEN\", \"reden\": \"Gezin werkt mee, hulp loopt goed.\","
                                    + " \"herbeoordelingsdatum\": \"2099-01-01\"}"),
                    Map.entry("adres.kleur.verlaging.goedkeuren", "{}"),
                    Map.entry("adres.doorbreken", "{\"reden\": \"Kind uit onze regio verblijft hier bij vader.\"}"),
                    Map.entry("doorbraak.beoordelen", "{\"oordeel\": \"terecht\"}"),
                    Map.entry("adressen.zoeken", "{\"postcode\": \"7901 ab\", \"huisnummer\": 1}"),
                    Map.entry(
                            "incident.zorgmelding.versturen",
                            "{\"zorgen\": \"Kinderen waren getuige; moeder wil hulp.\"}"),
                    Map.entry("meldingen.registreren", MELDING_BODY),
                    Map.entry("adviezen.registreren", MELDING_BODY),
                    // The rows below take the fixture melding through the protocol: the first VT caller takes each step
                    // (201/200), the second is refused by the protocol (409) or adds another step; each is logged once.
                    Map.entry(
                            "melding.beoordelen",
                            "{\"acuteOnveiligheid\": false, \"structureleOnveiligheid\": true, \"statuscode\": \"VT-01-01\"}"),
                    Map.entry("melding.onderzoek.starten", "{}"),
                    Map.entry(
                            "melding.onderzoek.afronden",
                            "{\"uitkomsten\": [{\"geweldsvorm\": \"partnergeweld\", \"uitkomst\": \"bevestigd\"}]}"),
                    Map.entry(
                            "melding.vervolgstap.toevoegen", "{\"soort\": \"monitoring\", \"datum\": \"2026-06-01\"}"),
                    Map.entry("melding.beeindigen", "{\"statuscode\": \"VT-03\"}"),
                    Map.entry("melding.toewijzen", "{\"behandelaar\": \"" + Requests.SUBJECT + "\"}"),
                    Map.entry("melding.overdragen", "{\"toelichting\": \"Lokaal team neemt de begeleiding over.\"}"),
                    Map.entry("melding.monitoring.plannen", "{\"datum\": \"2026-09-01\"}"),
                    Map.entry("melding.monitoring.vastleggen", "{\"uitkomst\": \"veilig\"}"),
                    Map.entry("overdracht.accepteren", "{}"),
                    Map.entry(
                            "melding.raad.verzoeken",
                            "{\"datum\": \"2026-01-02\", \"gronden\": \"Ouders weigeren elke hulp; kind onveilig.\"}"),
                    Map.entry("melding.informeren", "{\"geinformeerdOp\": \"2026-01-02\", \"wijze\": \"gesprek\"}"),
                    Map.entry(
                            "inzageverzoeken.registreren",
                            "{\"ontvangenOp\": \"2026-01-02\", \"naam\": \"Test Kind\", \"geboortedatum\": \"2016-01-01\","
                                    + " \"adresId\": \"" + ADDRESS_ID + "\"}"),
                    Map.entry(
                            "inzageverzoek.verlengen", "{\"reden\": \"Veel registraties na te gaan bij de bronnen.\"}"),
                    Map.entry("inzageverzoek.afronden", "{}"),
                    Map.entry(
                            "vernietigingsaanvragen.registreren",
                            "{\"bron\": \"politie-incident\", \"registratieId\": \"" + INCIDENT_ID
                                    + "\", \"ontvangenOp\": \"2026-01-05\"}"),
                    Map.entry("vernietigingsaanvraag.weigeren", "{\"gronden\": \"Wettelijke bewaarplicht politie.\"}"),
                    Map.entry(
                            "vernietigingsaanvraag.uitvoeren",
                            "{\"reden\": \"Verzoek AVG art. 17 toegewezen, zaaknummer PRIV-2026-002.\"}"),
                    Map.entry(
                            "melding.corrigeren",
                            "{\"veld\": \"ernst\", \"waarde\": \"S2\", \"reden\": \"Ernst verkeerd overgenomen.\"}"),
                    Map.entry("overdracht.weigeren", "{\"reden\": \"Geen capaciteit in dit wijkteam deze maand.\"}"),
                    // The police caller gets 201 the first time and 200 (the same incident) on any later identical
                    // call.
                    Map.entry("incidenten.registreren", """
            {"registratienummer": "MATRIX-1", "tijdstip": "2026-01-10T21:30:00+01:00", "adresId": "%s",
             "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false, "letsel": false,
             "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
             "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
            """.formatted(ADDRESS_ID)),
                    // The privacy officer destroys the fixture incident (204); the fixture is back before the next
                    // call.
                    Map.entry("vernietigingsverzoeken.uitvoeren", """
                    {"bron": "politie-incident", "registratieId": "%s", "ontvangenOp": "2026-01-05",
                     "reden": "Verzoek AVG art. 17 toegewezen, zaaknummer PRIV-2026-001."}
                    """.formatted(INCIDENT_ID)),
                    // The gemeente caller gets 201 the first time and 200 (the same record) on any later identical
                    // call.
                    Map.entry("gemeenteregistraties.registreren", """
                    {"registratienummer": "MATRIX-GEM-1", "soort": "signaal", "adresId": "%s", "datum": "2026-01-10",
                     "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                    """.formatted(ADDRESS_ID))));

    /** Example form fields for the pages that take a POST; every such row must have them. */
    static final Map<String, Map<String, String>> FORMS = join(
            CasusoverlegMatrix.FORMS,
            withFollowThrough(Map.of(
                    "adres.doorbreken.formulier",
                    Map.of("reden", "Kind uit onze regio verblijft hier bij vader."),
                    "doorbraak.beoordelen.formulier",
                    Map.of("oordeel", "terecht"),
                    "melding.beoordelen.formulier",
                    Map.of("acuteOnveiligheid", "nee", "structureleOnveiligheid", "ja", "statuscode", "VT-01-01"),
                    "meldingen.formulier.registreren",
                    Map.of(
                            "adresId", ADDRESS_ID,
                            "melderSector", "huisarts",
                            "reden", "Patiënte vertelt over geweld thuis.",
                            "geweldsvormen", "partnergeweld"),
                    "adressen.pagina.zoeken",
                    Map.of("postcode", "7901 ab", "huisnummer", "1"),
                    "incidenten.formulier.registreren",
                    Map.of(
                            "adresId", ADDRESS_ID,
                            "registratienummer", "MATRIX-FORM-1",
                            "datum", "2026-01-10",
                            "tijd", "21:30",
                            "ernst", "S1",
                            "geweldsvormen", "partnergeweld",
                            "slachtofferNaam", "Test Persoon",
                            "slachtofferRelatie", "partner"),
                    "gemeenteregistraties.formulier.registreren",
                    Map.of(
                            "adresId", ADDRESS_ID,
                            "registratienummer", "MATRIX-GEM-FORM-1",
                            "soort", "signaal",
                            "datum", "2026-01-10",
                            "ernst", "S1",
                            "geweldsvormen", "partnergeweld"))));

    /** The forms of a melding's follow-through (issue 16), added to the others (Map.of takes ten pairs at most). */
    private static Map<String, Map<String, String>> withFollowThrough(Map<String, Map<String, String>> forms) {
        Map<String, Map<String, String>> all = new java.util.HashMap<>(forms);
        all.put("melding.toewijzen.formulier", Map.of("behandelaar", Requests.SUBJECT));
        all.put("melding.onderzoek.starten.formulier", Map.of());
        all.put("melding.onderzoek.afronden.formulier", Map.of("uitkomst-partnergeweld", "bevestigd"));
        all.put(
                "melding.vervolgstap.toevoegen.formulier",
                Map.of("soort", "voorwaarden-en-vervolg", "datum", "2026-06-01"));
        all.put("melding.beeindigen.formulier", Map.of("statuscode", "VT-03"));
        all.put("melding.overdragen.formulier", Map.of("overdrachtToelichting", "Lokaal team neemt het over."));
        all.put("melding.monitoring.plannen.formulier", Map.of("monitoringdatum", "2026-09-01"));
        all.put("melding.monitoring.vastleggen.formulier", Map.of("uitkomst", "veilig"));
        all.put("overdracht.accepteren.formulier", Map.of());
        all.put(
                "melding.raad.verzoeken.formulier",
                Map.of("raadsdatum", "2026-01-02", "gronden", "Ouders weigeren elke hulp; kind onveilig."));
        all.put("melding.informeren.formulier", Map.of("geinformeerdOp", "2026-01-02", "wijze", "brief"));
        all.put("herinneringen.instellen", Map.of("herinneringen", "uit"));
        all.put(
                "inzageverzoeken.formulier.registreren",
                Map.of(
                        "ontvangenOp",
                        "2026-01-02",
                        "naam",
                        "Test Kind",
                        "geboortedatum",
                        "2016-01-01",
                        "adresId",
                        ADDRESS_ID));
        all.put("inzageverzoek.verlengen.formulier", Map.of("reden", "Veel registraties na te gaan bij de bronnen."));
        all.put("inzageverzoek.afronden.formulier", Map.of());
        all.put(
                "vernietigingsaanvragen.formulier.registreren",
                Map.of("bron", "politie-incident", "registratieId", INCIDENT_ID, "ontvangenOp", "2026-01-05"));
        all.put("vernietigingsaanvraag.weigeren.formulier", Map.of("gronden", "Wettelijke bewaarplicht politie."));
        all.put(
                "vernietigingsaanvraag.uitvoeren.formulier",
                Map.of("reden", "Verzoek AVG art. 17 toegewezen, zaaknummer PRIV-2026-003."));
        all.put(
                "melding.corrigeren.formulier",
                Map.of("veld", "ernst", "waarde", "S2", "correctieReden", "Ernst verkeerd overgenomen."));
        all.put("overdracht.weigeren.formulier", Map.of("reden", "Geen capaciteit in dit wijkteam deze maand."));
        return Map.copyOf(all);
    }

    private static <V> Map<String, V> join(Map<String, V> one, Map<String, V> other) {
        Map<String, V> both = new java.util.HashMap<>(one);
        both.putAll(other);
        return Map.copyOf(both);
    }

    /** One connection of the schema owner, kept open: the embedded database's own data source does not pool. */
    private static final Map<EmbeddedPostgres, JdbcTemplate> OWNER = new ConcurrentHashMap<>();

    @BeforeEach
    void addressFixture() {
        fixture(OWNER.computeIfAbsent(postgres, database -> {
            try {
                Connection connection = database.getPostgresDatabase().getConnection();
                return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static void fixture(JdbcTemplate owner) {
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '7901AB', 1, 'Teststraat', 'Hoogeveen', 'GM0118', true)"
                        + " ON CONFLICT DO NOTHING",
                ADDRESS_ID);
        owner.update(
                "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                        + " VALUES (?::uuid, '8011AB', 1, 'Elders', 'Zwolle', 'GM0193', true) ON CONFLICT DO NOTHING",
                ELSEWHERE_ADDRESS_ID);
        owner.update(
                "INSERT INTO incident (id, organisation, registration_number, occurred_at, occurred_zone, address_id,"
                        + " severity, children_present, injury, weapon, alcohol_drugs, aangifte, huisverbod_imposed,"
                        + " huisverbod_broken, zorgmelding, content_hash, registered_by)"
                        + " VALUES (?::uuid, 'veilig-thuis-drenthe', 'MATRIX-FIXTURE', '2026-01-01T12:00:00Z',"
                        + " 'Europe/Amsterdam', ?::uuid, 'S1', false, false, false, false, false, false, false, false,"
                        + " repeat('0', 64), 'fixture') ON CONFLICT DO NOTHING",
                INCIDENT_ID,
                ADDRESS_ID);
        owner.update(
                "INSERT INTO municipal_record (id, organisation, gemeente_code, registration_number, kind, address_id,"
                        + " occurred_on, severity, children_present, content_hash, registered_by)"
                        + " VALUES (?::uuid, 'veilig-thuis-drenthe', 'GM0118', 'MATRIX-FIXTURE', 'signaal', ?::uuid,"
                        + " '2026-01-01', 'S1', false, repeat('0', 64), 'fixture') ON CONFLICT DO NOTHING",
                MUNICIPAL_RECORD_ID,
                ADDRESS_ID);
        CasusoverlegMatrix.reset(owner, ADDRESS_ID, Requests.SUBJECT);
        owner.update(
                "INSERT INTO vt_professional (subject, display_name, vt_region, organisation, seen_at)"
                        + " VALUES (?, 'Test Professional', 'VT03', 'veilig-thuis-drenthe', now()) ON CONFLICT DO NOTHING",
                Requests.SUBJECT);
        for (String[] fixture :
                new String[][] {{MELDING_ID, "melding", "current_date"}, {ADVIES_ID, "advies", "null"}}) {
            owner.update(
                    "INSERT INTO vt_melding (id, kind, registration_number, vt_region, gemeente_code, address_id,"
                            + " received_at, received_on, melder_sector, melder_name, reason, acute, severity,"
                            + " children_involved, vervolgmelding, assessment_due, registered_by, registered_at)"
                            + " VALUES (?::uuid, ?, ?, 'VT03', 'GM0118', ?::uuid, now(), current_date, 'politie',"
                            + " 'MATRIX-MELDER', 'Fixture voor de matrix.', false, 'S1', false, false, "
                            + fixture[2] + ", 'fixture', now()) ON CONFLICT DO NOTHING",
                    fixture[0],
                    fixture[1],
                    "VT03-FIXTURE-" + fixture[1],
                    ADDRESS_ID);
            owner.update(
                    "INSERT INTO vt_melding_violence_type (melding_id, code) VALUES (?::uuid, 'partnergeweld')"
                            + " ON CONFLICT DO NOTHING",
                    fixture[0]);
        }
        owner.update(
                "INSERT INTO vt_overdracht (id, melding_id, vt_region, gemeente_code, offered_on, offered_at, offered_by,"
                        + " status) VALUES (?::uuid, ?::uuid, 'VT03', 'GM0118', current_date, now(), 'fixture',"
                        + " 'aangeboden') ON CONFLICT DO NOTHING",
                OVERDRACHT_ID,
                MELDING_ID);
        owner.update(
                "INSERT INTO vt_monitoring (id, melding_id, vt_region, due_on, planned_by, planned_at)"
                        + " VALUES (?::uuid, ?::uuid, 'VT03', current_date, 'fixture', now()) ON CONFLICT DO NOTHING",
                MOMENT_ID,
                MELDING_ID);
        owner.update(
                "INSERT INTO inzageverzoek (id, organisation, received_on, bsn, due_on, registered_by, registered_at)"
                        + " VALUES (?::uuid, 'veilig-thuis-drenthe', current_date, '111222333',"
                        + " current_date + 30, 'fixture', now()) ON CONFLICT DO NOTHING",
                INZAGE_ID);
        owner.update(
                "INSERT INTO destruction_request (id, organisation, source, record_id, received_on, due_on, status,"
                        + " registered_by, registered_at) VALUES (?::uuid, 'veilig-thuis-drenthe', 'POLITIE_INCIDENT',"
                        + " ?, current_date, current_date + 90, 'ontvangen', 'fixture', now()) ON CONFLICT DO NOTHING",
                AANVRAAG_ID,
                INCIDENT_ID);
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** Who calls: a role, no Adreszicht role, or nobody. */
    enum Caller {
        ROLE,
        NO_ROLE,
        ANONYMOUS
    }

    /** How a cell is tried: with its own method, as HEAD, as OPTIONS, or carrying a method-override marker. */
    enum Attempt {
        OWN,
        HEAD,
        OPTIONS,
        OVERRIDE_HEADER,
        OVERRIDE_METHOD_HEADER,
        OVERRIDE_PARAMETER,
        POST_OVERRIDE_HEADER,
        POST_OVERRIDE_METHOD_HEADER,
        POST_OVERRIDE_PARAMETER;

        /** The method the request is sent with. */
        String method(Permission permission) {
            return switch (this) {
                case OWN, OVERRIDE_HEADER, OVERRIDE_METHOD_HEADER, OVERRIDE_PARAMETER ->
                    permission.method().name();
                case HEAD -> "HEAD";
                case OPTIONS -> "OPTIONS";
                case POST_OVERRIDE_HEADER, POST_OVERRIDE_METHOD_HEADER, POST_OVERRIDE_PARAMETER -> "POST";
            };
        }

        /** The method an override marker claims: another one than sent, or the row's own on a POST. */
        String claimed(Permission permission) {
            return name().startsWith("POST_") ? permission.method().name() : "DELETE";
        }

        boolean overrides() {
            return name().contains("OVERRIDE");
        }
    }

    /** Sessions per login, logged in once per test run (the application context is shared). */
    private static final Map<String, Wire.Session> SESSIONS = new ConcurrentHashMap<>();

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Permission permission : AccessMatrix.permissions()) {
            Named<Permission> row = Named.of(permission.method() + " " + permission.path(), permission);
            for (Role role : Role.values()) {
                cells.add(Arguments.of(row, Caller.ROLE, role));
            }
            cells.add(Arguments.of(row, Caller.NO_ROLE, null));
            cells.add(Arguments.of(row, Caller.ANONYMOUS, null));
        }
        return cells.stream();
    }

    /** How many requests the matrix sends over the wire: every cell with every attempt. */
    static long requestsPerRun() {
        return cells().count() * Attempt.values().length;
    }

    @ParameterizedTest(name = "{0} as {1} {2}")
    @MethodSource("cells")
    void everyCellOfTheMatrixHoldsOverTheWireForEveryMethodAndIsLogged(
            Permission permission, Caller caller, @Nullable Role role) {
        Requests who = new Requests(role, "veilig-thuis-drenthe", "VT03", "GM0118");
        // The privacy officer is an account of its own: destruction refuses an officer who worked on the record
        // (separation of duties), and the other roles' calls write to the fixture records.
        java.util.Map<String, Object> claims = new java.util.HashMap<>(who.claims());
        claims.put("sub", subjectOf(role));
        String token = ISSUER.accessToken(claims);
        for (Attempt attempt : Attempt.values()) {
            String method = attempt.method(permission);
            // The row that decides this request: HEAD is GET without a body; another method may have a row of its own.
            Optional<Permission> decides =
                    AccessMatrix.find(method.equals("HEAD") ? "GET" : method, example(permission));
            boolean allowed = !attempt.overrides()
                    && decides.isPresent()
                    && (decides.get().anonymous()
                            || (caller == Caller.ROLE && decides.get().allows(role)));
            long logBefore = lastLogId();

            Wire.Response response = send(permission, attempt, caller, token, role);

            String what = attempt + " " + method + " as " + caller + " " + role;
            List<String[]> logged = entriesAfter(logBefore);
            if (allowed) {
                addressFixture(); // an allowed call may have used up a fixture (destroyed, registered, assessed)
            }
            if (allowed) {
                assertThat(response.status())
                        .as(what + ": allowed")
                        .isNotIn(401, 403)
                        .isLessThan(500);
            } else if (caller == Caller.ANONYMOUS) {
                assertThat(response.status()).as(what + ": refused").isEqualTo(permission.isApi() ? 401 : 302);
                if (!permission.isApi()) {
                    assertThat(response.header("Location").orElse(""))
                            .as(what + ": to the login")
                            .endsWith("/oauth2/authorization/keycloak");
                }
            } else {
                assertThat(response.status()).as(what + ": refused").isEqualTo(403);
            }
            boolean personal = decides.map(Permission::personalData).orElse(false) && caller != Caller.ANONYMOUS;
            // HEAD on a POST row's path can be taken by a GET row's path variable (HEAD /api/v1/adressen/_zoek is
            // GET /api/v1/adressen/{id} with the id "_zoek"): its handler refuses the id before reading anything.
            boolean otherRow = decides.isPresent() && !decides.get().path().equals(permission.path());
            if (allowed && otherRow) {
                assertThat(logged).as(what + ": access log entries").hasSizeLessThanOrEqualTo(1);
            } else {
                assertThat(logged).as(what + ": access log entries").hasSize(personal ? 1 : 0);
            }
            if (personal && !logged.isEmpty()) {
                String[] entry = logged.get(0);
                assertThat(entry[0])
                        .as(what + ": kind")
                        .isIn(
                                allowed
                                        ? List.of(
                                                "ZOEKEN",
                                                "LEZEN",
                                                "AANMAKEN",
                                                "WIJZIGEN",
                                                "VERWIJDEREN",
                                                "EXPORTEREN",
                                                "BREAK_THE_GLASS")
                                        : List.of("GEWEIGERD"));
                assertThat(entry[1])
                        .as(what + ": action")
                        .isEqualTo(decides.get().action());
                assertThat(entry[2]).as(what + ": actor").isEqualTo(subjectOf(role));
            }
            if (allowed
                    && attempt == Attempt.OWN
                    && !permission.anonymous()
                    && role == AccessMatrix.AGGREGATES_ONLY
                    && permission.isApi()
                    && response.status() == 200) {
                assertNoPersonalFields(json.readTree(response.body()), permission.path());
            }
        }
    }

    /** Sends one attempt of a cell: the row's example path, body or form, and the caller's token or session. */
    private Wire.Response send(
            Permission permission, Attempt attempt, Caller caller, String token, @Nullable Role role) {
        String method = attempt.method(permission);
        // Every call carries a search, so a search page searches (and logs) like its API twin; others ignore it.
        String target = example(permission) + "?object=a1b2c3";
        if (attempt == Attempt.OVERRIDE_PARAMETER || attempt == Attempt.POST_OVERRIDE_PARAMETER) {
            target += "&_method=" + attempt.claimed(permission);
        }
        Wire.Call call = wire().call(method, target);
        switch (attempt) {
            case OVERRIDE_HEADER, POST_OVERRIDE_HEADER ->
                call.header(OVERRIDE_HEADERS.get(0), attempt.claimed(permission));
            case OVERRIDE_METHOD_HEADER, POST_OVERRIDE_METHOD_HEADER ->
                call.header(OVERRIDE_HEADERS.get(1), attempt.claimed(permission));
            default -> {
                // no marker
            }
        }
        boolean withBody = method.equals("POST");
        if (permission.isApi()) {
            if (withBody) {
                call.json(BODIES.getOrDefault(permission.action(), "{}"));
                // A change of an existing resource requires If-Match (428 without it, before its handler logs the
                // use); the matrix is about who may, so it changes from whatever revision there is.
                call.header("If-Match", "*");
            }
            if (caller != Caller.ANONYMOUS) {
                call.bearer(token);
            }
        } else {
            Wire.Session session = session(caller, role);
            call.session(session);
            if (withBody) {
                Map<String, String> fields = new LinkedHashMap<>(FORMS.getOrDefault(permission.action(), Map.of()));
                if (session.csrf() != null) {
                    fields.put("_csrf", session.csrf());
                }
                call.form(fields);
            }
        }
        if (method.equals("POST") && permission.method() == HttpMethod.POST) {
            assertThat(
                            permission.isApi()
                                    ? BODIES.containsKey(permission.action())
                                    : FORMS.containsKey(permission.action()))
                    .as("an example body or form for " + permission.action())
                    .isTrue();
        }
        return call.send();
    }

    /** The browser session of a caller: logged in through the stand-in issuer, or an anonymous visitor's. */
    private Wire.Session session(Caller caller, @Nullable Role role) {
        return session(caller, role, "veilig-thuis-drenthe", "VT03", "GM0118");
    }

    private Wire.Session session(
            Caller caller, @Nullable Role role, String organisation, String vtRegion, String gemeente) {
        String login = "matrix-" + caller + "-" + role + "-" + organisation + "@" + port;
        return SESSIONS.computeIfAbsent(
                login,
                key -> caller == Caller.ANONYMOUS
                        ? wire().anonymous()
                        : loginAs(key, new Requests(role, organisation, vtRegion, gemeente), subjectOf(role)));
    }

    /** The subject of a caller: every role shares one, but for the privacy officer (separation of duties). */
    static String subjectOf(@Nullable Role role) {
        return role == Role.PRIVACY_OFFICER ? PRIVACY_OFFICER_SUBJECT : Requests.SUBJECT;
    }

    static final String PRIVACY_OFFICER_SUBJECT = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";

    private Wire.Session loginAs(String login, Requests professional, String subject) {
        java.util.Map<String, Object> claims = new java.util.HashMap<>(professional.claims());
        claims.put("sub", subject);
        ISSUER.user(login, claims);
        return wire().login(login);
    }

    /**
     * The scope cells: every row that reads within a scope, with every role the scope binds, called by a
     * professional of another organisation, VT region and gemeente. They may use the row (it is their role's), but
     * must receive nothing of the fixture's organisation or gemeente: not found, or an answer without it.
     *
     * <p>{@code own gemeente} binds the municipal roles. Police officers find addresses in the whole country (a
     * police unit spans many gemeenten), and Veilig Thuis's region scope with break-the-glass comes with the
     * address history; until then those roles have no gemeente cells here (docs/security/permissions.md).
     */
    static Stream<Arguments> scopeCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Permission permission : AccessMatrix.permissions()) {
            boolean reads =
                    permission.method() == HttpMethod.GET || permission.action().endsWith("zoeken");
            if (!reads) {
                continue;
            }
            for (Role role : permission.roles()) {
                boolean bound = switch (permission.scope()) {
                    case OWN_ORGANISATION -> true;
                    case OWN_GEMEENTE -> role == Role.GEMEENTE_MEDEWERKER || role == Role.GEMEENTE_ANALIST;
                    case OWN_VT_REGION -> role == Role.VT_MEDEWERKER || role == Role.VT_SUPERVISOR;
                    // Every role of a casusoverleg row is bound: another region, an organisation not invited.
                    case OWN_CASES -> true;
                    case NONE -> false;
                };
                if (bound) {
                    cells.add(Arguments.of(Named.of(permission.method() + " " + permission.path(), permission), role));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} of another scope")
    @MethodSource("scopeCells")
    void anotherScopeReceivesNothingOfThisOne(Permission permission, Role role) {
        // Something of the fixture's organisation in the access log, for the log's own scope to hide.
        wire().call("GET", "/api/v1/adressen/" + ADDRESS_ID)
                .bearer(token(new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118")))
                .send();
        Requests other = new Requests(role, "andere-organisatie", "VT01", "GM0363");
        String path = permission.path().replace("{objectId}", ADDRESS_ID).replace("{subject}", Requests.SUBJECT);
        Permission concrete = new Permission(
                permission.action(),
                permission.method(),
                path,
                permission.roles(),
                permission.scope(),
                permission.personalData(),
                permission.anonymous());
        Wire.Call call = wire().call(permission.method().name(), example(concrete) + "?object=a1b2c3");
        if (permission.isApi()) {
            if (permission.method() == HttpMethod.POST) {
                call.json(BODIES.get(permission.action()));
            }
            call.bearer(token(other));
        } else {
            Wire.Session session = session(Caller.ROLE, role, "andere-organisatie", "VT01", "GM0363");
            call.session(session);
            if (permission.method() == HttpMethod.POST) {
                Map<String, String> fields = new LinkedHashMap<>(FORMS.get(permission.action()));
                fields.put("_csrf", session.csrf());
                call.form(fields);
            }
        }

        Wire.Response response = call.send();

        // Another region is refused (break-the-glass is the way in); other scopes simply find nothing.
        assertThat(response.status())
                .as("the row is the caller's")
                .isNotIn(permission.scope() == Scope.OWN_VT_REGION ? List.of(401) : List.of(401, 403))
                .isLessThan(500);
        if (response.status() < 300) {
            String body = response.body();
            assertThat(body)
                    .as("another scope's data")
                    .doesNotContain("veilig-thuis-drenthe", "MATRIX-FIXTURE", "Teststraat");
            if (!permission.path().startsWith("/api/v1/toegangslog/")) {
                // The log lists the caller's own reads of the object, which name it; nothing else may.
                assertThat(body).doesNotContain(ADDRESS_ID, INCIDENT_ID, ELSEWHERE_ADDRESS_ID);
            }
        }
    }

    private void assertNoPersonalFields(JsonNode node, String path) {
        if (node.isObject()) {
            java.util.Collection<String> names = node.propertyNames();
            for (String name : names) {
                assertThat(name).as(path + " returns a personal field").doesNotMatch(FORBIDDEN_FOR_AGGREGATES);
                assertNoPersonalFields(node.get(name), path);
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
                assertNoPersonalFields(it.next(), path);
            }
        }
    }

    private long lastLogId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
    }

    private List<String[]> entriesAfter(long id) {
        return jdbc.query(
                "select kind, action, actor_subject from access_log where id > ? order by id",
                (row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)},
                id);
    }

    /** A concrete path for a row: ids name a fixture of that kind, other variables a well-formed opaque value. */
    static String example(Permission permission) {
        String path = permission.path();
        String id = FIXTURES.entrySet().stream()
                .filter(fixture -> path.startsWith(fixture.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(path.endsWith("/doorbraken") ? ELSEWHERE_ADDRESS_ID : ADDRESS_ID);
        return path.replace("{id}", id)
                .replace("{casusId}", CasusoverlegMatrix.CASUS_ID)
                .replace("{momentId}", MOMENT_ID)
                .replaceAll("\\{[^}]+}", "a1b2c3");
    }

    /** Which fixture an {@code {id}} names, by the path it is in; an address otherwise. */
    private static final Map<String, String> FIXTURES = join(
            CasusoverlegMatrix.FIXTURES,
            Map.ofEntries(
                    Map.entry("/api/v1/incidenten/", INCIDENT_ID),
                    Map.entry("/api/v1/gemeenteregistraties/", MUNICIPAL_RECORD_ID),
                    Map.entry("/api/v1/meldingen/", MELDING_ID),
                    Map.entry("/meldingen/", MELDING_ID),
                    Map.entry("/api/v1/adviezen/", ADVIES_ID),
                    Map.entry("/api/v1/overdrachten/", OVERDRACHT_ID),
                    Map.entry("/overdrachten/", OVERDRACHT_ID),
                    Map.entry("/api/v1/inzageverzoeken/", INZAGE_ID),
                    Map.entry("/inzageverzoeken/", INZAGE_ID),
                    Map.entry("/api/v1/vernietigingsaanvragen/", AANVRAAG_ID),
                    Map.entry("/vernietigingsaanvragen/", AANVRAAG_ID)));
}
