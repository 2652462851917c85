package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages' assets over the wire, with every method: GET and HEAD are served to anybody, with the pages' security
 * headers, and never read the session, so they arrive while PostgreSQL is down or the pool is full (the 503 page keeps
 * its style) and a page load reads the session once, not once per asset. Every other method is refused and changes
 * nothing.
 */
class AssetsOverTheWireTest extends OverTheWire {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118");

    private static final List<String> ASSETS = List.of(
            "/css/adreszicht.css",
            "/css/nlds/index.css",
            "/js/adreszicht.js",
            "/webjars/htmx.org/dist/htmx.min.js",
            "/favicon.ico");

    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void assetsAreReadWithoutTheSessionAndNothingElseIsAllowed() throws Exception {
        Wire.Session session = login("vt.assets", VT);
        JdbcTemplate owner = new JdbcTemplate(postgres.getPostgresDatabase());
        long before = lastAccess(owner, session);
        // A read of the session after this would move its last access time visibly.
        Thread.sleep(1500);
        for (String asset : ASSETS) {
            for (String method : List.of("GET", "HEAD")) {
                Wire.Response anonymous = wire().call(method, asset).send();
                Wire.Response signedIn =
                        wire().call(method, asset).session(session).send();
                for (Wire.Response response : List.of(anonymous, signedIn)) {
                    assertThat(response.status()).as(method + " " + asset).isEqualTo(200);
                    assertThat(response.header("Content-Security-Policy"))
                            .as("the pages' headers on " + asset)
                            .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
                    assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
                    assertThat(response.all("Set-Cookie"))
                            .as("no session is made or touched for " + asset)
                            .isEmpty();
                }
            }
        }
        assertThat(lastAccess(owner, session))
                .as("the session was not read for any asset")
                .isEqualTo(before);

        for (String asset : ASSETS) {
            for (String method : WRITES) {
                Wire.Response anonymous = wire().call(method, asset).send();
                Wire.Response signedIn =
                        wire().call(method, asset).session(session).send();
                assertThat(anonymous.status()).as(method + " " + asset).isEqualTo(403);
                assertThat(signedIn.status())
                        .as(method + " " + asset + " signed in")
                        .isEqualTo(403);
            }
            Wire.Response overridden = wire().call("GET", asset)
                    .header("X-HTTP-Method-Override", "DELETE")
                    .send();
            assertThat(overridden.status()).as("a method override on " + asset).isEqualTo(403);
        }

        // The control: a page does read (and touch) the session, so the check above can fail.
        long afterAssets = lastAccess(owner, session);
        Thread.sleep(5);
        assertThat(wire().call("GET", "/").session(session).send().status()).isEqualTo(200);
        assertThat(lastAccess(owner, session)).isGreaterThan(afterAssets);
    }

    /** When the session was last read, as Spring Session keeps it in PostgreSQL. */
    private static long lastAccess(JdbcTemplate owner, Wire.Session session) {
        List<Long> times = owner.queryForList(
                "SELECT last_access_time FROM spring_session WHERE session_id = ?",
                Long.class,
                new String(java.util.Base64.getDecoder().decode(session.cookie())));
        assertThat(times).as("the signed-in session is stored").hasSize(1);
        return times.get(0);
    }
}
