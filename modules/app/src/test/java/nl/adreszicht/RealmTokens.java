package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** What the fault tests share: real access tokens from the local realm, a registration body, a free port. */
final class RealmTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmTokens() {}

    /** An access token of a demo user, by the password grant of the local realm's CLI client. */
    static String accessToken(String issuer, String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=adreszicht-cli&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo-only";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    /** A valid police incident at {@code address} with a fresh registration number and no betrokkenen. */
    static String incident(String prefix, String address) {
        return """
                {"registratienummer":"%s/%s","tijdstip":"2026-03-14T22:15:00+01:00","adresId":"%s",\
                "geweldsvormen":["partnergeweld"],"ernst":"S2","kinderenAanwezig":false,"letsel":false,\
                "wapen":false,"alcoholDrugs":false,"aangifte":false,"huisverbodOpgelegd":false,\
                "huisverbodOvertreden":false,"betrokkenen":[]}""".formatted(prefix, UUID.randomUUID().toString().substring(0, 18), address);
    }

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
