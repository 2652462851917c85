package nl.adreszicht.addresses;

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
 * The import command: started with {@code --adreszicht.import.addresses=<file.csv>} the application loads the
 * file, prints progress, every rejected line with its reason and a summary, and exits: 0 when every row loaded,
 * 2 when rows were rejected (the good ones are loaded), 1 when the file could not be read at all.
 */
@Component
@ConditionalOnProperty("adreszicht.import.addresses")
class AddressImportCommand implements ApplicationRunner {

    private final AddressImport addressImport;
    private final ConfigurableApplicationContext context;
    private final Path file;

    AddressImportCommand(
            AddressImport addressImport,
            ConfigurableApplicationContext context,
            @Value("${adreszicht.import.addresses}") Path file) {
        this.addressImport = addressImport;
        this.context = context;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode;
        try {
            AddressImport.Report report = addressImport.importFrom(file, line -> System.out.println("  " + line));
            report.rejections().forEach(r -> System.out.printf("  regel %d afgewezen: %s%n", r.line(), r.reason()));
            System.out.printf(
                    "Adressen: %d regels, %d nieuw of gewijzigd, %d ongewijzigd, %d afgewezen%n",
                    report.rows(),
                    report.written(),
                    report.unchanged(),
                    report.rejections().size());
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
