package nl.adreszicht.areascan;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The boundary import command: started with {@code --adreszicht.import.boundaries=<file.geojson>} the application
 * loads the file, prints every rejected feature with its reason and a summary, and exits: 0 when every feature
 * loaded, 2 when features were rejected (the good ones are loaded), 1 when the file could not be read at all.
 */
@Component
@ConditionalOnProperty("adreszicht.import.boundaries")
class AreaBoundaryImportCommand implements ApplicationRunner {

    private final AreaBoundaryImport boundaryImport;
    private final ConfigurableApplicationContext context;
    private final Path file;

    AreaBoundaryImportCommand(
            AreaBoundaryImport boundaryImport,
            ConfigurableApplicationContext context,
            @Value("${adreszicht.import.boundaries}") Path file) {
        this.boundaryImport = boundaryImport;
        this.context = context;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode;
        try {
            AreaBoundaryImport.Report report = boundaryImport.importFrom(file);
            report.rejections()
                    .forEach(r -> System.out.printf("  feature %d afgewezen: %s%n", r.feature(), r.reason()));
            System.out.printf(
                    "Gebiedsgrenzen: %d features, %d geladen, %d afgewezen%n",
                    report.features(), report.loaded(), report.rejections().size());
            exitCode = report.rejections().isEmpty() ? 0 : 2;
        } catch (Exception e) {
            System.out.println("Import mislukt: " + e.getMessage());
            exitCode = 1;
        }
        int code = exitCode;
        ExitCodeGenerator exit = () -> code;
        System.exit(SpringApplication.exit(context, exit));
    }
}
