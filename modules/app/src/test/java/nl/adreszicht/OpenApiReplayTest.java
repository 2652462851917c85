package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the API as its own published document describes it, over the wire: every path of the live
 * {@code /api/v1/openapi.json}, with every method in {GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS}, a random id in
 * every path variable, as every role, as a login without an Adreszicht role and without a token. Whatever the matrix
 * does not allow must be refused before any handler: 401 without a token, 403 with one. A 2xx is a leak; a 404 for a
 * refused caller is one too, because only a handler that ran could have looked the id up.
 */
class OpenApiReplayTest extends OverTheWire {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final JsonMapper json = JsonMapper.builder().build();

    /** A caller: a role, no Adreszicht role ({@code role} null, {@code token} set), or nobody (both null). */
    record Caller(@Nullable Role role, @Nullable String token) {

        @Override
        public String toString() {
            return token == null ? "anonymous" : role == null ? "no role" : role.realmRole();
        }
    }

    @Test
    void theDocumentDescribesEveryApiRowOfTheMatrix() {
        List<String> documented = paths();
        for (Permission permission : AccessMatrix.permissions()) {
            if (permission.isApi() && !permission.path().startsWith("/api/v1/openapi.json")) {
                assertThat(documented).as("documented paths").contains(permission.path());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationOfTheLiveDocumentWithEveryMethodAndEveryCaller() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            callers.add(new Caller(role, token(new Requests(role, "veilig-thuis-drenthe", "VT03", "GM0118"))));
        }
        callers.add(new Caller(null, token(new Requests(null, "veilig-thuis-drenthe", "VT03", "GM0118"))));
        callers.add(new Caller(null, null));
        return paths().stream()
                .flatMap(path -> METHODS.stream()
                        .map(method ->
                                DynamicTest.dynamicTest(method + " " + path, () -> replay(method, path, callers))));
    }

    private void replay(String method, String template, List<Caller> callers) {
        List<String> findings = new ArrayList<>();
        for (Caller caller : callers) {
            String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Optional<Permission> row = AccessMatrix.find(method, path);
            boolean allowed = row.isPresent()
                    && (row.get().anonymous()
                            || (caller.role() != null && row.get().allows(caller.role())));
            Wire.Call call = wire().call(method, path);
            if (caller.token() != null) {
                call.bearer(caller.token());
            }
            if (List.of("POST", "PUT", "PATCH").contains(method)) {
                call.json("{}");
            }
            int status = call.send().status();
            String what = method + " " + path + " as " + caller + " → " + status;
            if (allowed) {
                if (status == 401 || status == 403 || status >= 500) {
                    findings.add(what + " (allowed by the matrix)");
                }
            } else if (status / 100 == 2 || status == 404) {
                findings.add(what + " (refused by the matrix, but a handler answered)");
            } else if (status != (caller.token() == null ? 401 : 403)) {
                findings.add(what + " (refused by the matrix, expected " + (caller.token() == null ? 401 : 403) + ")");
            }
        }
        assertThat(findings).as("findings").isEmpty();
    }

    /** The document's paths as a client calls them: each under the path of the document's server URL. */
    private List<String> paths() {
        Wire.Response document = wire().call("GET", "/api/v1/openapi.json").send();
        assertThat(document.status()).isEqualTo(200);
        JsonNode root = json.readTree(document.body());
        String base = URI.create(root.path("servers").path(0).path("url").asString(""))
                .getPath();
        assertThat(base).as("the server URL's path").isEqualTo("/api/v1");
        Collection<String> names = root.path("paths").propertyNames();
        assertThat(names).as("the document's paths").isNotEmpty();
        return names.stream().map(name -> base + name).toList();
    }
}
