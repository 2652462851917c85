package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.adreszicht.QueryPlans;
import nl.adreszicht.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention on PostgreSQL: the date set at registration and shown on the incident, the daily sweep deleting only
 * what has expired (with its children, logged, colour recomputed, tally untouched), once per cluster, indexed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RetentionSweepTest {

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
    TransactionTemplate transaction;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    RetentionSweep sweep;

    private PoliceIncidents incidents;

    private final LocalDate today = TestClock.TODAY;

    @BeforeEach
    void fixtures() {
        incidents = new PoliceIncidents(mvc, postgres.getPostgresDatabase());
    }

    @Test
    void anIncidentIsScheduledWhenRegisteredAndShowsItsDate() throws Exception {
        String address = incidents.newAddress();
        LocalDate childBorn = today.minusYears(10);
        String plain = incidents.register(address, 3, "S1", null);
        String withChild = incidents.register(address, 2, "S1", childBorn);

        mvc.perform(get("/api/v1/incidenten/" + plain).with(PoliceIncidents.POLICE.api()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.bewaartermijnTot").value(today.plusYears(5).toString()));
        mvc.perform(get("/api/v1/incidenten/" + withChild).with(PoliceIncidents.POLICE.api()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bewaartermijnTot")
                        .value(childBorn.plusYears(18).toString()));
        assertThat(jdbc.queryForMap(
                        "SELECT basis, rule_version, organisation FROM retention_schedule WHERE record_id = ?",
                        withChild))
                .containsEntry("basis", "JONGSTE_KIND_MEERDERJARIG")
                .containsEntry("rule_version", "r1")
                .containsEntry("organisation", PoliceIncidents.ORGANISATION);
    }

    @Test
    void theSweepDeletesOnlyWhatHasExpiredWithItsChildrenAndKeepsTheTally() throws Exception {
        String address = incidents.newAddress();
        String expired = incidents.register(address, 5, "S2", today.minusYears(4));
        String kept = incidents.register(address, 10, "S1", null);
        assertThat(incidents.colour(address)).isEqualTo("YELLOW");
        incidents.expire(expired);
        List<Map<String, Object>> tallyBefore = incidents.tally();

        assertThat(sweep.sweep(today)).isPositive();

        assertThat(incidents.rowsOf(expired)).containsExactly(0, 0, 0, 0);
        assertThat(incidents.rowsOf(kept)).containsExactly(1, 1, 1, 1);
        assertThat(incidents.colour(address))
                .as("only the kept S1 incident counts")
                .isEqualTo("GREEN");
        assertThat(incidents.tally())
                .as("the tally counts the deleted incident still")
                .isEqualTo(tallyBefore);
        assertThat(incidents.logOf(expired))
                .containsExactly(
                        "AANMAKEN incidenten.registreren " + nl.adreszicht.Requests.SUBJECT + " "
                                + PoliceIncidents.ORGANISATION + " politie-medewerker",
                        "VERWIJDEREN bewaartermijn.verwijderen systeem:bewaartermijn " + PoliceIncidents.ORGANISATION
                                + " systeem");
        assertThat(jdbc.queryForMap(
                        "SELECT purpose, legal_basis, origin_client FROM access_log"
                                + " WHERE object_id = ? AND kind = 'VERWIJDEREN'",
                        expired))
                .containsEntry("purpose", "bewaartermijn verstreken")
                .containsEntry("legal_basis", "bewaarregel r1 (POLITIE_INCIDENT)")
                .containsEntry("origin_client", "adreszicht");
        assertThat(incidents.logOf(kept)).hasSize(1);
    }

    @Test
    void theTallyCountsEveryRegistrationInItsAreaAndMonth() throws Exception {
        String address = incidents.newAddress();
        LocalDate month = today.minusDays(1).withDayOfMonth(1);
        String cell = "SELECT coalesce(sum(records), 0) FROM record_tally WHERE gemeente_code = 'GM0118'"
                + " AND wijk_code = 'WK011801' AND buurt_code = 'BU01180102' AND area_year = 2025 AND month = ?"
                + " AND source = 'POLITIE_INCIDENT' AND severity = 'S3' AND NOT children_present";
        Integer before = jdbc.queryForObject(cell, Integer.class, month);

        incidents.register(address, 1, "S3", null);

        assertThat(jdbc.queryForObject(cell, Integer.class, month)).isEqualTo(before + 1);
    }

    @Test
    void anAddressWhoseLastRecordIsDeletedHasNoColourLeft() throws Exception {
        String address = incidents.newAddress();
        String only = incidents.register(address, 3, "S1", null);
        assertThat(incidents.colour(address)).isEqualTo("GREEN");
        incidents.expire(only);

        sweep.sweep(today);

        assertThat(incidents.rowsOf(only)).containsExactly(0, 0, 0, 0);
        assertThat(incidents.colour(address)).isNull();
    }

    @Test
    void theSweepSkipsWhileAnotherInstanceSweeps() throws Exception {
        String address = incidents.newAddress();
        String expired = incidents.register(address, 3, "S1", null);
        incidents.expire(expired);
        try (var otherInstance = postgres.getPostgresDatabase().getConnection()) {
            otherInstance.setAutoCommit(false);
            try (var lock = otherInstance.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RetentionSweep.LOCK_KEY);
                lock.execute();
            }

            assertThat(sweep.sweep(today)).isEqualTo(-1);
            assertThat(incidents.rowsOf(expired)).startsWith(1);

            otherInstance.rollback();
        }

        assertThat(sweep.sweep(today)).isPositive();
        assertThat(incidents.rowsOf(expired)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void twoInstancesSweepingAtOnceDeleteAndLogEachRecordOnce() throws Exception {
        String address = incidents.newAddress();
        List<String> expired = List.of(
                incidents.register(address, 4, "S1", null),
                incidents.register(address, 3, "S2", null),
                incidents.register(address, 2, "S1", null));
        expired.forEach(incidents::expire);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> instance = () -> {
            start.await();
            return sweep.sweep(today);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(instance);
            Future<Integer> second = pool.submit(instance);
            start.countDown();
            assertThat(Math.max(first.get(), 0) + Math.max(second.get(), 0)).isGreaterThanOrEqualTo(3);
        } finally {
            pool.shutdown();
        }

        for (String incident : expired) {
            assertThat(incidents.rowsOf(incident)).containsExactly(0, 0, 0, 0);
            assertThat(incidents.logOf(incident))
                    .filteredOn(entry -> entry.startsWith("VERWIJDEREN"))
                    .hasSize(1);
        }
        assertThat(incidents.colour(address)).isNull();
    }

    @Test
    void theSweepFindsDueRecordsThroughAnIndex() {
        QueryPlans.assertIndexed(
                jdbc, transaction, "retention_schedule", RetentionSweep.DUE, today, LocalDate.of(1, 1, 1), "", "", 500);
    }
}
