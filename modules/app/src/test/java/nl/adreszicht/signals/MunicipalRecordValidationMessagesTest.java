package nl.adreszicht.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every message key the municipal registration and its form can report has a Dutch and an English text. */
class MunicipalRecordValidationMessagesTest {

    private static final Pattern KEY =
            Pattern.compile("\"((?:validation|gemeenteregistraties)\\.[A-Za-z.]+|NotNull)\"");

    @Test
    void everyRefusalOfTheRegistrationCheckHasADutchAndAnEnglishMessage() throws IOException {
        ResourceBundle dutch = ResourceBundle.getBundle("messages", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ENGLISH);
        int keys = 0;
        for (String source : new String[] {
            "MunicipalRecordCheck.java", "MunicipalRecordApiController.java", "MunicipalRecordPageController.java"
        }) {
            Matcher key = KEY.matcher(Files.readString(
                    Path.of("src/main/java/nl/adreszicht/signals").resolve(source)));
            while (key.find()) {
                String name = key.group(1);
                keys++;
                assertThat(dutch.containsKey(name))
                        .as("Dutch message for %s", name)
                        .isTrue();
                assertThat(english.getString(name))
                        .as("English message for %s", name)
                        .isNotEqualTo(dutch.getString(name));
            }
        }
        assertThat(keys).as("message keys found").isGreaterThan(10);
    }
}
