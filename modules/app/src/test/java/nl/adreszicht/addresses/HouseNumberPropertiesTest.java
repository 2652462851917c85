package nl.adreszicht.addresses;

import static nl.adreszicht.PropertyCheck.forAll;
import static nl.adreszicht.PropertyCheck.mixedCase;
import static nl.adreszicht.PropertyCheck.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Properties of {@link HouseNumber}, checked against generated parts. */
class HouseNumberPropertiesTest {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERICS = LETTERS + "0123456789";
    // ASCII letters and digits, and characters that look alike or that upper-casing changes.
    private static final String NEAR_ALPHABET = "AZaz09 -/\t\u00E9\u0131\u00DF\uFF21";

    @Test
    void theDisplayFormReadsBackToTheSameParts() {
        forAll(HouseNumberPropertiesTest::houseNumber, houseNumber -> {
            HouseNumber read = HouseNumber.parse(houseNumber.toString());

            assertThat(read.number()).isEqualTo(houseNumber.number());
            assertThat(read.letter()).isEqualTo(houseNumber.letter());
            assertThat(read.addition()).isEqualTo(houseNumber.addition());
        });
    }

    @Test
    void theDisplayFormIsNumberLetterAndDashAddition() {
        forAll(HouseNumberPropertiesTest::houseNumber, houseNumber -> {
            String expected = houseNumber.number()
                    + (houseNumber.letter() == null ? "" : houseNumber.letter())
                    + (houseNumber.addition() == null ? "" : "-" + houseNumber.addition());

            assertThat(houseNumber).hasToString(expected);
        });
    }

    @Test
    void partsInAnyCaseAndWithSpacesAroundGiveTheSameHouseNumber() {
        forAll(
                random -> {
                    HouseNumber houseNumber = houseNumber(random);
                    return new Typed(
                            houseNumber, typed(random, houseNumber.letter()), typed(random, houseNumber.addition()));
                },
                typed -> assertThat(HouseNumber.of(typed.expected().number(), typed.letter(), typed.addition()))
                        .isEqualTo(typed.expected()));
    }

    @Test
    void everyNumberOutside1To99999IsRefused() {
        forAll(
                random -> random.nextBoolean() ? -random.nextInt(Integer.MAX_VALUE) : 100_000 + random.nextInt(1 << 30),
                number -> assertThatThrownBy(() -> HouseNumber.of(number, null, null))
                        .isInstanceOf(InvalidValueException.class)
                        .hasFieldOrPropertyWithValue("field", "huisnummer"));
    }

    @Test
    void aHuisletterIsAcceptedExactlyWhenItIsOneAsciiLetter() {
        forAll(random -> string(random, NEAR_ALPHABET, 0, 3), letter -> {
            String stripped = letter.strip();
            if (stripped.isEmpty()) {
                assertThat(HouseNumber.of(1, letter, null).letter()).isNull();
            } else if (stripped.length() == 1 && isAsciiLetter(stripped.charAt(0))) {
                assertThat(HouseNumber.of(1, letter, null).letter()).isEqualTo(upper(stripped));
            } else {
                assertThatThrownBy(() -> HouseNumber.of(1, letter, null))
                        .isInstanceOf(InvalidValueException.class)
                        .hasFieldOrPropertyWithValue("field", "huisletter");
            }
        });
    }

    @Test
    void aToevoegingIsAcceptedExactlyWhenItIsOneToFourAsciiLettersOrDigits() {
        forAll(random -> string(random, NEAR_ALPHABET, 0, 6), addition -> {
            String stripped = addition.strip();
            if (stripped.isEmpty()) {
                assertThat(HouseNumber.of(1, null, addition).addition()).isNull();
            } else if (stripped.length() <= 4
                    && stripped.chars().allMatch(c -> isAsciiLetter((char) c) || isDigit(c))) {
                assertThat(HouseNumber.of(1, null, addition).addition()).isEqualTo(upper(stripped));
            } else {
                assertThatThrownBy(() -> HouseNumber.of(1, null, addition))
                        .isInstanceOf(InvalidValueException.class)
                        .hasFieldOrPropertyWithValue("field", "toevoeging");
            }
        });
    }

    private record Typed(
            HouseNumber expected,
            @Nullable String letter,
            @Nullable String addition) {}

    private static HouseNumber houseNumber(Random random) {
        // Boundaries often, the rest at random.
        int number = switch (random.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 99_999;
            default -> 1 + random.nextInt(99_999);
        };
        String letter = random.nextBoolean() ? string(random, LETTERS, 1, 1) : null;
        String addition = random.nextBoolean() ? string(random, ALPHANUMERICS, 1, 4) : null;
        return new HouseNumber(number, letter, addition);
    }

    /** How a form may deliver a part: absent as null or blank, present in any case with spaces around. */
    private static @Nullable String typed(Random random, @Nullable String part) {
        if (part == null) {
            return random.nextBoolean() ? null : string(random, " \t", 0, 2);
        }
        return string(random, " \t", 0, 2) + mixedCase(random, part) + string(random, " \t", 0, 2);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String upper(String ascii) {
        StringBuilder upper = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
