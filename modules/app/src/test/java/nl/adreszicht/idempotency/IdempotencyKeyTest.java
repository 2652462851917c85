package nl.adreszicht.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.adreszicht.records.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of the key: its format, which requests take one, and when two bodies are the same. */
class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "3f1c2a9e-7b1d-4c2e", "order:42.retry_1", "A.b:c-d_e"})
    void aKeyOfLettersDigitsAndDotsDashesColonsUnderscoresUpTo64IsTaken(String key) {
        assertThat(IdempotencyKey.parse(key)).isEqualTo(new IdempotencyKey(key));
        assertThat(IdempotencyKey.parse("x".repeat(64))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"met spatie", "é", "a/b", "a;b", "{key}", "ключ"})
    void anyOtherCharacterIsRefusedWithTheOneMessageKey(String key) {
        assertThatThrownBy(() -> IdempotencyKey.parse(key))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("Idempotency-Key");
                    assertThat(invalid.messageKey()).isEqualTo("validation.idempotencyKey.format");
                });
    }

    @Test
    void sixtyFiveCharactersAreTooMany() {
        assertThatThrownBy(() -> IdempotencyKey.parse("x".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void noHeaderOrABlankOneIsNoKey() {
        assertThat(IdempotencyKey.parse(null)).isNull();
        assertThat(IdempotencyKey.parse("  ")).isNull();
    }

    @Test
    void everyPostUnderTheApiIsCoveredButASearch() {
        assertThat(IdempotencyKey.covers("POST", "/api/v1/meldingen")).isTrue();
        assertThat(IdempotencyKey.covers("POST", "/api/v1/adressen/{id}/kleurverhogingen"))
                .isTrue();
        assertThat(IdempotencyKey.covers("POST", "/api/v1/adressen/_zoek")).isFalse();
        assertThat(IdempotencyKey.covers("PUT", "/api/v1/meldingen")).isFalse();
        assertThat(IdempotencyKey.covers("GET", "/api/v1/meldingen")).isFalse();
        assertThat(IdempotencyKey.covers("POST", "/meldingen/nieuw")).isFalse();
    }

    @Test
    void theSameJsonSpacedOrOrderedOtherwiseHasTheSameFingerprint() {
        byte[] first = fingerprint("{\"b\": [1, {\"y\": true, \"x\": null}], \"a\": \"tekst\"}");
        byte[] second = fingerprint("{\n  \"a\":\"tekst\",\"b\":[1,{\"x\":null,\"y\":true}]\n}");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void anotherValueAnotherOrderInAnArrayOrAnotherTypeIsAnotherBody() {
        byte[] body = fingerprint("{\"a\": [1, 2], \"b\": \"1\"}");
        assertThat(fingerprint("{\"a\": [2, 1], \"b\": \"1\"}")).isNotEqualTo(body);
        assertThat(fingerprint("{\"a\": [1, 2], \"b\": 1}")).isNotEqualTo(body);
        assertThat(fingerprint("{\"a\": [1, 2], \"b\": \"1\", \"c\": null}")).isNotEqualTo(body);
    }

    @Test
    void aBodyThatIsNoJsonIsComparedByItsBytesAndNeverMatchesJson() {
        assertThat(RequestFingerprint.canonicalJson("niet {json".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(fingerprint("niet {json")).isEqualTo(fingerprint("niet {json"));
        assertThat(fingerprint("niet {json")).isNotEqualTo(fingerprint("niet  {json"));
        assertThat(fingerprint("")).isEqualTo(RequestFingerprint.of(new byte[0]));
        assertThat(RequestFingerprint.canonicalJson("\"x\"".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("\"x\"");
    }

    private static byte[] fingerprint(String body) {
        return RequestFingerprint.of(body.getBytes(StandardCharsets.UTF_8));
    }
}
