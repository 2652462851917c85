package nl.adreszicht.addresses;

import static nl.adreszicht.PropertyCheck.digits;
import static nl.adreszicht.PropertyCheck.forAll;
import static nl.adreszicht.PropertyCheck.mixedCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodesTest {

    private static final GemeenteCode HOOGEVEEN = new GemeenteCode("GM0118");
    private static final WijkCode WIJK = new WijkCode("WK011801");
    private static final BuurtCode BUURT = new BuurtCode("BU01180103");

    @Test
    void readsEachCodeWithItsPrefixInEitherCase() {
        assertThat(GemeenteCode.parse(" gm0118 ")).isEqualTo(HOOGEVEEN);
        assertThat(WijkCode.parse("wk011801")).isEqualTo(WIJK);
        assertThat(BuurtCode.parse("Bu01180103\n")).isEqualTo(BUURT);
        assertThat(BUURT).hasToString("BU01180103");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GM118", "GM01180", "0118", "XX0118", "GM01a8", "GM 0118", "WK0118", "GM\u0661118"})
    void refusesOtherGemeenteCodes(String text) {
        assertThatThrownBy(() -> GemeenteCode.parse(text)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("gemeenteCode");
            assertThat(e.messageKey()).isEqualTo("validation.gemeenteCode.format");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"WK01180", "WK0118011", "GM011801", "W\u212A011801" /* Kelvin sign, folds to k */})
    void refusesOtherWijkCodes(String text) {
        assertThatThrownBy(() -> WijkCode.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "validation.wijkCode.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BU0118010", "BU011801031", "WK01180103", "BU0118010x"})
    void refusesOtherBuurtCodes(String text) {
        assertThatThrownBy(() -> BuurtCode.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "validation.buurtCode.format");
    }

    @Test
    void theConstructorsTakeTheNormalisedFormOnly() {
        assertThatThrownBy(() -> new GemeenteCode("gm0118")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new WijkCode(" WK011801")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new BuurtCode("bu01180103")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aWijkKnowsItsGemeenteAndABuurtItsWijk() {
        assertThat(WIJK.gemeente()).isEqualTo(HOOGEVEEN);
        assertThat(BUURT.wijk()).isEqualTo(WIJK);
        assertThat(BUURT.gemeente()).isEqualTo(HOOGEVEEN);
    }

    @Test
    void acceptsNestedCodesWithAYearFrom2000To2100() {
        assertThat(new AreaCodes(HOOGEVEEN, WIJK, BUURT, 2000).year()).isEqualTo(2000);
        assertThat(new AreaCodes(HOOGEVEEN, WIJK, BUURT, 2100).year()).isEqualTo(2100);
    }

    @Test
    void refusesAWijkOfAnotherGemeente() {
        assertThatThrownBy(() -> new AreaCodes(new GemeenteCode("GM0193"), WIJK, BUURT, 2024))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("wijkCode");
                    assertThat(e.messageKey()).isEqualTo("validation.wijkCode.notInGemeente");
                });
    }

    @Test
    void refusesABuurtOfAnotherWijk() {
        assertThatThrownBy(() -> new AreaCodes(HOOGEVEEN, WIJK, new BuurtCode("BU01180203"), 2024))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("buurtCode");
                    assertThat(e.messageKey()).isEqualTo("validation.buurtCode.notInWijk");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2101, 0, -2024, 20240})
    void refusesAYearOutside2000To2100(int year) {
        assertThatThrownBy(() -> new AreaCodes(HOOGEVEEN, WIJK, BUURT, year))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("indelingsjaar");
                    assertThat(e.messageKey()).isEqualTo("validation.indelingsjaar.range");
                });
    }

    @Test
    void everyBuurtNestsInTheWijkAndGemeenteItsCodeNames() {
        forAll(random -> new BuurtCode("BU" + digits(random, 8)), buurt -> {
            String digits = buurt.value().substring(2);

            assertThat(buurt.wijk().value()).isEqualTo("WK" + digits.substring(0, 6));
            assertThat(buurt.gemeente().value()).isEqualTo("GM" + digits.substring(0, 4));
            assertThat(new AreaCodes(buurt.gemeente(), buurt.wijk(), buurt, 2024).buurt())
                    .isEqualTo(buurt);
        });
    }

    @Test
    void codesAreAcceptedTogetherExactlyWhenTheirDigitsNest() {
        forAll(AreaCodesTest::codesThatMayNest, codes -> {
            String buurtDigits = codes.buurt().value().substring(2);
            boolean nested = codes.wijk().value().equals("WK" + buurtDigits.substring(0, 6))
                    && codes.gemeente().value().equals("GM" + buurtDigits.substring(0, 4));
            if (nested) {
                assertThat(new AreaCodes(codes.gemeente(), codes.wijk(), codes.buurt(), 2024))
                        .extracting(AreaCodes::buurt)
                        .isEqualTo(codes.buurt());
            } else {
                assertThatThrownBy(() -> new AreaCodes(codes.gemeente(), codes.wijk(), codes.buurt(), 2024))
                        .isInstanceOf(InvalidValueException.class);
            }
        });
    }

    @Test
    void everyCodeReadsBackFromAnyCaseOfItsPrefix() {
        forAll(
                random -> {
                    String digits = digits(random, 8);
                    return List.of(
                            mixedCase(random, "bu") + digits,
                            mixedCase(random, "wk") + digits.substring(0, 6),
                            mixedCase(random, "gm") + digits.substring(0, 4));
                },
                spellings -> {
                    BuurtCode buurt = BuurtCode.parse(spellings.get(0));

                    assertThat(buurt.value()).isEqualToIgnoringCase(spellings.get(0));
                    assertThat(WijkCode.parse(spellings.get(1))).isEqualTo(buurt.wijk());
                    assertThat(GemeenteCode.parse(spellings.get(2))).isEqualTo(buurt.gemeente());
                });
    }

    private record Codes(GemeenteCode gemeente, WijkCode wijk, BuurtCode buurt) {}

    /** Nested codes, with the gemeente or the wijk (or both) swapped for another about half of the time. */
    private static Codes codesThatMayNest(Random random) {
        String digits = digits(random, 8);
        String wijk = random.nextBoolean() ? digits.substring(0, 6) : digits(random, 6);
        String gemeente = random.nextBoolean() ? wijk.substring(0, 4) : digits(random, 4);
        return new Codes(new GemeenteCode("GM" + gemeente), new WijkCode("WK" + wijk), new BuurtCode("BU" + digits));
    }
}
