package nl.adreszicht.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;
import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "012345672", "999999990"})
    void acceptsNineDigitsThatPassTheElfproef(String text) {
        assertThat(Bsn.parse(text).value()).isEqualTo(text);
    }

    @Test
    void ignoresWhitespaceAround() {
        assertThat(Bsn.parse(" 111222333\n")).isEqualTo(new Bsn("111222333"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"111222334", "123456789", "111222332", "999999999"})
    void refusesNumbersThatFailTheElfproef(String text) {
        assertRefused(text, "validation.bsn.elfproef");
    }

    @Test
    void refusesAllZerosThoughItsSumPasses() {
        assertRefused("000000000", "validation.bsn.elfproef");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "12345672", // eight digits: the leading zero of 012345672 is not filled in
                "1112223330",
                "111 222 333",
                "111-222-333",
                "11122233A",
                "\u0661\u0661\u0661222333" // Arabic-Indic digits
            })
    void refusesAnythingButNineDigits(String text) {
        assertRefused(text, "validation.bsn.format");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        Bsn bsn = Bsn.parse("111222333");

        assertThat(bsn).hasToString("Bsn[***]");
        assertThat(String.valueOf(java.util.List.of(bsn))).doesNotContain("111222333");
    }

    @Test
    void theErrorNeverShowsTheNumber() {
        assertThatThrownBy(() -> Bsn.parse("111222334")).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("bsn");
            assertThat(e.getMessage()).doesNotContain("111222334");
        });
    }

    @Test
    void equalNumbersAreEqual() {
        assertThat(Bsn.parse("111222333")).isEqualTo(new Bsn("111222333")).hasSameHashCodeAs(new Bsn("111222333"));
        assertThat(Bsn.parse("111222333")).isNotEqualTo(Bsn.parse("123456782"));
    }

    @Test
    void bothRefusalsHaveADutchAndAnEnglishMessage() {
        ResourceBundle dutch = ResourceBundle.getBundle("messages", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ENGLISH);

        for (String key : new String[] {"validation.bsn.format", "validation.bsn.elfproef"}) {
            assertThat(dutch.containsKey(key)).as("Dutch message for %s", key).isTrue();
            assertThat(english.getString(key)).as("English message for %s", key).isNotEqualTo(dutch.getString(key));
        }
    }

    private static void assertRefused(String text, String messageKey) {
        assertThatThrownBy(() -> Bsn.parse(text)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("bsn");
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }
}
