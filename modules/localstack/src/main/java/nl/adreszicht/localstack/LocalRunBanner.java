package nl.adreszicht.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints where the locally started system answers and who can log in. The logins are read from the realm
 * file itself, so the list cannot drift from what Keycloak actually imported.
 */
final class LocalRunBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final LocalKeycloakProperties keycloak;

    LocalRunBanner(LocalKeycloakProperties keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        StringBuilder banner = new StringBuilder()
                .append("\n\n  Adreszicht runs at http://localhost:")
                .append(port)
                .append("/   (Ctrl-C stops the application, PostgreSQL and Keycloak)\n")
                .append("  Keycloak (local realm '")
                .append(keycloak.realm())
                .append("'): ")
                .append(keycloak.baseUrl())
                .append("\n\n  Demo logins (password for all: demo-only; demo data only, never for real use):\n");
        for (String[] login : demoLogins(keycloak.realmFile())) {
            banner.append(String.format("    %-26s %-22s %s%n", login[0], login[1], login[2]));
        }
        System.out.println(banner);
    }

    static List<String[]> demoLogins(Path realmFile) {
        JsonNode realm = JsonMapper.builder().build().readTree(realmFile.toFile());
        List<String[]> logins = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String role = "(geen rol)";
            for (JsonNode realmRole : user.path("realmRoles")) {
                if (!realmRole.asString().startsWith("default-roles-")) {
                    role = realmRole.asString();
                }
            }
            List<String> scope = new ArrayList<>();
            user.path("attributes")
                    .properties()
                    .forEach(e -> scope.add(e.getValue().path(0).asString()));
            logins.add(new String[] {user.path("username").asString(), role, String.join(" ", scope)});
        }
        return logins;
    }
}
