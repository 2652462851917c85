package nl.adreszicht.localstack;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local Keycloak.
 *
 * @param home the unpacked {@code keycloak-quarkus-dist}; the build unpacks it under {@code .cache/keycloak}
 * @param port the HTTP port on 127.0.0.1
 * @param managementPort the management (health) port on 127.0.0.1
 * @param realm the realm the application uses
 * @param realmFile the realm as code, imported at every start
 * @param startupTimeout how long to wait for the realm to answer
 * @param logFile where Keycloak's output goes; blank means next to the distribution
 */
@ConfigurationProperties("adreszicht.local-keycloak")
record LocalKeycloakProperties(
        @Nullable Path home,
        @DefaultValue("8180") int port,
        @DefaultValue("8190") int managementPort,
        @DefaultValue("adreszicht") String realm,

        @DefaultValue("infra/keycloak/adreszicht-realm.json")
        Path realmFile,

        @DefaultValue("240s") Duration startupTimeout,
        @Nullable Path logFile) {

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    static String issuerUri(int port, String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }
}
