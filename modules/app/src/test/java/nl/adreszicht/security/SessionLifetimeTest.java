package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.adreszicht.AsDeployed;
import nl.adreszicht.Requests;
import nl.adreszicht.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, gap 4, over the wire with sessions from the real OIDC login: the browser session does not outlive what
 * Keycloak knows. Roles and scope are checked again with the refresh token within five minutes (a removed role, a
 * disabled account, a moved region take effect), Keycloak's back-channel logout ends the session at once, and no
 * session lives longer than eight hours, however active.
 */
class SessionLifetimeTest extends AsDeployed {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRemovedRoleIsGoneFromTheSessionWithinFiveMinutes() {
        String login = "lifetime-role-" + UUID.randomUUID();
        Wire.Session session = login(login, new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null));
        assertThat(get("/werkvoorraad", session).status()).isEqualTo(200);

        ISSUER.change(login, claims -> claims.put("realm_access", Map.of("roles", List.of("offline_access"))));
        assertThat(get("/werkvoorraad", session).status())
                .as("between checks the session keeps what it was given")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));

        assertThat(get("/werkvoorraad", session).status()).as("five minutes on").isEqualTo(403);
    }

    @Test
    void aMovedRegionTakesEffectWithinFiveMinutes() {
        String login = "lifetime-region-" + UUID.randomUUID();
        Wire.Session session = login(login, new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null));
        assertThat(get("/", session).body()).contains("VT03");

        ISSUER.change(login, claims -> claims.put("vt_regio", "VT04"));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        String page = get("/", session).body();
        assertThat(page).contains("VT04").doesNotContain("VT03");
    }

    @Test
    void aDisabledAccountLosesItsSessionWithinFiveMinutes() {
        String login = "lifetime-disabled-" + UUID.randomUUID();
        Wire.Session session =
                login(login, new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null));
        assertThat(get("/", session).status()).isEqualTo(200);

        ISSUER.disable(login);
        clock.advance(Duration.ofMinutes(5));

        Wire.Response refused = get("/", session);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location").orElse("")).endsWith("/oauth2/authorization/keycloak");
        clock.reset();
        assertThat(get("/", session).status())
                .as("the session is gone, not merely refused once")
                .isEqualTo(302);
    }

    @Test
    void keycloaksBackChannelLogoutEndsTheSessionAtOnce() {
        String login = "lifetime-logout-" + UUID.randomUUID();
        Wire.Session session =
                login(login, new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null));
        assertThat(get("/", session).status()).isEqualTo(200);

        List<Integer> answers = ISSUER.backChannelLogout(login, wire().base());

        assertThat(answers).isNotEmpty().allMatch(status -> status == 200);
        assertThat(get("/", session).status()).isEqualTo(302);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM spring_session WHERE session_id = convert_from(decode(?, 'base64'), 'UTF8')",
                        Integer.class,
                        session.cookie()))
                .as("the session is deleted from the store every instance shares")
                .isZero();
    }

    @Test
    void noSessionLivesLongerThanEightHours() {
        String login = "lifetime-absolute-" + UUID.randomUUID();
        Wire.Session session =
                login(login, new Requests(Role.POLITIE_MEDEWERKER, "politie-noord-nederland", null, null));
        for (int hour = 1; hour < 8; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(get("/", session).status()).as("active in hour " + hour).isEqualTo(200);
        }

        clock.advance(Duration.ofHours(1));

        assertThat(get("/", session).status()).as("after eight hours").isEqualTo(302);
    }

    private Wire.Response get(String path, Wire.Session session) {
        return wire().call("GET", path).session(session).send();
    }
}
