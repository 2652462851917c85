package nl.adreszicht.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The stored colour: recomputed when a record arrives, kept with its reasons and history, decaying daily, and
 * shown with the address to the roles that may see it. Records come from a stand-in source, as they will come
 * from the incidents and Veilig Thuis modules.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AddressColoursTest {

    /** Records per address, filled by each test for its own fresh address. */
    static final Map<AddressId, List<ColourRecord>> RECORDS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class StandInSource {
        @Bean
        ColourRecordSource standInRecords() {
            return address -> RECORDS.getOrDefault(address, List.of());
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AddressColours colours;

    @Autowired
    ColourDecay decay;

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

    @Test
    void eachNewRecordRecomputesTheColourAndKeepsWhyAndTheHistory() {
        AddressId address = newAddress();

        record(address, incident("i1", today.minusDays(40), Severity.S1, false));
        assertThat(colour(address)).isEqualTo("GREEN");

        record(address, incident("i2", today.minusDays(10), Severity.S1, false));
        assertThat(colour(address)).isEqualTo("YELLOW");

        record(address, incident("i3", today, Severity.S3, true));
        assertThat(colour(address)).isEqualTo("RED");

        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT rules_version, deciding_rule, array_to_string(counted_record_ids, ',') AS counted"
                        + " FROM address_colour WHERE address_id = ?",
                address.value());
        assertThat(stored)
                .containsEntry("rules_version", "v1")
                .containsEntry("deciding_rule", "S3_WITH_CHILDREN_IS_RED");
        assertThat(stored.get("counted")).isEqualTo("i1,i2,i3");
        assertThat(jdbc.queryForList(
                        "SELECT coalesce(previous_colour, '-') || '>' || colour FROM address_colour_history"
                                + " WHERE address_id = ? ORDER BY id",
                        String.class,
                        address.value()))
                .containsExactly("->GREEN", "GREEN>YELLOW", "YELLOW>RED");
    }

    @Test
    void coloursDecayWhenRecordsLeaveTheWindow() {
        AddressId address = newAddress();
        record(address, incident("d1", today.minusDays(5), Severity.S2, false));
        assertThat(colour(address)).isEqualTo("YELLOW");

        assertThat(decay.decay(today.plusYears(1))).isPositive();

        assertThat(colour(address)).isEqualTo("GREY");
        assertThat(jdbc.queryForObject(
                        "SELECT deciding_rule FROM address_colour WHERE address_id = ?", String.class, address.value()))
                .isEqualTo("HISTORY_OUTSIDE_WINDOW_IS_GREY");
    }

    @Test
    void theDailyDecayRunsOnOneInstanceOnly() throws Exception {
        try (var otherInstance = postgres.getPostgresDatabase().getConnection()) {
            otherInstance.setAutoCommit(false);
            try (var lock = otherInstance.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ColourDecay.LOCK_KEY);
                lock.execute();
            }

            assertThat(decay.decay(today)).isEqualTo(-1);

            otherInstance.rollback();
        }
    }

    @Test
    void theAddressShowsItsColourAndWhy() throws Exception {
        AddressId address = newAddress();
        record(address, incident("a1", today.minusDays(3), Severity.S1, true));

        mvc.perform(get("/api/v1/adressen/" + address)
                        .with(new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118").api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur.kleur").value("YELLOW"))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").value("CHILDREN_PRESENT_IS_YELLOW"))
                .andExpect(jsonPath("$.kleur.regelsVersie").value("v1"))
                .andExpect(jsonPath("$.kleur.aantalMeegeteld").value(1))
                .andExpect(jsonPath("$.kleur.meegeteldeRegistraties").doesNotExist());
        mvc.perform(get("/api/v1/adressen/" + address)
                        .with(new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null).api()))
                .andExpect(jsonPath("$.kleur.meegeteldeRegistraties[0]").value("a1"));
    }

    @Test
    void aProfessionalRaisesTheColourToRedWithAReason() throws Exception {
        AddressId address = newAddress();
        record(address, incident("r1", today.minusDays(3), Severity.S1, false));
        Requests vt = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);

        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverhogingen")
                        .with(vt.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"Zorgen van de school over de kinderen.\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kleur.kleur").value("RED"))
                .andExpect(jsonPath("$.kleur.beslissendeRegel").value("RAISED_BY_PROFESSIONAL_IS_RED"));

        assertThat(colour(address)).isEqualTo("RED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from access_log where object_id = ? and kind = 'WIJZIGEN'",
                        Integer.class,
                        address.toString()))
                .isEqualTo(1);
    }

    @Test
    void aRaiseNeedsARealReasonAndARoleThatMayRaise() throws Exception {
        AddressId address = newAddress();
        Requests police = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118");

        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverhogingen")
                        .with(police.api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"zomaar\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.invalidParams[0].name").value("reden"));
        mvc.perform(post("/api/v1/adressen/" + address + "/kleurverhogingen")
                        .with(new Requests(Role.GEMEENTE_ANALIST, "gemeente-hoogeveen", null, "GM0118").api())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reden\": \"Een reden die lang genoeg is.\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject(
                        "select count(*) from colour_raise where address_id = ?", Integer.class, address.value()))
                .isZero();
    }

    @Test
    void anAddressWithoutRecordsHasNoColour() throws Exception {
        AddressId address = newAddress();

        mvc.perform(get("/api/v1/adressen/" + address)
                        .with(new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, "GM0118").api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur").doesNotExist());
    }

    private void record(AddressId address, ColourRecord record) {
        RECORDS.computeIfAbsent(address, a -> new ArrayList<>()).add(record);
        events.publishEvent(new RecordChanged(record.source(), record.id(), address));
    }

    private String colour(AddressId address) {
        return jdbc.queryForObject(
                "SELECT colour FROM address_colour WHERE address_id = ?", String.class, address.value());
    }

    private static ColourRecord incident(String id, LocalDate date, Severity severity, boolean children) {
        return new ColourRecord(
                id,
                RecordSource.POLITIE_INCIDENT,
                date,
                severity,
                children,
                false,
                false,
                false,
                Set.of("p-" + id),
                "politie-noord-nederland");
    }

    private AddressId newAddress() {
        return new AddressId(new TestAddresses(postgres.getPostgresDatabase()).create("GM0118"));
    }
}
