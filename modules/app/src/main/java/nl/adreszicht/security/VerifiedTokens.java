package nl.adreszicht.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens this instance has already verified, until they expire (issue 18). An API client sends the same token
 * with every request of its five minutes; checking its RSA signature and decoding its Base64 again for each one was
 * the largest self time in the address history's profile (docs/performance.md).
 *
 * <p>What is kept is a pure function of the token: signature, issuer, audience and type do not change while a token
 * lives, and its expiry is checked again on every use, so a token is never accepted here after the decoder would have
 * refused it for its age (this is stricter: the decoder allows a minute of clock skew, this does not). Its "now" is the
 * application's ({@link DutchTime}), the system clock in production, so a test that moves the clock forward sees a
 * token expire here as it would. Two instances
 * each verify a token once and agree, so nothing needs sharing across the cluster. A key Keycloak withdraws keeps
 * the tokens it signed valid here until they expire, at most the token lifetime, as with the decoder's own cached
 * keys.
 *
 * <p>Bounded: at {@code capacity} the expired entries go, and if that frees nothing everything goes, so a flood of
 * distinct tokens costs verification, never memory.
 */
final class VerifiedTokens {

    /** About 5 kB a token (the token and its parsed claims): at most a few megabytes. */
    static final int CAPACITY = 2_000;

    private final int capacity;
    private final DutchTime time;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity, DutchTime time) {
        this.capacity = capacity;
        this.time = time;
    }

    /** The verified token, or null when it was not verified here or has expired since. */
    @Nullable
    Jwt get(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return null;
        }
        if (!live(jwt, time.now())) {
            verified.remove(token, jwt);
            return null;
        }
        return jwt;
    }

    /** Keeps a token the decoder has just accepted; one without an expiry, or past it, is not kept. */
    void put(String token, Jwt jwt) {
        Instant now = time.now();
        if (!live(jwt, now)) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(kept -> !live(kept, now));
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    int size() {
        return verified.size();
    }

    private static boolean live(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && now.isBefore(expiresAt);
    }
}
