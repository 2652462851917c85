package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * More registrations at once than the pool has connections all succeed, and all their after-commit listeners run.
 * Found by the soak benchmark (docs/performance.md, "Registrations collapse"): the after-commit listener ran on the
 * request thread in a transaction of its own while the committed transaction's connection was still bound, so every
 * registration needed two connections at its end; once every connection was held by a registration waiting for a
 * second one, none was ever given back until the pool's timeout, and the registrations waiting for a connection failed
 * with it. Now the listeners run on their own executor (ADR 0011). Here: sixteen registrations over the wire at once (a
 * police incident and a municipal signal at each of eight addresses) on a pool of four connections. The pool gives up
 * after ten seconds, far more than sixteen registrations take one after another even on a busy shared machine, so
 * only a wait that cannot end by itself fails them.
 */
@TestPropertySource(
        properties = {
            "adreszicht.embedded-postgres.maximum-pool-size=4",
            "spring.datasource.hikari.connection-timeout=10000"
        })
class ConcurrentRegistrationsTest extends OverTheWire {

    private static final Requests POLICE = new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null);
    private static final Requests GEMEENTE =
            new Requests(Role.GEMEENTE_MEDEWERKER, "gemeente-hoogeveen", null, "GM0118");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void sixteenRegistrationsOnFourConnectionsAllSucceedAndAllAreMatched() throws Exception {
        TestAddresses addresses = new TestAddresses(postgres.getPostgresDatabase());
        List<String> atAddresses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            atAddresses.add(addresses.create("GM0118").toString());
        }
        String police = token(POLICE);
        String gemeente = token(GEMEENTE);
        // A warm instance, as in production: the first registrations of a fresh one are slow for reasons that have
        // nothing to do with the pool (class loading, the first query plans).
        String warmUp = addresses.create("GM0118").toString();
        assertThat(incident(police, warmUp, 1).status()).isEqualTo(201);
        assertThat(signal(gemeente, warmUp, 1).status()).isEqualTo(201);
        AfterCommit.awaitListenersDone(jdbc, warmUp);

        // Each address in a month of its own, so the registrations do not all wait on one row of the area scan's
        // tally (counted per gemeente and month, just before each registration's commit): this is about connections.
        List<Callable<Wire.Response>> registrations = new ArrayList<>();
        for (int i = 0; i < atAddresses.size(); i++) {
            String address = atAddresses.get(i);
            int month = 2 + i;
            registrations.add(() -> incident(police, address, month));
            registrations.add(() -> signal(gemeente, address, month));
        }

        ExecutorService clients = Executors.newFixedThreadPool(registrations.size());
        List<Wire.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Wire.Response>> sent = new ArrayList<>();
            for (Callable<Wire.Response> registration : registrations) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return registration.call();
                }));
            }
            start.countDown();
            for (Future<Wire.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(answers)
                .as("every registration is acknowledged")
                .extracting(Wire.Response::status)
                .containsOnly(201);
        for (String address : atAddresses) {
            // The listeners run after the answers: waited for, bounded, far below the registry's resubmission
            // (a minute), so a listener that failed and waits to be resubmitted fails this test.
            AfterCommit.awaitListenersDone(jdbc, address);
        }
        await().atMost(AfterCommit.AT_MOST)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT count(*) FROM signal_match WHERE address_id::text = ANY (?)",
                                Integer.class,
                                (Object) atAddresses.toArray(String[]::new)))
                        .as("both organisations told about each other at every address")
                        .isEqualTo(2 * atAddresses.size()));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Integer.class))
                .as("no after-commit listener left incomplete")
                .isZero();
    }

    /**
     * Registrations at one address at once each count the ones that committed before them: the colour of the address
     * counts every incident, and the monitor keeps one count per incident. Written after the land benchmark found the
     * monitor's cells below the sum of the addresses' own counts after concurrent registrations (docs/performance.md,
     * issue 18); this test does not reproduce that drift, but its first version found that registrations waiting on
     * one address while holding their connections emptied a small pool when the holder took a second connection for a
     * monitor category this instance did not know yet ({@code monitor.MonitorCategories} now reads the known ones in
     * the caller's transaction).
     */
    @Test
    void registrationsAtOneAddressAtOnceEachCountTheOnesBeforeThem() throws Exception {
        TestAddresses addresses = new TestAddresses(postgres.getPostgresDatabase());
        String address = addresses.create("GM0118").toString();
        String police = token(POLICE);
        // A warm instance whose monitor knows the categories of repeated incidents: a category never seen before is
        // stored in a transaction of its own (monitor.MonitorCategories), once in the life of the database.
        String warmUp = addresses.create("GM0118").toString();
        for (int i = 0; i < 3; i++) {
            assertThat(incident(police, warmUp, 1 + i).status()).isEqualTo(201);
        }

        int count = 8;
        ExecutorService clients = Executors.newFixedThreadPool(count);
        List<Wire.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Wire.Response>> sent = new ArrayList<>();
            // Each in a month of its own. They wait on each other at the address's lock (the colour's and the
            // monitor's), which forgets what a registration read at the address before it: the tally's rows, written
            // just before each commit, no longer keep them apart (records.CounterWrites).
            for (int i = 0; i < count; i++) {
                int month = 1 + i;
                sent.add(clients.submit(() -> {
                    start.await();
                    return incident(police, address, month);
                }));
            }
            start.countDown();
            for (Future<Wire.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).extracting(Wire.Response::status).containsOnly(201);

        assertThat(jdbc.queryForObject(
                        "SELECT cardinality(counted_record_ids) FROM address_colour WHERE address_id = ?::uuid",
                        Integer.class,
                        address))
                .as("the colour of the address counts every incident")
                .isEqualTo(count);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM monitor_address a, unnest(a.counted) x WHERE a.address_id = ?::uuid"
                                + " AND x % 4096 = (SELECT id FROM monitor_category WHERE key = 'bron.POLITIE_INCIDENT')",
                        Integer.class, address))
                .as("the monitor keeps one count per incident at the address")
                .isEqualTo(count);
    }

    /**
     * Registrations at different addresses in one gemeente and month all add to the same rows of the area scan's
     * tallies (the gemeente's month, its national stripe) and of the monitor (the gemeente's month per source). Those
     * rows are written last in each registration's transaction ({@code records.CounterWrites}), so the registrations
     * wait on each other only for their commits: all sixteen succeed on a pool of four, and each is counted exactly
     * once in every tally and monitor cell, none lost and none twice (with the rows written early, 16
     * registrations in one gemeente and month mostly waited on each other's row locks, holding their connections).
     */
    @Test
    void registrationsAtManyAddressesInOneGemeenteAndMonthAreEachCountedOnce() throws Exception {
        TestAddresses addresses = new TestAddresses(postgres.getPostgresDatabase());
        String police = token(POLICE);
        String warmUp = addresses.create("GM0118").toString();
        assertThat(incident(police, warmUp, 5).status()).isEqualTo(201);
        int count = 16;
        List<String> atAddresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            atAddresses.add(addresses.create("GM0118").toString());
        }
        long[] before = counts(5);

        ExecutorService clients = Executors.newFixedThreadPool(count);
        List<Wire.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Wire.Response>> sent = new ArrayList<>();
            for (String address : atAddresses) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return incident(police, address, 5);
                }));
            }
            start.countDown();
            for (Future<Wire.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).extracting(Wire.Response::status).containsOnly(201);

        long[] after = counts(5);
        String[] cells = {
            "record_tally",
            "record_tally_year",
            "record_tally_violence_type",
            "gemeente_tally",
            "national_tally",
            "gemeente_violence_tally",
            "national_violence_tally",
            "monitor_gemeente_month"
        };
        for (int i = 0; i < cells.length; i++) {
            assertThat(after[i] - before[i])
                    .as("%s counts every registration once", cells[i])
                    .isEqualTo(count);
        }
    }

    /**
     * The police incidents of GM0118 in a month of 2026 as each tally and the monitor count them (partnergeweld for
     * the violence types; the whole year for the yearly row; the gemeente's stripe for the national rows).
     */
    private long[] counts(int month) {
        String day = "2026-%02d-01".formatted(month);
        return new long[] {
            sum(
                    "SELECT sum(records) FROM record_tally WHERE gemeente_code = 'GM0118' AND month = ?::date"
                            + " AND source = 'POLITIE_INCIDENT'",
                    day),
            sum(
                    "SELECT sum(records) FROM record_tally_year WHERE gemeente_code = 'GM0118' AND tally_year = 2026"
                            + " AND source = 'POLITIE_INCIDENT' AND ?::text IS NOT NULL",
                    day),
            sum(
                    "SELECT sum(records) FROM record_tally_violence_type WHERE gemeente_code = 'GM0118' AND month ="
                            + " ?::date AND source = 'POLITIE_INCIDENT' AND violence_type = 'partnergeweld'",
                    day),
            sum(
                    "SELECT sum(records) FROM gemeente_tally WHERE gemeente_code = 'GM0118' AND month = ?::date"
                            + " AND source = 'POLITIE_INCIDENT'",
                    day),
            sum(
                    "SELECT sum(records) FROM national_tally WHERE month = ?::date AND stripe = 118 % 16"
                            + " AND source = 'POLITIE_INCIDENT'",
                    day),
            sum(
                    "SELECT sum(records) FROM gemeente_violence_tally WHERE gemeente_code = 'GM0118'"
                            + " AND month = ?::date AND violence_type = 'partnergeweld'",
                    day),
            sum(
                    "SELECT sum(records) FROM national_violence_tally WHERE month = ?::date AND stripe = 118 % 16"
                            + " AND violence_type = 'partnergeweld'",
                    day),
            sum(
                    "SELECT sum(n) FROM monitor_gemeente_month WHERE gemeente_code = 'GM0118' AND month = ?::date"
                            + " AND category = (SELECT id FROM monitor_category WHERE key = 'bron.POLITIE_INCIDENT')",
                    day)
        };
    }

    private long sum(String sql, String day) {
        Long sum = jdbc.queryForObject(sql, Long.class, day);
        return sum == null ? 0 : sum;
    }

    private Wire.Response incident(String token, String address, int month) {
        return wire().call("POST", "/api/v1/incidenten")
                .bearer(token)
                .json("""
                    {"registratienummer": "CON-%s", "tijdstip": "2026-%02d-01T10:00:00+01:00", "adresId": "%s",
                     "geweldsvormen": ["partnergeweld"], "ernst": "S1", "kinderenAanwezig": false,
                     "letsel": false, "wapen": false, "alcoholDrugs": false, "aangifte": false,
                     "huisverbodOpgelegd": false, "huisverbodOvertreden": false,
                     "betrokkenen": [{"rol": "slachtoffer", "naam": "Test Persoon"}]}
                    """.formatted(UUID.randomUUID().toString().substring(0, 8), month, address))
                .send();
    }

    private Wire.Response signal(String token, String address, int month) {
        return wire().call("POST", "/api/v1/gemeenteregistraties")
                .bearer(token)
                .json("""
                    {"registratienummer": "CON-%s", "soort": "signaal", "adresId": "%s",
                     "datum": "2026-%02d-02", "geweldsvormen": ["partnergeweld"], "ernst": "S1",
                     "kinderenAanwezig": false}
                    """.formatted(UUID.randomUUID().toString().substring(0, 8), address, month))
                .send();
    }
}
