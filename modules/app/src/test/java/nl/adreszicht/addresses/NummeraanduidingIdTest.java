package nl.adreszicht.addresses;

import static nl.adreszicht.PropertyCheck.digits;
import static nl.adreszicht.PropertyCheck.forAll;
import static nl.adreszicht.PropertyCheck.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NummeraanduidingIdTest {

    @Test
    void readsGemeenteObjectTypeAndSerial() {
        NummeraanduidingId id = NummeraanduidingId.parse(" 0118200000123456 ");

        assertThat(id.value()).isEqualTo("0118200000123456");
        assertThat(id).hasToString("0118200000123456");
        assertThat(id.gemeenteCode()).isEqualTo(new GemeenteCode("GM0118"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0118010000123456", // verblijfsobject
                "0118100000123456", // pand
                "0118020000123456", // ligplaats
                "0118300000123456" // openbare ruimte
            })
    void refusesTheIdOfAnotherKindOfBagObject(String text) {
        assertThatThrownBy(() -> NummeraanduidingId.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("nummeraanduidingId");
                    assertThat(e.messageKey()).isEqualTo("validation.nummeraanduidingId.objectType");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "011820000012345", // 15 digits
                "01182000001234567", // 17 digits
                "0118 200000123456",
                "0118-20-0000123456",
                "011820000012345A",
                "\u0661118200000123456", // an Arabic-Indic digit
                "NL.IMBAG.Nummeraanduiding.0118200000123456"
            })
    void refusesAnythingButSixteenDigits(String text) {
        assertThatThrownBy(() -> NummeraanduidingId.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "validation.nummeraanduidingId.format");
    }

    @Test
    void everyGemeenteAndSerialWithObjectType20IsAnId() {
        forAll(random -> digits(random, 4) + "20" + digits(random, 10), text -> {
            NummeraanduidingId id = NummeraanduidingId.parse(text);

            assertThat(id.value()).isEqualTo(text);
            assertThat(id.gemeenteCode().value()).isEqualTo("GM" + text.substring(0, 4));
        });
    }

    @Test
    void everyObjectTypeBut20IsRefused() {
        for (int type = 0; type <= 99; type++) {
            String text = "0118" + String.format(Locale.ROOT, "%02d", type) + "0000123456";
            if (type == 20) {
                assertThat(NummeraanduidingId.parse(text).value()).isEqualTo(text);
            } else {
                assertThatThrownBy(() -> NummeraanduidingId.parse(text))
                        .hasFieldOrPropertyWithValue("messageKey", "validation.nummeraanduidingId.objectType");
            }
        }
    }

    @Test
    void everyOtherLengthIsRefused() {
        forAll(
                random -> {
                    String text;
                    do {
                        text = string(random, "0123456789", 0, 32);
                    } while (text.length() == 16);
                    return text;
                },
                text -> assertThatThrownBy(() -> NummeraanduidingId.parse(text))
                        .hasFieldOrPropertyWithValue("messageKey", "validation.nummeraanduidingId.format"));
    }
}
