package nl.adreszicht.localstack;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

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
        for (DemoLogin login : DemoLogin.readAll(keycloak.realmFile())) {
            banner.append(String.format(
                    "    %-26s %-22s %s%n",
                    login.username(), login.role().orElse("(geen rol)"), String.join(" ", login.scope())));
        }
        System.out.println(banner);
    }
}
