package nl.adreszicht.registers;

import java.nio.file.Path;
import nl.adreszicht.registers.RegisterImportService.Register;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The import commands of the national registers, like the other import commands: started with one of
 * {@code --adreszicht.import.bag=<zip>} (full extract or mutations), {@code --adreszicht.import.cbs-gebieden=<gpkg of
 * geojson>}, {@code --adreszicht.import.cbs-postcodes=<csv>}, {@code --adreszicht.import.cbs-codewijzigingen=<csv>} or
 * {@code --adreszicht.import.buurtindeling=<jaar>}, with {@code --adreszicht.registers.jaar=<jjjj>} where a CBS year is
 * needed and {@code --adreszicht.registers.opnieuw=true} to process a file loaded before. Prints progress and a summary,
 * then exits with the service's code (docs/reference-data.md).
 */
@Component
@ConditionalOnExpression(
        "'${adreszicht.import.bag:}${adreszicht.import.bag-mutaties:}${adreszicht.import.cbs-gebieden:}"
                + "${adreszicht.import.cbs-postcodes:}${adreszicht.import.cbs-codewijzigingen:}"
                + "${adreszicht.import.buurtindeling:}' != ''")
class RegisterImportCommand implements ApplicationRunner {

    private final RegisterImportService service;
    private final ConfigurableApplicationContext context;
    private final Environment environment;

    RegisterImportCommand(
            RegisterImportService service, ConfigurableApplicationContext context, Environment environment) {
        this.service = service;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = execute();
        ExitCodeGenerator exit = () -> code;
        System.exit(SpringApplication.exit(context, exit));
    }

    int execute() {
        Integer year = environment.getProperty("adreszicht.registers.jaar", Integer.class);
        boolean again = environment.getProperty("adreszicht.registers.opnieuw", Boolean.class, false);
        String by = environment.getProperty(
                "adreszicht.registers.door", "opdrachtregel (" + System.getProperty("user.name", "?") + ")");
        int worst = 0;
        for (Register register : Register.values()) {
            String value = environment.getProperty("adreszicht.import." + register.code);
            if (value == null || value.isBlank()) {
                continue;
            }
            Path file = Path.of(value);
            Integer forYear = year;
            if (register == Register.BUURTINDELING) {
                forYear = Integer.valueOf(value.trim());
                file = Path.of("buurtindeling-" + value.trim());
            }
            System.out.println("Import " + register.code + ": " + file);
            RegisterImportService.Outcome outcome = service.run(register, file, forYear, again, by, System.out);
            System.out.println(outcome.summary());
            worst = Math.max(worst, outcome.exitCode() == 1 ? 3 : outcome.exitCode());
        }
        return worst == 3 ? 1 : worst;
    }
}
