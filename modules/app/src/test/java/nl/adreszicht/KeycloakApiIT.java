package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens from the real Keycloak, with the project's realm, against the protected API. */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class KeycloakApiIT {

    @AfterEach
    void theApplicationLoggedNoPersonalDataOrTokens(CapturedOutput output) {
        LogHygiene.assertClean(output.getAll());
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${adreszicht.oidc.issuer-uri}")
    String issuer;

    @Test
    void theRightRoleGets200() throws Exception {
        HttpResponse<String> response =
                call("/api/v1/geweldsvormen", tokens("politie.drenthe").path("access_token"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("API-Version")).contains("1.0.0");
        assertThat(json.readTree(response.body()).size()).isEqualTo(14);
    }

    @Test
    void anotherRoleGets403AsProblem() throws Exception {
        HttpResponse<String> response =
                call("/api/v1/geweldsvormen", tokens("privacy.drenthe").path("access_token"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void noTokenGets401AsProblem() throws Exception {
        HttpResponse<String> response = call("/api/v1/geweldsvormen", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void scopeClaimsAndRolesArriveThroughTheAllowList() throws Exception {
        HttpResponse<String> response =
                call("/api/v1/profiel", tokens("vt.drenthe").path("access_token"));

        JsonNode profile = json.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        // default-roles-adreszicht, offline_access and uma_authorization are in the token but not on the list
        assertThat(profile.path("rollen").toString()).isEqualTo("[\"vt-medewerker\"]");
        assertThat(profile.path("organisatie").asString()).isEqualTo("veilig-thuis-drenthe");
        assertThat(profile.path("vtRegio").asString()).isEqualTo("VT03");
    }

    @Test
    void aUserWithoutAnAdreszichtRoleGets403() throws Exception {
        assertThat(call("/api/v1/profiel", tokens("zonderrol").path("access_token"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anIdTokenIsNotAnAccessToken() throws Exception {
        assertThat(call("/api/v1/profiel", tokens("beheerder").path("id_token")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void claimsChangedUnderAValidSignatureAreRefused() throws Exception {
        // A privacy officer's token, edited to claim the beheerder role while keeping Keycloak's signature.
        String[] parts =
                tokens("privacy.drenthe").path("access_token").asString().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String escalated = payload.replace("\"privacy-officer\"", "\"beheerder\"");
        assertThat(escalated).isNotEqualTo(payload);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(escalated.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(call("/api/v1/geweldsvormen", json.getNodeFactory().stringNode(forged))
                        .statusCode())
                .isEqualTo(401);
    }

    private JsonNode tokens(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=adreszicht-cli&scope=openid&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo-only";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> call(String path, JsonNode token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalStackTest.APP_URL + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token.asString());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
