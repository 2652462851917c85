package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * The module documentation cannot drift from the code. {@code docs/modules/} holds what Spring Modulith's
 * {@link Documenter} writes (the component diagram of all modules, one diagram and one canvas per module); this test
 * writes it again and fails when the committed files differ. After a change to the modules, regenerate them with
 *
 * <pre>./mvnw -pl modules/app test -Dtest=ModuleDocumentationTest -Dadreszicht.modules-docs.write=true</pre>
 *
 * <p>The module table in {@code docs/architecture.md} is hand-written (what a module owns is prose), but its "may use"
 * column is checked here against each module's declared {@code allowedDependencies}, and its list of changelogs
 * against the files the Liquibase master includes.
 */
class ModuleDocumentationTest {

    private static final Path ROOT = Path.of(System.getProperty("adreszicht.project-root", "../.."));
    private static final Path COMMITTED = ROOT.resolve("docs/modules");
    private static final Path ARCHITECTURE = ROOT.resolve("docs/architecture.md");
    private static final String REGENERATE =
            "./mvnw -pl modules/app test -Dtest=ModuleDocumentationTest -Dadreszicht.modules-docs.write=true";

    /** A module table row: | `module` | owns | `a`, `b` | (or — for none). */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\|([^|]*)\\|\\s*$");

    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    private final ApplicationModules modules = ApplicationModules.of(AdreszichtApplication.class);

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGives() throws IOException {
        Path target = Path.of("target/modules-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(target.toString())).writeDocumentation();
        Map<String, String> generated = files(target);

        if (Boolean.getBoolean("adreszicht.modules-docs.write")) {
            FileSystemUtils.deleteRecursively(COMMITTED);
            Files.createDirectories(COMMITTED);
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertThat(files(COMMITTED))
                .as("docs/modules/ differs from what the code gives; regenerate it with " + REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theModuleTableSaysWhatEachModuleMayUse() throws IOException {
        Map<String, Set<String>> documented = new TreeMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8)) {
            if (line.startsWith("<!-- module-map")) {
                inTable = true;
            } else if (line.startsWith("<!-- /module-map")) {
                inTable = false;
            } else if (inTable) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    documented.put(row.group(1), names(row.group(2)));
                }
            }
        }

        Map<String, Set<String>> declared = new TreeMap<>();
        for (ApplicationModule module : modules) {
            declared.put(
                    module.getIdentifier().toString(),
                    ModularityTest.allowedDependencies(module).orElse(Set.of()));
        }
        assertThat(documented)
                .as("the module table in docs/architecture.md (between <!-- module-map --> and <!-- /module-map -->)")
                .isEqualTo(declared);
    }

    @Test
    void theArchitectureNamesEveryChangelogTheMasterIncludes() throws IOException {
        Path master = Path.of("src/main/resources/db/changelog/db.changelog-master.yaml");
        String architecture = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
        List<String> included = Files.readAllLines(master, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("file: db/changelog/"))
                .map(line -> line.substring("file: db/changelog/".length()))
                .toList();

        assertThat(included).isNotEmpty();
        assertThat(included)
                .as("changelogs the master includes that docs/architecture.md (Persistence) does not name")
                .filteredOn(file -> !architecture.contains("`" + file + "`"))
                .isEmpty();
    }

    private static Set<String> names(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(cell);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static Map<String, String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted()
                    .collect(Collectors.toMap(
                            path -> path.getFileName().toString(),
                            ModuleDocumentationTest::read,
                            (a, b) -> a,
                            TreeMap::new));
        }
    }

    /**
     * The file's text with its unordered parts in a fixed order: the relations of a diagram and the items of a list in
     * a canvas (a first item {@code |* x}, then {@code * y}), which the Documenter writes in an order that changes from
     * run to run, while what they say does not.
     */
    private static String read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> relations = lines.stream()
                    .filter(line -> line.startsWith("Rel("))
                    .sorted()
                    .toList();
            List<String> ordered = new ArrayList<>(lines.size());
            int relation = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("Rel(")) {
                    ordered.add(relations.get(relation++));
                } else if (line.startsWith("|* ")) {
                    List<String> items = new ArrayList<>(List.of(line.substring(3)));
                    while (i + 1 < lines.size() && lines.get(i + 1).startsWith("* ")) {
                        items.add(lines.get(++i).substring(2));
                    }
                    items.sort(null);
                    ordered.add("|* " + items.get(0));
                    items.subList(1, items.size()).forEach(item -> ordered.add("* " + item));
                } else {
                    ordered.add(line);
                }
            }
            return String.join("\n", ordered) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
