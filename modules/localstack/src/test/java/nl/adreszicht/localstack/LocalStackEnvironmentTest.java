package nl.adreszicht.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class LocalStackEnvironmentTest {

    private final LocalStackEnvironment postProcessor = new LocalStackEnvironment();

    @Test
    void withoutAnIssuerTheLocalKeycloakIsUsed() {
        MockEnvironment environment = new MockEnvironment().withProperty("adreszicht.oidc.issuer-uri", "");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("adreszicht.oidc.issuer-uri"))
                .isEqualTo("http://127.0.0.1:8180/realms/adreszicht");
        assertThat(environment.getProperty("adreszicht.local-keycloak.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("adreszicht.oidc.client-secret")).isEqualTo("demo-only-web-secret");
    }

    @Test
    void theLocalPortAndRealmAreHonoured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("adreszicht.local-keycloak.port", "18180")
                .withProperty("adreszicht.oidc.client-secret", "from-the-vault");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("adreszicht.oidc.issuer-uri"))
                .isEqualTo("http://127.0.0.1:18180/realms/adreszicht");
        assertThat(environment.getProperty("adreszicht.oidc.client-secret")).isEqualTo("from-the-vault");
    }

    @Test
    void aConfiguredIssuerMeansAnExternalKeycloakAndNoLocalOne() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("adreszicht.oidc.issuer-uri", "https://sso.example.nl/realms/az");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("adreszicht.oidc.issuer-uri")).isEqualTo("https://sso.example.nl/realms/az");
        assertThat(environment.getProperty("adreszicht.local-keycloak.enabled")).isNull();
        assertThat(environment.getProperty("adreszicht.oidc.client-secret")).isNull();
    }
}
