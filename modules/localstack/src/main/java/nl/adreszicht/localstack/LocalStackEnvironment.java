package nl.adreszicht.localstack;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before the context starts, whether the application uses an external Keycloak or the local one:
 * when {@code adreszicht.oidc.issuer-uri} is blank, the issuer becomes the local Keycloak's realm and the
 * local Keycloak is switched on, with the local realm's demo client secret unless one is set. Everything else
 * reads only {@code adreszicht.oidc.*}.
 */
class LocalStackEnvironment implements EnvironmentPostProcessor {

    static final String ISSUER_URI = "adreszicht.oidc.issuer-uri";
    static final String LOCAL_KEYCLOAK_ENABLED = "adreszicht.local-keycloak.enabled";
    static final String CLIENT_SECRET = "adreszicht.oidc.client-secret";

    /** The web client's secret in the local demo realm (infra/keycloak); worthless anywhere else. */
    static final String LOCAL_REALM_CLIENT_SECRET = "demo-only-web-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(ISSUER_URI))) {
            return;
        }
        int port = environment.getProperty("adreszicht.local-keycloak.port", Integer.class, 8180);
        String realm = environment.getProperty("adreszicht.local-keycloak.realm", "adreszicht");
        Map<String, Object> local = new HashMap<>();
        local.put(ISSUER_URI, LocalKeycloakProperties.issuerUri(port, realm));
        local.put(LOCAL_KEYCLOAK_ENABLED, "true");
        if (!StringUtils.hasText(environment.getProperty(CLIENT_SECRET))) {
            local.put(CLIENT_SECRET, LOCAL_REALM_CLIENT_SECRET);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("adreszicht-local-keycloak", local));
    }
}
