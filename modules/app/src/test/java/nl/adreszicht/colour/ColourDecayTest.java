package nl.adreszicht.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.adreszicht.Requests;
import nl.adreszicht.TestAddresses;
import nl.adreszicht.TestClock;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nightly decay never holds up a registration for longer than one batch: it commits batch by batch, so an
 * address it has recomputed is free again while it works on the rest.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressColoursTest.StandInSource.class)
class ColourDecayTest {

    /** How long a registration may wait; it takes milliseconds when nothing holds its address. */
    private static final long BOUNDED_WAIT_SECONDS = 10;

    /** The lowest and the highest possible key: the first address of the first batch and one in the last. */
    private static final UUID FIRST = new UUID(0, 1);

    private static final UUID LAST = new UUID(-1, -1);

    @Autowired
    ColourDecay decay;

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TestClock.Settable clock;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void fixTheDay() {
        clock.startAt(TestClock.NOW.toInstant());
    }

    @Test
    void aRegistrationDuringTheDecayWaitsForOneBatchAtMost() throws Exception {
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        TestAddresses addresses = new TestAddresses(postgres.getPostgresDatabase());
        // More coloured addresses than one batch: FIRST is decayed in the first batch, LAST in a later one.
        addresses.create(FIRST, "GM0118", null, null);
        addresses.create(LAST, "GM0118", null, null);
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < ColourDecay.BATCH; i++) {
            others.add(addresses.create("GM0118"));
        }
        List<UUID> coloured = new ArrayList<>(others);
        coloured.add(FIRST);
        coloured.add(LAST);
        for (UUID address : coloured) {
            owner.update(
                    "INSERT INTO address_colour (address_id, colour, rules_version, deciding_rule, fired_rules,"
                            + " counted_record_ids, computed_at) VALUES (?, 'YELLOW', 'v1', 'S2_IS_YELLOW',"
                            + " '{S2_IS_YELLOW}', '{}', now())",
                    address);
        }

        CompletableFuture<Integer> decaying;
        CompletableFuture<Integer> registration;
        try (Connection otherSession = postgres.getPostgresDatabase().getConnection()) {
            // Another session holds the LAST address, so the decay stops there until it lets go.
            otherSession.setAutoCommit(false);
            try (PreparedStatement hold =
                    otherSession.prepareStatement("SELECT 1 FROM address WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, LAST);
                hold.executeQuery().close();
            }
            decaying = CompletableFuture.supplyAsync(() -> decay.decay(TestClock.TODAY));
            awaitDecayWaitingForTheLastAddress(owner);

            registration = CompletableFuture.supplyAsync(this::registerAtTheFirstAddress);
            try {
                assertThat(registration.get(BOUNDED_WAIT_SECONDS, TimeUnit.SECONDS))
                        .as("the registration at an address the decay has done with")
                        .isEqualTo(201);
            } catch (TimeoutException e) {
                fail("A registration waited more than " + BOUNDED_WAIT_SECONDS + " s for the running decay: it holds"
                        + " every address it recomputed until the whole run ends");
            } finally {
                otherSession.rollback();
            }
        }
        assertThat(registration.get(60, TimeUnit.SECONDS)).isEqualTo(201);
        assertThat(decaying.get(60, TimeUnit.SECONDS)).isGreaterThan(ColourDecay.BATCH);
        assertThat(owner.queryForObject("SELECT colour FROM address_colour WHERE address_id = ?", String.class, FIRST))
                .as("the registration's own recompute, S1 without children")
                .isEqualTo("GREEN");
        others.add(LAST);
        assertThat(owner.queryForObject(
                        "SELECT count(*) FROM address_colour WHERE address_id = ANY (?)", Long.class, (Object)
                                others.toArray(UUID[]::new)))
                .as("every other address of this test lost the colour it had no records for")
                .isZero();
    }

    private static void awaitDecayWaitingForTheLastAddress(JdbcTemplate owner) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Map<String, Object>> waiting = owner.queryForList(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'");
            if (!waiting.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        fail("The decay never reached the last address");
    }

    private int registerAtTheFirstAddress() {
        try {
            Map<String, Object> body = Map.ofEntries(
                    Map.entry(
                            "registratienummer",
                            "PL-VERVAL-" + UUID.randomUUID().toString().substring(0, 8)),
                    Map.entry("tijdstip", TestClock.NOW.minusDays(1).toString()),
                    Map.entry("adresId", FIRST.toString()),
                    Map.entry("geweldsvormen", List.of("partnergeweld")),
                    Map.entry("ernst", "S1"),
                    Map.entry("kinderenAanwezig", false),
                    Map.entry("letsel", false),
                    Map.entry("wapen", false),
                    Map.entry("alcoholDrugs", false),
                    Map.entry("aangifte", false),
                    Map.entry("huisverbodOpgelegd", false),
                    Map.entry("huisverbodOvertreden", false));
            return mvc.perform(post("/api/v1/incidenten")
                            .with(new Requests(Role.POLITIE_MEDEWERKER, "politie-drenthe", null, "GM0118").api())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
