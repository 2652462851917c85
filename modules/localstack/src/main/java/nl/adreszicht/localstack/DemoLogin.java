package nl.adreszicht.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A demo user of the local realm, as the realm file defines it: the run command prints these and the browser
 * tests log in as each of them, so neither can drift from what Keycloak imports.
 *
 * @param username the login name
 * @param firstName the first name the start page greets with
 * @param role the Adreszicht realm role, or empty for a user with only Keycloak's default roles
 * @param scope the scope attributes (organisatie, vt_regio, gemeente) in the order the file gives them
 */
public record DemoLogin(String username, String firstName, Optional<String> role, List<String> scope) {

    /** Every user in the realm file. */
    public static List<DemoLogin> readAll(Path realmFile) {
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        List<DemoLogin> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            Optional<String> role = Optional.empty();
            for (JsonNode realmRole : user.path("realmRoles")) {
                if (!realmRole.asString().startsWith("default-roles-")) {
                    role = Optional.of(realmRole.asString());
                }
            }
            List<String> scope = new ArrayList<>();
            user.path("attributes")
                    .properties()
                    .forEach(e -> scope.add(e.getValue().path(0).asString()));
            logins.add(new DemoLogin(
                    user.path("username").asString(), user.path("firstName").asString(), role, List.copyOf(scope)));
        }
        return logins;
    }

    @Override
    public String toString() {
        return username;
    }
}
