package nl.adreszicht.retention;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Police incidents registered over the API, as the retention tests need them, and the data they leave behind. */
final class PoliceIncidents {

    static final String ORGANISATION = "politie-drenthe";
    static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, ORGANISATION, null, "GM0118");

    private final MockMvc mvc;
    private final JdbcTemplate owner;
    private final TestAddresses addresses;
    private final JsonMapper json = JsonMapper.builder().build();

    PoliceIncidents(MockMvc mvc, DataSource ownerDataSource) {
        this.mvc = mvc;
        this.owner = new JdbcTemplate(ownerDataSource);
        this.addresses = new TestAddresses(ownerDataSource);
    }

    /** A new address of its own in Hoogeveen, with wijk and buurt. */
    String newAddress() {
        return addresses.create("GM0118", "WK011801", "BU01180102").toString();
    }

    /** Registers an incident; returns its id. */
    String register(String address, int daysAgo, String severity, @Nullable LocalDate childBornOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "registratienummer", "PL-BEWAAR-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("tijdstip", TestClock.NOW.minusDays(daysAgo).withNano(0).toString());
        body.put("adresId", address);
        body.put("geweldsvormen", List.of("partnergeweld"));
        body.put("ernst", severity);
        body.put("kinderenAanwezig", childBornOn != null);
        body.put("letsel", false);
        body.put("wapen", false);
        body.put("alcoholDrugs", false);
        body.put("aangifte", false);
        body.put("huisverbodOpgelegd", false);
        body.put("huisverbodOvertreden", false);
        List<Map<String, Object>> persons = new ArrayList<>();
        persons.add(Map.of("rol", "slachtoffer", "relatie", "partner", "naam", "Eva Bewaar"));
        if (childBornOn != null) {
            persons.add(Map.of("rol", "kind", "naam", "Kees Bewaar", "geboortedatum", childBornOn.toString()));
        }
        body.put("betrokkenen", persons);
        String response = mvc.perform(post("/api/v1/incidenten")
                        .with(POLICE.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asString();
    }

    /** Ends the incident's retention yesterday, as if its period had passed. */
    void expire(String incident) {
        owner.update(
                "UPDATE retention_schedule SET kept_until = ? WHERE source = 'POLITIE_INCIDENT' AND record_id = ?",
                TestClock.TODAY.minusDays(1),
                incident);
    }

    /** How many rows of the incident and its children are left, table by table. */
    List<Integer> rowsOf(String incident) {
        UUID id = UUID.fromString(incident);
        return List.of(
                count("SELECT count(*) FROM incident WHERE id = ?", id),
                count("SELECT count(*) FROM incident_person WHERE incident_id = ?", id),
                count("SELECT count(*) FROM incident_violence_type WHERE incident_id = ?", id),
                count("SELECT count(*) FROM retention_schedule WHERE record_id = ?", incident));
    }

    /** The whole anonymous tally, monthly, yearly and national, in a stable order. */
    List<Map<String, Object>> tally() {
        List<Map<String, Object>> rows = new ArrayList<>(
                owner.queryForList("SELECT * FROM record_tally ORDER BY gemeente_code, wijk_code, buurt_code,"
                        + " area_year, month, source, severity, children_present"));
        rows.addAll(owner.queryForList("SELECT * FROM record_tally_year ORDER BY gemeente_code, tally_year,"
                + " wijk_code, buurt_code, area_year, source, children_present"));
        rows.addAll(owner.queryForList("SELECT * FROM record_tally_violence_type_year ORDER BY gemeente_code,"
                + " tally_year, wijk_code, buurt_code, area_year, violence_type"));
        rows.addAll(
                owner.queryForList("SELECT * FROM national_tally ORDER BY month, stripe, source, children_present"));
        rows.addAll(owner.queryForList("SELECT * FROM national_violence_tally ORDER BY month, stripe, violence_type"));
        return rows;
    }

    /** The stored colour of the address, or null when it has none. */
    @Nullable
    String colour(String address) {
        return owner
                .queryForList("SELECT colour FROM address_colour WHERE address_id = ?::uuid", String.class, address)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The access log entries about one object: kind, action, actor, organisation, roles. */
    List<String> logOf(String objectId) {
        return owner.queryForList(
                "SELECT kind || ' ' || action || ' ' || actor_subject || ' ' || coalesce(actor_organisation, '-')"
                        + " || ' ' || actor_roles FROM access_log WHERE object_id = ? ORDER BY id",
                String.class,
                objectId);
    }

    private int count(String sql, Object id) {
        Integer count = owner.queryForObject(sql, Integer.class, id);
        return count == null ? 0 : count;
    }
}
