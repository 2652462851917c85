package nl.adreszicht.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HouseNumberTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "1, A, 2, 1A-2",
                "1, null, 2, 1-2",
                "1, A, null, 1A",
                "1, null, null, 1",
                "99999, Z, 9ZZ9, 99999Z-9ZZ9"
            })
    void showsNumberLetterAndAdditionAsOnALetterbox(
            int number, @Nullable String letter, @Nullable String addition, String display) {
        assertThat(HouseNumber.of(number, letter, addition)).hasToString(display);
    }

    @Test
    void acceptsTheLowestAndHighestNumber() {
        assertThat(HouseNumber.of(1, null, null).number()).isEqualTo(1);
        assertThat(HouseNumber.of(99_999, null, null).number()).isEqualTo(99_999);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100_000, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusesNumbersOutside1To99999(int number) {
        assertRefused(() -> HouseNumber.of(number, null, null), "huisnummer", "validation.huisnummer.range");
    }

    @Test
    void upperCasesLetterAndAdditionAndTrimsThem() {
        HouseNumber houseNumber = HouseNumber.of(12, " a ", "bis");

        assertThat(houseNumber.letter()).isEqualTo("A");
        assertThat(houseNumber.addition()).isEqualTo("BIS");
    }

    @Test
    void blankPartsAreAbsent() {
        HouseNumber houseNumber = HouseNumber.of(12, "", "  ");

        assertThat(houseNumber.letter()).isNull();
        assertThat(houseNumber.addition()).isNull();
        assertThat(houseNumber).isEqualTo(HouseNumber.of(12, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB", "1", "-", "\u00E9", "\u0131" /* dotless i: String.toUpperCase would make it I */})
    void refusesAnythingButOneLetterAsHuisletter(String letter) {
        assertRefused(() -> HouseNumber.of(1, letter, null), "huisletter", "validation.huisletter.format");
    }

    @Test
    void acceptsAToevoegingOfOneToFourLettersOrDigits() {
        assertThat(HouseNumber.of(1, null, "2").addition()).isEqualTo("2");
        assertThat(HouseNumber.of(1, null, "A3b4").addition()).isEqualTo("A3B4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDE", "12345", "1 2", "2-3", "2/3", "\u00DF" /* sharp s: would become SS */})
    void refusesOtherToevoegingen(String addition) {
        assertRefused(() -> HouseNumber.of(1, null, addition), "toevoeging", "validation.toevoeging.format");
    }

    @Test
    void theConstructorTakesTheNormalisedFormOnly() {
        assertThatThrownBy(() -> new HouseNumber(1, "a", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new HouseNumber(1, null, "bis")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new HouseNumber(1, "", null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "1A-2, 1, A, 2",
                "1-2, 1, null, 2",
                "1A, 1, A, null",
                "1, 1, null, null",
                "' 12a-bis ', 12, A, BIS",
                "99999, 99999, null, null"
            })
    void readsTheDisplayForm(String text, int number, @Nullable String letter, @Nullable String addition) {
        assertThat(HouseNumber.parse(text)).isEqualTo(new HouseNumber(number, letter, addition));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A1", "01", "1AB", "1A-", "1--2", "1 A", "1A-2-3", "0", "-2", "1A 2"})
    void refusesTextThatIsNotADisplayForm(String text) {
        assertRefused(() -> HouseNumber.parse(text), "huisnummer", "validation.huisnummer.format");
    }

    @Test
    void namesThePartThatIsWrongWhenTheFormFits() {
        assertRefused(() -> HouseNumber.parse("100000"), "huisnummer", "validation.huisnummer.range");
        assertRefused(() -> HouseNumber.parse("1-ABCDE"), "toevoeging", "validation.toevoeging.format");
    }

    private static void assertRefused(Runnable creation, String field, String messageKey) {
        assertThatThrownBy(creation::run).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(messageKey);
        });
    }
}
