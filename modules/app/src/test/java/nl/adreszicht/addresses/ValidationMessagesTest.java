package nl.adreszicht.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;

/** Every message key the address values can report has a Dutch and an English text. */
class ValidationMessagesTest {

    private static final GemeenteCode GEMEENTE = new GemeenteCode("GM0118");
    private static final WijkCode WIJK = new WijkCode("WK011801");
    private static final BuurtCode BUURT = new BuurtCode("BU01180103");

    @Test
    void everyRefusalHasADutchAndAnEnglishMessage() {
        List<Runnable> refusals = List.of(
                () -> Postcode.parse("1234SS"),
                () -> HouseNumber.parse("A1"),
                () -> HouseNumber.of(0, null, null),
                () -> HouseNumber.of(1, "AB", null),
                () -> HouseNumber.of(1, null, "ABCDE"),
                () -> NummeraanduidingId.parse("0118"),
                () -> NummeraanduidingId.parse("0118010000123456"),
                () -> GemeenteCode.parse("GM118"),
                () -> WijkCode.parse("WK0118"),
                () -> BuurtCode.parse("BU0118"),
                () -> new AreaCodes(new GemeenteCode("GM0193"), WIJK, BUURT, 2024),
                () -> new AreaCodes(GEMEENTE, new WijkCode("WK011802"), BUURT, 2024),
                () -> new AreaCodes(GEMEENTE, WIJK, BUURT, 1999));
        ResourceBundle dutch = ResourceBundle.getBundle("messages", Locale.ROOT);
        ResourceBundle english = ResourceBundle.getBundle("messages", Locale.ENGLISH);

        for (Runnable refusal : refusals) {
            String key = catchThrowableOfType(InvalidValueException.class, refusal::run)
                    .messageKey();

            assertThat(dutch.containsKey(key)).as("Dutch message for %s", key).isTrue();
            assertThat(english.getString(key)).as("English message for %s", key).isNotEqualTo(dutch.getString(key));
        }
    }
}
