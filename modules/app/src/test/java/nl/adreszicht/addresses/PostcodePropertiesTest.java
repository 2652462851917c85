package nl.adreszicht.addresses;

import static nl.adreszicht.PropertyCheck.forAll;
import static nl.adreszicht.PropertyCheck.mixedCase;
import static nl.adreszicht.PropertyCheck.oneOf;
import static nl.adreszicht.PropertyCheck.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Properties of {@link Postcode}, checked against generated input and, where the space is small, all of it. */
class PostcodePropertiesTest {

    private static final Set<String> NEVER_ISSUED = Set.of("SA", "SD", "SS");
    private static final String WHITESPACE = " \t\n\r\u2003";
    // Mostly what postcodes are made of, plus characters that are easy to confuse with it.
    private static final String NEAR_ALPHABET = "0123456789ABSDZabsdz -\t\u00A0\u0131\u00DF\u0661\u00C4\uFF11";

    @Test
    void everySpellingOfAValidPostcodeGivesTheNormalisedValue() {
        forAll(PostcodePropertiesTest::spelling, spelling -> {
            Postcode postcode = Postcode.parse(spelling.text());

            assertThat(postcode.value()).isEqualTo(spelling.normalised());
            assertThat(Postcode.parse(postcode.toString())).isEqualTo(postcode);
        });
    }

    @Test
    void twoSpellingsOfTheSamePostcodeAreEqual() {
        forAll(
                random -> {
                    String normalised = validPostcode(random);
                    return List.of(spell(random, normalised), spell(random, normalised));
                },
                pair -> assertThat(Postcode.parse(pair.get(0))).isEqualTo(Postcode.parse(pair.get(1))));
    }

    @Test
    void everyLetterPairButSaSdAndSsIsAccepted() {
        for (char first = 'A'; first <= 'Z'; first++) {
            for (char second = 'A'; second <= 'Z'; second++) {
                String letters = "" + first + second;
                String text = "7901" + letters.toLowerCase(Locale.ROOT);
                if (NEVER_ISSUED.contains(letters)) {
                    assertThatThrownBy(() -> Postcode.parse(text)).isInstanceOf(InvalidValueException.class);
                } else {
                    assertThat(Postcode.parse(text).value()).isEqualTo("7901" + letters);
                }
            }
        }
    }

    @Test
    void everyNumberFrom1000To9999IsAcceptedAndNoneBelow() {
        for (int number = 0; number <= 9999; number++) {
            String text = String.format(Locale.ROOT, "%04dAB", number);
            if (number >= 1000) {
                assertThat(Postcode.parse(text).value()).isEqualTo(text);
            } else {
                assertThatThrownBy(() -> Postcode.parse(text)).isInstanceOf(InvalidValueException.class);
            }
        }
    }

    @Test
    void anyTextIsAcceptedExactlyWhenItIsAPostcodeSpelling() {
        forAll(random -> random.nextBoolean() ? string(random, NEAR_ALPHABET, 0, 9) : mutated(random), text -> {
            String expected = normalisedOrNull(text);
            if (expected == null) {
                assertThatThrownBy(() -> Postcode.parse(text)).isInstanceOf(InvalidValueException.class);
            } else {
                assertThat(Postcode.parse(text).value()).isEqualTo(expected);
            }
        });
    }

    @Test
    void anythingButOnePlainSpaceBetweenDigitsAndLettersIsRefused() {
        forAll(
                random -> {
                    String separator;
                    do {
                        separator = string(random, " \t\n\r\u00A0\u2003\u000B\f-.", 1, 3);
                    } while (separator.equals(" "));
                    return "7901" + separator + "AB";
                },
                text -> assertThatThrownBy(() -> Postcode.parse(text)).isInstanceOf(InvalidValueException.class));
    }

    @Test
    void theConstructorRefusesEveryOtherSpelling() {
        forAll(PostcodePropertiesTest::spelling, spelling -> {
            if (!spelling.text().equals(spelling.normalised())) {
                assertThatThrownBy(() -> new Postcode(spelling.text())).isInstanceOf(InvalidValueException.class);
            }
        });
    }

    private record Spelling(String normalised, String text) {}

    private static Spelling spelling(Random random) {
        String normalised = validPostcode(random);
        return new Spelling(normalised, spell(random, normalised));
    }

    private static String validPostcode(Random random) {
        String letters;
        do {
            letters = string(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2, 2);
        } while (NEVER_ISSUED.contains(letters));
        return (1000 + random.nextInt(9000)) + letters;
    }

    /** An accepted way of typing {@code normalised}: any case, one space or none, whitespace around. */
    private static String spell(Random random, String normalised) {
        return string(random, WHITESPACE, 0, 2)
                + normalised.substring(0, 4)
                + (random.nextBoolean() ? " " : "")
                + mixedCase(random, normalised.substring(4))
                + string(random, WHITESPACE, 0, 2);
    }

    /** A valid spelling with one character inserted, deleted or replaced: mostly, but not always, invalid. */
    private static String mutated(Random random) {
        StringBuilder text = new StringBuilder(spell(random, validPostcode(random)));
        int at = random.nextInt(text.length());
        char other = NEAR_ALPHABET.charAt(random.nextInt(NEAR_ALPHABET.length()));
        switch (oneOf(random, "insert", "delete", "replace")) {
            case "insert" -> text.insert(at, other);
            case "delete" -> text.deleteCharAt(at);
            default -> text.setCharAt(at, other);
        }
        return text.toString();
    }

    /** The rules written out by hand, independently of the production regex: the expected value, or null. */
    private static @Nullable String normalisedOrNull(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String core = text.substring(start, end);
        if (core.length() == 7 && core.charAt(4) == ' ') {
            core = core.substring(0, 4) + core.substring(5);
        }
        if (core.length() != 6 || core.charAt(0) == '0') {
            return null;
        }
        StringBuilder normalised = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            char c = core.charAt(i);
            if (i < 4 && !(c >= '0' && c <= '9')) {
                return null;
            }
            if (i >= 4) {
                if (c >= 'a' && c <= 'z') {
                    c = (char) (c - 'a' + 'A');
                } else if (!(c >= 'A' && c <= 'Z')) {
                    return null;
                }
            }
            normalised.append(c);
        }
        return NEVER_ISSUED.contains(normalised.substring(4)) ? null : normalised.toString();
    }
}
