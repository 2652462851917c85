package nl.adreszicht.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1000AA", "9999ZZ", "7901AB", "1234SB", "1234SR", "1234ST", "1234AS", "1234DS"})
    void acceptsFourDigitsAndTwoLetters(String text) {
        assertThat(Postcode.parse(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234 ab", " 1234ab ", "1234aB", "1234 AB", "\t1234 Ab\n", "1234AB"})
    void normalisesWhatPeopleType(String text) {
        assertThat(Postcode.parse(text)).isEqualTo(new Postcode("1234AB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999AA", "0123AB", "0000AA"})
    void refusesALeadingZero(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234SA", "1234SD", "1234SS", "1234 sa", "1234sd", "9999ss"})
    void refusesTheLettersPostNlNeverIssues(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "1234  AB", // two spaces
                "1234\tAB", // a tab is not the space between
                "1234\u00A0AB", // nor is a non-breaking space
                "12 34AB",
                "1234-AB",
                "AB1234",
                "123AB",
                "12345AB",
                "1234A",
                "1234ABC",
                "1234",
                "1234A1",
                "\u0661\u0662\u0663\u0664AB", // Arabic-Indic digits
                "1234\u00C4B", // A with umlaut
                "1234\u0131b", // dotless i, which String.toUpperCase would turn into I
                "1234\u00DF" // sharp s, which String.toUpperCase would turn into SS
            })
    void refusesEverythingElse(String text) {
        assertRefused(text);
    }

    @Test
    void theConstructorTakesTheNormalisedFormOnly() {
        assertThat(new Postcode("7901AB").value()).isEqualTo("7901AB");
        assertThatThrownBy(() -> new Postcode("7901 AB")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Postcode("7901ab")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void showsTheNormalisedForm() {
        assertThat(Postcode.parse("7901 ab")).hasToString("7901AB");
    }

    @Test
    void theErrorNamesFieldAndMessageButNotTheInput() {
        assertThatThrownBy(() -> Postcode.parse("1234 SS")).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("postcode");
            assertThat(e.messageKey()).isEqualTo("validation.postcode.format");
            assertThat(e.getMessage()).doesNotContain("1234");
        });
    }

    private static void assertRefused(String text) {
        assertThatThrownBy(() -> Postcode.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "validation.postcode.format");
    }
}
