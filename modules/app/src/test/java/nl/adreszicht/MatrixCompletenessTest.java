package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.adreszicht.security.AccessMatrix;
import nl.adreszicht.security.Permission;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The matrix is complete and documented: every request mapping of the running application has its row, no
 * row points at nothing, and docs/security/permissions.md shows exactly the matrix.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatrixCompletenessTest {

    /** Framework mappings that are not endpoints of ours: the error page is reached by error dispatch only. */
    private static final Set<String> FRAMEWORK = Set.of("GET /error", "POST /error", "PUT /error", "DELETE /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRequestMappingHasARowAndEveryRowAMapping() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().stream()
                    .map(Enum::name)
                    .collect(Collectors.toSet());
            if (methods.isEmpty()) {
                methods = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
            }
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    mapped.add(method + " " + pattern);
                }
            }
        }
        mapped.removeIf(FRAMEWORK::contains);
        mapped.removeIf(m -> m.endsWith(" /error"));
        Set<String> rows = AccessMatrix.permissions().stream()
                .map(p -> p.method().name() + " " + p.path())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(rows).as("request mappings without a row in AccessMatrix").containsAll(mapped);
        assertThat(mapped).as("AccessMatrix rows without a request mapping").containsAll(rows);
    }

    @Test
    void thePermissionsDocumentShowsExactlyTheMatrix() throws Exception {
        Path document =
                Path.of(System.getProperty("adreszicht.project-root", "../..")).resolve("docs/security/permissions.md");
        String table = markdownTable();

        assertThat(Files.readString(document))
                .as("docs/security/permissions.md must contain this generated table:\n" + table)
                .contains(table);
    }

    /** The matrix as the document shows it; regenerate the section from this output when a row changes. */
    static String markdownTable() {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("| Action | Method and path | Scope | Personal data |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (Role role : Role.values()) {
            header.append(' ').append(role.realmRole()).append(" |");
            rule.append(":-:|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        for (Permission p : AccessMatrix.permissions()) {
            StringBuilder line = new StringBuilder("| `")
                    .append(p.action())
                    .append("` | `")
                    .append(p.method().name())
                    .append(' ')
                    .append(p.path())
                    .append("` | ")
                    .append(
                            p.anonymous()
                                    ? "anonymous"
                                    : p.scope().name().toLowerCase().replace('_', ' '))
                    .append(" | ")
                    .append(p.personalData() ? "yes" : "no")
                    .append(" |");
            for (Role role : Role.values()) {
                line.append(' ')
                        .append(p.anonymous() || p.allows(role) ? "✓" : "–")
                        .append(" |");
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }
}
