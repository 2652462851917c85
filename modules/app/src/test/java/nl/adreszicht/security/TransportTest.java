package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.adreszicht.AsDeployed;
import nl.adreszicht.Requests;
import nl.adreszicht.Wire;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, gap 9: the session cookie is {@code Secure} wherever Adreszicht runs but the local run, and forwarded
 * headers are believed from the configured proxies only, so that no client sets the origin the access log records;
 * tried over the wire on a cloud platform, where Spring Boot would otherwise trust every private address.
 */
class TransportTest extends AsDeployed {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", null);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndLax() {
        Wire.Response start =
                wire().call("GET", "/oauth2/authorization/keycloak").send();

        String cookie = start.all("Set-Cookie").stream()
                .filter(header -> header.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void onlyTheLocalRunSendsItWithoutSecure() {
        YamlPropertiesFactoryBean local = new YamlPropertiesFactoryBean();
        local.setResources(new ClassPathResource("application-local.yaml"));
        Properties properties = local.getObject();

        assertThat(String.valueOf(properties.get("server.servlet.session.cookie.secure")))
                .isEqualTo("false");
    }

    @Test
    void aClientCannotSetTheOriginTheAccessLogRecords() throws IOException {
        String address = newAddress();

        wire().call("GET", "/api/v1/adressen/" + address)
                .bearer(token(VT))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .send();

        assertThat(origins(address)).containsExactly("127.0.0.1");
    }

    @Test
    void theConfiguredProxyIsBelievedAboutTheClientBehindIt() throws IOException {
        String address = newAddress();

        String status = fromProxy("/api/v1/adressen/" + address, "203.0.113.8");

        assertThat(status).startsWith("HTTP/1.1 200");
        assertThat(origins(address)).containsExactly("203.0.113.8");
    }

    /** A request sent from {@code 127.0.0.2}, the configured proxy's address, as a proxy forwards it. */
    private String fromProxy(String path, String client) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token(VT)
                            + "\r\nX-Forwarded-For: " + client + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }

    private List<String> origins(String address) {
        return jdbc.queryForList(
                "SELECT origin_ip FROM access_log WHERE object_id = ? ORDER BY id", String.class, address);
    }

    private String newAddress() {
        UUID id = UUID.randomUUID();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .update(
                        "INSERT INTO address (id, postcode, huisnummer, toevoeging, straat, woonplaats, gemeente_code)"
                                + " VALUES (?, '7909TP', ?, ?, 'Transportweg', 'Hoogeveen', 'GM0118')",
                        id,
                        1 + Math.floorMod(id.hashCode(), 99_999),
                        Integer.toString(Math.floorMod(id.hashCode() >> 8, 9999)));
        return id.toString();
    }
}
