package nl.adreszicht.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The access token of an API request: the {@code Authorization} header only (never a query or form parameter, where
 * it would end up in logs), in the form RFC 6750 section 2.1 allows, {@code Bearer b64token}. The same rule as Spring
 * Security's default resolver, which checks it with a regular expression: with the token itself verified once per
 * instance ({@link VerifiedTokens}), that expression's character classes, run over the 1.5 kB token on every request,
 * became the address history's largest self time (issue 18, docs/performance.md). Checked here in one pass.
 *
 * <p>No header, or one that does not start with "bearer" (another scheme): no token, and the request is
 * unauthenticated (401). A "bearer" header that is not of that form: refused as a malformed token (401,
 * {@code invalid_token}).
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        return token(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    static @Nullable String token(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !b64token(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** One or more of ALPHA DIGIT "-" "." "_" "~" "+" "/", then any number of "=" (RFC 6750, b64token). */
    private static boolean b64token(String authorization) {
        int i = SCHEME.length();
        int end = authorization.length();
        int start = i;
        while (i < end && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && authorization.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
