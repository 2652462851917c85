package nl.adreszicht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.adreszicht.OverTheWire;
import nl.adreszicht.Requests;
import nl.adreszicht.SecondInstance;
import nl.adreszicht.Wire;
import nl.adreszicht.security.Role;
import nl.adreszicht.security.StandInIssuer;
import nl.adreszicht.time.DutchTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exfiltration guard over the wire (issue 13), with the default limit: a burst of 60 address reads, then 300 an
 * hour. (The test configuration raises the limit for every other test, which read as one professional; here it is set
 * back to the defaults of {@link ReadGuardProperties}.) Each test reads as a professional of its own, so none depends
 * on another's bucket.
 */
@TestPropertySource(
        properties = {
            "adreszicht.read-guard.burst=60",
            "adreszicht.read-guard.per-hour=300",
            // Low, so that a handful of distinct addresses makes a day unusual for a professional without history.
            "adreszicht.read-guard.unusual-minimum=3",
            "adreszicht.read-guard.unusual-factor=2"
        })
class ReadGuardTest extends OverTheWire {

    private static final String ORGANISATION = "veilig-thuis-drenthe";
    private static final Requests VT_DRENTHE = new Requests(Role.VT_MEDEWERKER, ORGANISATION, "VT03", null);
    private static final Requests PRIVACY = new Requests(Role.PRIVACY_OFFICER, ORGANISATION, null, null);

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UnusualReadings unusualReadings;

    @Autowired
    DutchTime time;

    private final List<UUID> addresses =
            List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @BeforeEach
    void addressesInDrenthe() {
        int number = 1;
        for (UUID address : addresses) {
            jdbc.update(
                    "INSERT INTO address (id, postcode, huisnummer, straat, woonplaats, gemeente_code, synthetic)"
                            + " VALUES (?, '7909RG', ?, 'Leesstraat', 'Proefplaats', 'GM0118', true)",
                    address,
                    (int) (Math.random() * 100_000) + number++);
        }
    }

