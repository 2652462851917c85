package nl.adreszicht.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.adreszicht.records.IfMatch;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.records.PreconditionFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class IfMatchResolverTest {

    @Test
    void aStrongOrWeakTagOrAListMatchesTheRevisionsItNames() {
        assertThat(IfMatchResolver.parse("\"3\"").matches(3)).isTrue();
        assertThat(IfMatchResolver.parse("\"3\"").matches(4)).isFalse();
        assertThat(IfMatchResolver.parse("W/\"7\"").matches(7)).isTrue();
        IfMatch list = IfMatchResolver.parse("\"1\", \"5\"");
        assertThat(list.matches(5)).isTrue();
        assertThat(list.matches(2)).isFalse();
        assertThat(IfMatchResolver.parse(" * ").matches(42)).isTrue();
    }

    @Test
    void anythingElseIsAFieldErrorOnTheHeader() {
        for (String bad : new String[] {"3", "\"x\"", "\"3\",", "\"-1\"", "W/3", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> IfMatchResolver.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("If-Match"));
        }
    }

    @Test
    void aBlankHeaderIsAMissingOne() {
        assertThatThrownBy(() -> IfMatchResolver.parse("  "))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        missing -> assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
    }

    @Test
    void anOlderRevisionFailsThePreconditionAndTheEtagIsQuoted() {
        assertThatThrownBy(() -> IfMatch.revision(2).requireCurrent(3))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("versie 3");
        IfMatch.revision(3).requireCurrent(3);
        IfMatch.NOT_ASKED.requireCurrent(99);
        assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
    }
}
