package nl.adreszicht.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Dutch and English message bundles: no key twice (a later line would silently replace an earlier one, so one
 * feature's message would show in another's form), and every key in both languages.
 */
class MessageBundlesTest {

    @Test
    void noBundleDefinesAKeyTwice() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            assertThat(duplicateKeys(bundle)).as(bundle).isEmpty();
        }
    }

    @Test
    void everyKeyExistsInDutchAndInEnglish() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    /**
     * Every message key the code can report (a refusal's {@code validation.*} key or a bean-validation code) has a
     * Dutch and a distinct English text: read from the sources, so a new check cannot ship without its message.
     */
    @Test
    void everyMessageKeyTheCodeReportsHasADutchAndAnEnglishText() throws IOException {
        Properties dutch = load("messages.properties");
        Properties english = load("messages_en.properties");
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"(validation\\.[A-Za-z.]+)\"");
        Set<String> keys = new java.util.TreeSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> sources =
                java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher found = key.matcher(java.nio.file.Files.readString(source));
                while (found.find()) {
                    keys.add(found.group(1));
                }
            }
        }
        assertThat(keys).as("message keys found in the code").hasSizeGreaterThan(40);
        for (String name : keys) {
            assertThat(dutch.getProperty(name)).as("Dutch message for %s", name).isNotBlank();
            assertThat(english.getProperty(name))
                    .as("English message for %s", name)
                    .isNotBlank()
                    .isNotEqualTo(dutch.getProperty(name));
        }
    }

    private static List<String> duplicateKeys(String bundle) throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String line : text(bundle).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + bundle)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static String text(String bundle) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + bundle)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
