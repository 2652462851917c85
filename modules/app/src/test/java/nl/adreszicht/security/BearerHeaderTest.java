package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerHeaderTest {

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(BearerHeader.token(null)).isNull();
        assertThat(BearerHeader.token("")).isNull();
        assertThat(BearerHeader.token("Basic dmFsaWQ6dXNlcg==")).isNull();
        assertThat(BearerHeader.token("Bear abc")).isNull();
    }

    @Test
    void theTokenIsWhatFollowsTheSchemeWhateverItsCase() {
        assertThat(BearerHeader.token("Bearer eyJh.eyJz-_~+/.c2ln")).isEqualTo("eyJh.eyJz-_~+/.c2ln");
        assertThat(BearerHeader.token("bearer abc")).isEqualTo("abc");
        assertThat(BearerHeader.token("BEARER AbZ09==")).isEqualTo("AbZ09==");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "Bearerabc",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer abc def",
                "Bearer abc=def",
                "Bearer =abc",
                "Bearer ==",
                "Bearer abc\\u00e9",
                "Bearer abc,def",
                "Bearer\\tabc"
            })
    void aBearerHeaderOfAnyOtherFormIsAMalformedToken(String header) {
        String unescaped = header.replace("\\u00e9", "\u00e9").replace("\\t", "\t");
        assertThatThrownBy(() -> BearerHeader.token(unescaped))
                .isInstanceOfSatisfying(
                        OAuth2AuthenticationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_token"));
    }
}
