package nl.adreszicht.localstack;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before the context starts, whether the application uses an external Keycloak or the local one:
 * when {@code adreszicht.oidc.issuer-uri} is blank, the issuer becomes the local Keycloak's realm and the
 * local Keycloak is switched on. Everything else reads only {@code adreszicht.oidc.issuer-uri}.
 */
class LocalStackEnvironment implements EnvironmentPostProcessor {

    static final String ISSUER_URI = "adreszicht.oidc.issuer-uri";
    static final String LOCAL_KEYCLOAK_ENABLED = "adreszicht.local-keycloak.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(ISSUER_URI))) {
            return;
        }
        int port = environment.getProperty("adreszicht.local-keycloak.port", Integer.class, 8180);
        String realm = environment.getProperty("adreszicht.local-keycloak.realm", "adreszicht");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "adreszicht-local-keycloak",
                        Map.of(
                                ISSUER_URI,
                                LocalKeycloakProperties.issuerUri(port, realm),
                                LOCAL_KEYCLOAK_ENABLED,
                                "true")));
    }
}
