package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.adreszicht.localstack.DemoLogin;

/**
 * What must never appear in the application's log output: bearer tokens, passwords, and the names of the demo
 * people. Integration tests check what the application logged while they ran.
 */
final class LogHygiene {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private static final List<String> FORBIDDEN = forbiddenWords();

    private LogHygiene() {}

    static void assertClean(String output) {
        assertThat(JWT.matcher(output).find())
                .as("a bearer token in the log output")
                .isFalse();
        for (String word : FORBIDDEN) {
            assertThat(output).as("personal data in the log output").doesNotContain(word);
        }
    }

    private static List<String> forbiddenWords() {
        Path realm = Path.of(System.getProperty("adreszicht.project-root", "../.."))
                .resolve("infra/keycloak/adreszicht-realm.json");
        List<String> words = new ArrayList<>(List.of("demo-only", "demo-only-web-secret"));
        for (DemoLogin login : DemoLogin.readAll(realm)) {
            words.add(login.firstName() + " ");
            words.add(login.username());
        }
        return words;
    }
}
