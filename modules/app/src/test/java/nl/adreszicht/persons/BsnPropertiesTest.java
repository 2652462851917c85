package nl.adreszicht.persons;

import static nl.adreszicht.PropertyCheck.digits;
import static nl.adreszicht.PropertyCheck.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Properties of {@link Bsn}: the elfproef as the test writes it out, and what it must catch. */
class BsnPropertiesTest {

    private static final int[] WEIGHTS = {9, 8, 7, 6, 5, 4, 3, 2, -1};

    @Test
    void everyNineDigitNumberWithAValidElfproefParses() {
        forAll(
                BsnPropertiesTest::validBsn,
                digits -> assertThat(Bsn.parse(digits).value()).isEqualTo(digits));
    }

    @Test
    void anyNineDigitsAreAcceptedExactlyWhenTheyPassTheElfproef() {
        forAll(random -> digits(random, 9), digits -> {
            if (passesElfproef(digits)) {
                assertThat(Bsn.parse(digits).value()).isEqualTo(digits);
            } else {
                assertThatThrownBy(() -> Bsn.parse(digits))
                        .isInstanceOf(InvalidValueException.class)
                        .hasFieldOrPropertyWithValue("messageKey", "validation.bsn.elfproef");
            }
        });
    }

    @Test
    void changingAnySingleDigitOfAValidBsnMakesItInvalid() {
        forAll(BsnPropertiesTest::validBsn, digits -> {
            for (int position = 0; position < 9; position++) {
                for (char other = '0'; other <= '9'; other++) {
                    if (other != digits.charAt(position)) {
                        String mistyped = replaced(digits, position, other);
                        assertThatThrownBy(() -> Bsn.parse(mistyped))
                                .as("%s with position %d changed", digits, position)
                                .isInstanceOf(InvalidValueException.class);
                    }
                }
            }
        });
    }

    @Test
    void swappingAnyTwoDifferentDigitsOfAValidBsnMakesItInvalid() {
        // Not asked of the elfproef, but true: all weights differ modulo 11, so no swap keeps the sum.
        forAll(BsnPropertiesTest::validBsn, digits -> {
            for (int i = 0; i < 9; i++) {
                for (int j = i + 1; j < 9; j++) {
                    if (digits.charAt(i) != digits.charAt(j)) {
                        String swapped = replaced(replaced(digits, i, digits.charAt(j)), j, digits.charAt(i));
                        assertThatThrownBy(() -> Bsn.parse(swapped))
                                .as("%s with positions %d and %d swapped", digits, i, j)
                                .isInstanceOf(InvalidValueException.class);
                    }
                }
            }
        });
    }

    @Test
    void toStringNeverContainsADigit() {
        forAll(
                BsnPropertiesTest::validBsn,
                digits -> assertThat(Bsn.parse(digits).toString()).doesNotContainPattern("[0-9]"));
    }

    @Test
    void aRefusalNeverContainsTheInput() {
        forAll(random -> digits(random, 9), digits -> {
            if (!passesElfproef(digits)) {
                assertThatThrownBy(() -> Bsn.parse(digits)).message().doesNotContain(digits);
            }
        });
    }

    /** Eight random digits and the check digit that completes them, if there is one; never all zeros. */
    private static String validBsn(Random random) {
        String bsn;
        do {
            bsn = completed(digits(random, 8));
        } while (bsn == null || bsn.equals("000000000"));
        return bsn;
    }

    private static @Nullable String completed(String eightDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += WEIGHTS[i] * (eightDigits.charAt(i) - '0');
        }
        // The last digit weighs -1, so it must equal the sum modulo 11; a remainder of 10 has no digit.
        int check = sum % 11;
        return check == 10 ? null : eightDigits + check;
    }

    private static boolean passesElfproef(String digits) {
        return digits.equals(completed(digits.substring(0, 8))) && !digits.equals("000000000");
    }

    private static String replaced(String text, int position, char c) {
        return text.substring(0, position) + c + text.substring(position + 1);
    }
}
