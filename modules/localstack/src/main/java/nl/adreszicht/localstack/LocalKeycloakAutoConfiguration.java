package nl.adreszicht.localstack;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Starts the local Keycloak when {@link LocalStackEnvironment} decided it is needed. */
@AutoConfiguration
@ConditionalOnBooleanProperty(LocalStackEnvironment.LOCAL_KEYCLOAK_ENABLED)
@EnableConfigurationProperties(LocalKeycloakProperties.class)
class LocalKeycloakAutoConfiguration {

    @Bean
    LocalKeycloak localKeycloak(LocalKeycloakProperties properties, Environment environment) {
        // The realm's back-channel logout URL points at this application's port (8080 for the run, 18080 in tests).
        return new LocalKeycloak(properties, "http://localhost:" + environment.getProperty("server.port", "8080"));
    }

    /** The run command's banner; tests switch it off, so their log checks see only real log output. */
    @Bean
    @ConditionalOnBooleanProperty(name = "adreszicht.local-keycloak.banner", matchIfMissing = true)
    LocalRunBanner localRunBanner(LocalKeycloakProperties properties) {
        return new LocalRunBanner(properties);
    }
}
