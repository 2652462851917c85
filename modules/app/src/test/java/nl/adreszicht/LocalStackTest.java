package nl.adreszicht;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole system as the run command starts it, on test ports: the application on 18080 (a redirect URI the
 * local realm allows), the real Keycloak from the distribution on 18180, embedded PostgreSQL. Every test class
 * with this annotation shares one application context, so Keycloak starts once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "server.port=" + LocalStackTest.APP_PORT,
            "adreszicht.oidc.issuer-uri=",
            "adreszicht.oidc.client-secret=",
            "adreszicht.local-keycloak.banner=false",
            // PostgreSQL's own log in a file, where BenchmarkSmokeIT's floor capture reads the statements.
            "adreszicht.embedded-postgres.server-log=true"
        })
public @interface LocalStackTest {

    int APP_PORT = 18080;

    String APP_URL = "http://localhost:" + APP_PORT;
}
