package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import nl.adreszicht.security.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated from the permission matrix: every row, with every role, with a login that has no Adreszicht role,
 * and without login. Each call must get exactly what its row says, and leave exactly the access-log rows the
 * row implies: one entry for a use or a refusal of a personal-data endpoint, none otherwise.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTest {

    /** Field names that would carry an address, a person or free text: never in a gemeente-analist response. */
    private static final Pattern FORBIDDEN_FOR_AGGREGATES = Pattern.compile(
            "(?i).*(adres|straat|postcode|huisnummer|huisletter|toevoeging|naam|name|bsn|geboorte|persoon|betrokkene"
                    + "|toelichting|omschrijvingvrij|vrijetekst|tekst|notitie|melder).*");

    @Autowired
    MockMvc mvc;

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

    /** A Veilig Thuis advies of the fixture's region. */
    static final String ADVIES_ID = "5b0c3c0e-4444-4d6e-9a51-2b1f0c9d7e04";

    static final String MELDING_BODY = """
            {"adresId": "%s", "melder": {"sector": "onderwijs", "naam": "Juf Test"},
             "reden": "Kind vertelt over geweld thuis.", "geweldsvormen": ["partnergeweld"],
             "betrokkenen": [{"rol": "kind", "naam": "Test Kind"}]}
            """.formatted(ADDRESS_ID);

    /** Example bodies for the rows that take one; every POST row must have one. */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("adres.kleur.verhogen", "{\"reden\": \"Buren melden al weken geschreeuw en dreiging.\"}"),
            Map.entry(
                    "adres.kleur.verlagen",
                    "{\"doelkleur\": \"GREEN\", \"reden\": \"Gezin werkt mee, hulp loopt goed.\","
                            + " \"herbeoordelingsdatum\": \"2099-01-01\"}"),
            Map.entry("adres.kleur.verlaging.goedkeuren", "{}"),
            Map.entry("adres.doorbreken", "{\"reden\": \"Kind uit onze regio verblijft hier bij vader.\"}"),
            Map.entry("doorbraak.beoordelen", "{\"oordeel\": \"terecht\"}"),
            Map.entry("adressen.zoeken", "{\"postcode\": \"7901 ab\", \"huisnummer\": 1}"),
            Map.entry("incident.zorgmelding.versturen", "{\"zorgen\": \"Kinderen waren getuige; moeder wil hulp.\"}"),
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
            Map.entry("melding.vervolgstap.toevoegen", "{\"soort\": \"monitoring\", \"datum\": \"2026-06-01\"}"),
            Map.entry("melding.beeindigen", "{\"statuscode\": \"VT-03\"}"),
            // The police caller gets 201 the first time and 200 (the same incident) on any later identical call.
            Map.entry("incidenten.registreren", """
            {"registratienummer": "MATRIX-1", "tijdstip": "2026-01-10T21:30:00+01:00", "adresId": "%s",
             "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false, "letsel": false,
             "wapen": false, "alcoholDrugs": false, "aangifte": false, "huisverbodOpgelegd": false,
             "huisverbodOvertreden": false, "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
            """.formatted(ADDRESS_ID)),
            // The privacy officer destroys the fixture incident (204); the fixture is back before the next call.
            Map.entry("vernietigingsverzoeken.uitvoeren", """
                    {"bron": "politie-incident", "registratieId": "%s", "ontvangenOp": "2026-01-05",
                     "reden": "Verzoek AVG art. 17 toegewezen, zaaknummer PRIV-2026-001."}
                    """.formatted(INCIDENT_ID)),
            // The gemeente caller gets 201 the first time and 200 (the same record) on any later identical call.
            Map.entry("gemeenteregistraties.registreren", """
                    {"registratienummer": "MATRIX-GEM-1", "soort": "signaal", "adresId": "%s", "datum": "2026-01-10",
                     "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false}
                    """.formatted(ADDRESS_ID)));

    /** Example form fields for the pages that take a POST; every such row must have them. */
    static final Map<String, Map<String, String>> FORMS = Map.of(
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
                    "geweldsvormen", "partnergeweld"));

    @BeforeEach
    void addressFixture() {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
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
    }

    private final JsonMapper json = JsonMapper.builder().build();

    /** Who calls: a role, no Adreszicht role, or nobody. */
    enum Caller {
        ROLE,
        NO_ROLE,
        ANONYMOUS
    }

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

    @ParameterizedTest(name = "{0} as {1} {2}")
    @MethodSource("cells")
    void everyCellOfTheMatrixHoldsAndIsLogged(Permission permission, Caller caller, Role role) throws Exception {
        Requests who = new Requests(role, "veilig-thuis-drenthe", "VT03", "GM0118");
        // Every call carries a search, so a search page searches (and logs) like its API twin; others ignore it.
        var call = request(permission.method(), example(permission)).param("object", "a1b2c3");
        if (permission.method() == HttpMethod.POST && permission.isApi()) {
            assertThat(BODIES).as("an example body for " + permission.action()).containsKey(permission.action());
            call.contentType(MediaType.APPLICATION_JSON).content(BODIES.get(permission.action()));
        } else if (permission.method() == HttpMethod.POST) {
            assertThat(FORMS)
                    .as("example form fields for " + permission.action())
                    .containsKey(permission.action());
            FORMS.get(permission.action()).forEach(call::param);
            call.with(SecurityMockMvcRequestPostProcessors.csrf());
        }
        if (caller != Caller.ANONYMOUS) {
            call.with(permission.isApi() ? who.api() : who.ui());
        }
        long logBefore = logSize();

        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

        long logged = logSize() - logBefore;
        boolean allowed = permission.anonymous() || (caller == Caller.ROLE && permission.allows(role));
        if (allowed) {
            assertThat(response.getStatus()).as("allowed").isNotIn(401, 403).isLessThan(500);
        } else if (caller == Caller.ANONYMOUS) {
            assertThat(response.getStatus()).isEqualTo(permission.isApi() ? 401 : 302);
        } else {
            assertThat(response.getStatus()).as("refused").isEqualTo(403);
        }
        boolean personal = permission.personalData() && caller != Caller.ANONYMOUS;
        assertThat(logged).as("access log entries").isEqualTo(personal ? 1 : 0);
        if (personal) {
            String[] entry = lastEntry();
            assertThat(entry[0])
                    .as("kind")
                    .isIn(
                            allowed
                                    ? List.of(
                                            "ZOEKEN", "LEZEN", "AANMAKEN", "WIJZIGEN", "VERWIJDEREN", "BREAK_THE_GLASS")
                                    : List.of("GEWEIGERD"));
            assertThat(entry[1]).as("action").isEqualTo(permission.action());
            assertThat(entry[2]).as("actor").isEqualTo(Requests.SUBJECT);
        }
        if (allowed
                && !permission.anonymous()
                && role == AccessMatrix.AGGREGATES_ONLY
                && permission.isApi()
                && response.getStatus() == 200) {
            assertNoPersonalFields(json.readTree(response.getContentAsString()), permission.path());
        }
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
    void anotherScopeReceivesNothingOfThisOne(Permission permission, Role role) throws Exception {
        // Something of the fixture's organisation in the access log, for the log's own scope to hide.
        mvc.perform(request(HttpMethod.GET, "/api/v1/adressen/" + ADDRESS_ID)
                .with(new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118").api()));
        Requests other = new Requests(role, "andere-organisatie", "VT01", "GM0363");
        String path = permission.path().replace("{objectId}", ADDRESS_ID).replace("{subject}", Requests.SUBJECT);
        var call = request(
                        permission.method(),
                        example(new Permission(
                                permission.action(),
                                permission.method(),
                                path,
                                permission.roles(),
                                permission.scope(),
                                permission.personalData(),
                                permission.anonymous())))
                .param("object", "a1b2c3");
        if (permission.method() == HttpMethod.POST && permission.isApi()) {
            call.contentType(MediaType.APPLICATION_JSON).content(BODIES.get(permission.action()));
        } else if (permission.method() == HttpMethod.POST) {
            FORMS.get(permission.action()).forEach(call::param);
            call.with(SecurityMockMvcRequestPostProcessors.csrf());
        }
        call.with(permission.isApi() ? other.api() : other.ui());

        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

        // Another region is refused (break-the-glass is the way in); other scopes simply find nothing.
        assertThat(response.getStatus())
                .as("the row is the caller's")
                .isNotIn(permission.scope() == Scope.OWN_VT_REGION ? List.of(401) : List.of(401, 403))
                .isLessThan(500);
        if (response.getStatus() < 300) {
            String body = response.getContentAsString();
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

    private long logSize() {
        return jdbc.queryForObject("select count(*) from access_log", Long.class);
    }

    private String[] lastEntry() {
        return jdbc.queryForObject(
                "select kind, action, actor_subject from access_log order by id desc limit 1",
                (row, n) -> new String[] {row.getString(1), row.getString(2), row.getString(3)});
    }

    /** A concrete path for a row: ids name a fixture of that kind, other variables a well-formed opaque value. */
    static String example(Permission permission) {
        String path = permission.path();
        String id = FIXTURES.entrySet().stream()
                .filter(fixture -> path.startsWith(fixture.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(path.endsWith("/doorbraken") ? ELSEWHERE_ADDRESS_ID : ADDRESS_ID);
        return path.replace("{id}", id).replaceAll("\\{[^}]+}", "a1b2c3");
    }

    /** Which fixture an {@code {id}} names, by the path it is in; an address otherwise. */
    private static final Map<String, String> FIXTURES = Map.of(
            "/api/v1/incidenten/", INCIDENT_ID,
            "/api/v1/gemeenteregistraties/", MUNICIPAL_RECORD_ID,
            "/api/v1/meldingen/", MELDING_ID,
            "/meldingen/", MELDING_ID,
            "/api/v1/adviezen/", ADVIES_ID);
}
