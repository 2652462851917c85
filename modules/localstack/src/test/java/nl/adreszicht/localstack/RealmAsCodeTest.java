package nl.adreszicht.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The security-relevant settings of the local realm, read from infra/keycloak as Keycloak imports it. */
class RealmAsCodeTest {

    private static final Path REALM_FILE = Path.of(System.getProperty("adreszicht.project-root", "../.."))
            .resolve("infra/keycloak/adreszicht-realm.json");

    private final JsonNode realm = JsonMapper.builder().build().readTree(REALM_FILE.toFile());

    @Test
    void bruteForceDetectionIsOn() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void theWebClientIsConfidentialWithPkceAndNoShortcuts() {
        JsonNode web = client("adreszicht-web");

        assertThat(web.path("publicClient").asBoolean()).isFalse();
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(web.path("redirectUris").toString()).doesNotContain("*");
    }

    @Test
    void theCliClientOnlyHasThePasswordGrantAndSaysItIsLocalOnly() {
        JsonNode cli = client("adreszicht-cli");

        assertThat(cli.path("publicClient").asBoolean()).isTrue();
        assertThat(cli.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(cli.path("description").asString()).contains("LOCAL DEMO REALM ONLY");
    }

    @Test
    void bothClientsPutTheApiAudienceAndTheScopeClaimsInTheAccessToken() {
        for (String clientId : List.of("adreszicht-web", "adreszicht-cli")) {
            Set<String> claims = new HashSet<>();
            String audience = null;
            for (JsonNode mapper : client(clientId).path("protocolMappers")) {
                JsonNode config = mapper.path("config");
                if (config.path("access.token.claim").asString().equals("true")) {
                    claims.add(config.path("claim.name").asString());
                    if (config.has("included.custom.audience")) {
                        audience = config.path("included.custom.audience").asString();
                    }
                }
            }
            assertThat(claims)
                    .as(clientId)
                    .contains("organisatie", "vt_regio", "gemeente", "zvh_regio", "ketenpartner_soort");
            assertThat(audience).as(clientId).isEqualTo("adreszicht-api");
        }
    }

    @Test
    void everyRoleHasADemoUserAndBothRegionsAreCovered() {
        Set<String> rolesWithUsers = new HashSet<>();
        Set<String> gemeenten = new HashSet<>();
        Set<String> regions = new HashSet<>();
        for (JsonNode user : realm.path("users")) {
            user.path("realmRoles").forEach(role -> rolesWithUsers.add(role.asString()));
            user.path("attributes").path("gemeente").forEach(g -> gemeenten.add(g.asString()));
            user.path("attributes").path("vt_regio").forEach(r -> regions.add(r.asString()));
            assertThat(user.path("credentials").path(0).path("value").asString())
                    .isEqualTo("demo-only");
        }
        List<String> realmRoles = new ArrayList<>();
        realm.path("roles")
                .path("realm")
                .forEach(role -> realmRoles.add(role.path("name").asString()));

        assertThat(realmRoles)
                .containsExactlyInAnyOrder(
                        "politie-medewerker",
                        "vt-medewerker",
                        "vt-supervisor",
                        "gemeente-medewerker",
                        "gemeente-analist",
                        "privacy-officer",
                        "beheerder",
                        "zvh-procesregisseur",
                        "ketenpartner");
        assertThat(rolesWithUsers).containsAll(realmRoles);
        assertThat(gemeenten).contains("GM0118", "GM0193");
        assertThat(regions).contains("VT03", "VT04");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("No client " + clientId);
    }
}
