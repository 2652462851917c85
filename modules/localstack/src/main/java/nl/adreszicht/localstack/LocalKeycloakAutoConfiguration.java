package nl.adreszicht.localstack;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Starts the local Keycloak when {@link LocalStackEnvironment} decided it is needed. */
@AutoConfiguration
@ConditionalOnBooleanProperty(LocalStackEnvironment.LOCAL_KEYCLOAK_ENABLED)
@EnableConfigurationProperties(LocalKeycloakProperties.class)
class LocalKeycloakAutoConfiguration {

    @Bean
    LocalKeycloak localKeycloak(LocalKeycloakProperties properties) {
        return new LocalKeycloak(properties);
    }

    /** The run command's banner; tests switch it off, so their log checks see only real log output. */
    @Bean
    @ConditionalOnBooleanProperty(name = "adreszicht.local-keycloak.banner", matchIfMissing = true)
    LocalRunBanner localRunBanner(LocalKeycloakProperties properties) {
        return new LocalRunBanner(properties);
    }
}