    @Test
    void theSixtyFirstReadIsRefusedWith429OnEveryInstanceAndOthersReadOn() throws Exception {
        String reader = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        long started = System.nanoTime();
        int admitted = 0;
        Wire.Response refused = null;
        while (refused == null && admitted < 200) {
            Wire.Response read = history(wire().base(), reader, addresses.get(admitted % addresses.size()));
            if (read.status() == 429) {
                refused = read;
            } else {
                assertThat(read.status()).isEqualTo(200);
                admitted++;
            }
        }
        // The burst of 60, and no more than the reads that came back meanwhile (300 an hour: one per 12 s).
        assertThat(refused).as("no read refused").isNotNull();
        long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(admitted).isBetween(60, 60 + (int) (elapsed / 12) + 1);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        // 300 an hour: one read comes back every 12 seconds.
        assertThat(retryAfter).isBetween(1L, 12L);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).contains("meer adressen ingezien dan is toegestaan");
        // The refusal says nothing of the address: only the problem's own fields, no street, no history.
        assertThat(problem.propertyNames()).containsExactlyInAnyOrder("detail", "instance", "status", "title");
        assertThat(refused.body()).doesNotContain("Leesstraat").doesNotContain("7909RG");
        // The refusal is in the access log, as the professional's refused attempt on that address.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access_log WHERE actor_subject = ? AND kind = 'GEWEIGERD'"
                                + " AND object_type = 'adres' AND object_id = ?",
                        Integer.class,
                        reader,
                        addresses.get(admitted % addresses.size()).toString()))
                .isEqualTo(1);
        // The refused read left no read entry.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access_log WHERE actor_subject = ? AND kind = 'LEZEN'",
                        Integer.class,
                        reader))
                .isEqualTo(admitted);

        long refusedAt = System.nanoTime();
        // Another professional is not affected.
        assertThat(history(wire().base(), other, addresses.get(0)).status()).isEqualTo(200);

        // A second instance on the same database: the limit is the cluster's, not the instance's.
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (SecondInstance second = SecondInstance.start(
                "spring.datasource.url=" + pool.getJdbcUrl(),
                "spring.datasource.username=" + pool.getUsername(),
                "spring.datasource.password=" + pool.getPassword(),
                // The schema is the first instance's; the application's login may not change it anyway.
                "spring.liquibase.enabled=false",
                "adreszicht.oidc.issuer-uri=" + ISSUER.issuer(),
                "adreszicht.oidc.client-secret=" + StandInIssuer.WEB_SECRET,
                "adreszicht.read-guard.burst=60",
                "adreszicht.read-guard.per-hour=300")) {
            // Only what came back since the refusal (one read per 12 s), not a fresh burst of 60.
            long allowed = (System.nanoTime() - refusedAt) / 12_000_000_000L + 1;
            int onSecond = 0;
            while (history(second.url(), reader, addresses.get(1)).status() == 200 && onSecond <= allowed) {
                onSecond++;
            }
            assertThat(onSecond).isLessThanOrEqualTo((int) allowed);
            assertThat(history(second.url(), other, addresses.get(1)).status()).isEqualTo(200);
        }
    }

    @Test
    void thePageSaysInDutchWhenTheProfessionalCanGoOn() {
        String reader = UUID.randomUUID().toString();
        String login = "lezer-" + reader.substring(0, 8);
        ISSUER.user(login, claims(VT_DRENTHE, reader));
        Wire.Session session = wire().login(login);
        int admitted = 0;
        Wire.Response refused = null;
        while (refused == null && admitted < 200) {
            Wire.Response read = page(session, addresses.get(admitted % addresses.size()));
            if (read.status() == 429) {
                refused = read;
            } else {
                assertThat(read.status()).isEqualTo(200);
                admitted++;
            }
        }
        assertThat(refused).as("no page refused").isNotNull();
        assertThat(admitted).isGreaterThanOrEqualTo(60);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body())
                .contains("Even wachten")
                .contains("U kunt over 1 minuut weer verder.")
                .doesNotContain("Leesstraat");
    }

    @Test
    void aDayOfFarMoreReadingThanUsualIsShownToThePrivacyOfficer() {
        String reader = UUID.randomUUID().toString();
        String login = "veellezer-" + reader.substring(0, 8);
        Map<String, Object> readerClaims = claims(VT_DRENTHE, reader);
        readerClaims.put("preferred_username", login);
        ISSUER.user(login, readerClaims);
        wire().login(login); // so the access-log page can name them
        for (UUID address : addresses) {
            assertThat(history(wire().base(), reader, address).status()).isEqualTo(200);
        }
        // Their usual day: one address; twice that, and above the minimum of 3, is unusual.
        for (int day = 1; day <= 10; day++) {
            jdbc.update(
                    "INSERT INTO reading_day (subject, day, organisation, addresses) VALUES (?, ?, ?, 1)",
                    reader,
                    time.today().minusDays(day),
                    ORGANISATION);
        }

        assertThat(unusualReadings.judge(time.today())).isGreaterThanOrEqualTo(1);
        // Judging the day again finds nothing new.
        assertThat(unusualReadings.judge(time.today())).isZero();

        String officer = UUID.randomUUID().toString();
        String officerLogin = "privacy-" + officer.substring(0, 8);
        ISSUER.user(officerLogin, claims(PRIVACY, officer));
        Wire.Session session = wire().login(officerLogin);
        Wire.Response log = wire().call("GET", "/toegangslog").session(session).send();
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("Ongebruikelijk veel adressen ingezien").contains("gebruiker=" + login);
        Wire.Response start = wire().call("GET", "/").session(session).send();
        assertThat(start.body()).contains("ongebruikelijk veel adressen inzagen");
        // The officer's look at the findings is itself in the log.
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM access_log WHERE actor_subject = ? AND object_type = 'leesbevinding'",
                        Integer.class,
                        officer))
                .isGreaterThanOrEqualTo(1);
    }

    private Wire.Response history(String base, String subject, UUID address) {
        return wire().call("GET", base + "/api/v1/adressen/" + address + "/historie")
                .bearer(ISSUER.accessToken(claims(VT_DRENTHE, subject)))
                .send();
    }

    private Wire.Response page(Wire.Session session, UUID address) {
        // As a browser asks for a page: the error page is HTML only for a client that accepts it.
        return wire().call("GET", "/adressen/" + address + "/historie")
                .session(session)
                .header("Accept", "text/html")
                .send();
    }

    private static Map<String, Object> claims(Requests professional, String subject) {
        Map<String, Object> claims = new HashMap<>(professional.claims());
        claims.put("sub", subject);
        return claims;
    }
}
