package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The API's bearer header over a real port, with every method: the token is read from {@code Authorization} only, the
 * scheme in any case; a header of another form is a malformed token (401 {@code invalid_token}, as a problem), and a
 * token in the query string is not read (401, no token). Which role may do what is AccessMatrixTest's.
 */
class BearerHeaderOverTheWireTest extends OverTheWire {

    private static final Requests VT = new Requests(Role.VT_MEDEWERKER, "veilig-thuis-drenthe", "VT03", "GM0118");

    private static final String RESOURCE = "/api/v1/geweldsvormen";

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Test
    void theSchemeIsReadInAnyCase() {
        String token = token(VT);
        for (String scheme : List.of("Bearer ", "bearer ", "BEARER ")) {
            for (String method : List.of("GET", "HEAD")) {
                Wire.Response response = wire().call(method, RESOURCE)
                        .header("Authorization", scheme + token)
                        .send();
                assertThat(response.status()).as(method + " with " + scheme).isEqualTo(200);
            }
        }
    }

    @Test
    void aHeaderOfAnotherFormIsAMalformedTokenWithEveryMethod() {
        String token = token(VT);
        List<String> malformed = List.of(
                "Bearer  " + token, "Bearer " + token + " x", "Bearer " + token + "=a", "Bearer", "Bearer" + token);
        for (String header : malformed) {
            for (String method : METHODS) {
                Wire.Response response = wire().call(method, RESOURCE)
                        .header("Authorization", header)
                        .send();
                String what = method + " with " + header.substring(0, Math.min(header.length(), 12));
                assertThat(response.status()).as(what).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(what).contains("Bearer error=\"invalid_token\"");
                if (!method.equals("HEAD")) {
                    assertThat(response.header("Content-Type"))
                            .as(what)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
    }

    @Test
    void aTokenInTheQueryStringIsNotRead() {
        String token = token(VT);
        for (String method : METHODS) {
            Wire.Response response =
                    wire().call(method, RESOURCE + "?access_token=" + token).send();
            assertThat(response.status()).as(method).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(method).contains("Bearer");
        }
    }
}
