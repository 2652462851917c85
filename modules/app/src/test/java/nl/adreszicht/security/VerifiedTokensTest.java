package nl.adreszicht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The cache of verified access tokens never serves a token past its expiry and never grows past its capacity. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MovingClock clock = new MovingClock(NOW);

    @Test
    void servesAVerifiedTokenUntilItsExpiryAndNotAMomentAfter() {
        VerifiedTokens tokens = new VerifiedTokens(10, new DutchTime(clock));
        Jwt jwt = jwt("a", NOW.plusSeconds(300));
        tokens.put("a", jwt);

        assertThat(tokens.get("a")).isSameAs(jwt);
        clock.now = NOW.plusSeconds(299);
        assertThat(tokens.get("a")).isSameAs(jwt);
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.get("a")).isNull();
        assertThat(tokens.size())
                .as("the expired token is dropped when asked for")
                .isZero();
    }

    @Test
    void servesOnlyTheExactTokenThatWasVerified() {
        VerifiedTokens tokens = new VerifiedTokens(10, new DutchTime(clock));
        tokens.put("header.payload.signature", jwt("header.payload.signature", NOW.plusSeconds(300)));

        assertThat(tokens.get("header.payload.signaturf")).isNull();
        assertThat(tokens.get("header.payload.signature ")).isNull();
    }

    @Test
    void keepsNoTokenWithoutAnExpiryOrAlreadyPastIt() {
        VerifiedTokens tokens = new VerifiedTokens(10, new DutchTime(clock));
        tokens.put("none", jwt("none", null));
        // the decoder accepts a token up to a minute past its expiry (clock skew); the cache does not keep it
        tokens.put("late", jwt("late", NOW.minusSeconds(30)));

        assertThat(tokens.get("none")).isNull();
        assertThat(tokens.get("late")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void atCapacityTheExpiredGoFirstAndOtherwiseEverything() {
        VerifiedTokens tokens = new VerifiedTokens(3, new DutchTime(clock));
        tokens.put("short", jwt("short", NOW.plusSeconds(10)));
        tokens.put("long1", jwt("long1", NOW.plusSeconds(300)));
        tokens.put("long2", jwt("long2", NOW.plusSeconds(300)));
        clock.now = NOW.plusSeconds(20);

        tokens.put("new1", jwt("new1", NOW.plusSeconds(320)));
        assertThat(tokens.size()).as("only the expired one made room").isEqualTo(3);
        assertThat(tokens.get("long1")).isNotNull();
        assertThat(tokens.get("long2")).isNotNull();

        tokens.put("new2", jwt("new2", NOW.plusSeconds(320)));
        assertThat(tokens.size())
                .as("nothing expired: all went, the new one stays")
                .isEqualTo(1);
        assertThat(tokens.get("new2")).isNotNull();
        assertThat(tokens.get("long1")).isNull();
    }

    private static Jwt jwt(String value, @Nullable Instant expiresAt) {
        Instant issuedAt = expiresAt == null ? null : expiresAt.minusSeconds(300);
        return new Jwt(value, issuedAt, expiresAt, Map.of("alg", "RS256"), Map.of("sub", "3f1c"));
    }

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
