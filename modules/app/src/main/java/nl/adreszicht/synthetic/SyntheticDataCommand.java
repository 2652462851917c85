package nl.adreszicht.synthetic;

import java.time.LocalDate;
import java.util.Locale;
import nl.adreszicht.time.DutchTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The generator command: started with {@code --adreszicht.generate=smoke|regio|land} the application loads
 * synthetic data into its (fresh) database, prints progress and a summary, and exits: 0 when loaded, 1 when not.
 * Options: {@code adreszicht.generate.seed} (default 20101), {@code .access-log-factor} (access-log entries per
 * record, default 10), {@code .today} (the day the data ends, default today).
 */
@Component
@ConditionalOnProperty("adreszicht.generate")
class SyntheticDataCommand implements ApplicationRunner {

    private final SyntheticData generator;
    private final ConfigurableApplicationContext context;
    private final String size;
    private final long seed;
    private final int accessLogFactor;
    private final String today;
    private final DutchTime time;

    SyntheticDataCommand(
            SyntheticData generator,
            DutchTime time,
            ConfigurableApplicationContext context,
            @Value("${adreszicht.generate}") String size,
            @Value("${adreszicht.generate.seed:20101}") long seed,
            @Value("${adreszicht.generate.access-log-factor:10}") int accessLogFactor,
            @Value("${adreszicht.generate.today:}") String today) {
        this.generator = generator;
        this.context = context;
        this.size = size;
        this.seed = seed;
        this.accessLogFactor = accessLogFactor;
        this.today = today;
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode;
        try {
            SyntheticSize chosen =
                    SyntheticSize.valueOf(size.toUpperCase(Locale.ROOT).replace('-', '_'));
            LocalDate day = today.isBlank() ? time.today() : LocalDate.parse(today);
            System.out.printf("Synthetische gegevens: %s, seed %d, tot %s%n", chosen, seed, day);
            SyntheticData.Report report =
                    generator.generate(chosen, seed, accessLogFactor, day, line -> System.out.println("  " + line));
            System.out.printf(
                    Locale.ROOT,
                    "Geladen: %,d adressen, %,d incidenten, %,d meldingen/adviezen, %,d gemeenteregistraties,"
                            + " %,d toegangslogregels; kleuren %s; in %d s%n",
                    report.addresses(),
                    report.incidents(),
                    report.meldingen(),
                    report.municipalRecords(),
                    report.accessLogEntries(),
                    report.colours(),
                    report.took().toSeconds());
            exitCode = 0;
        } catch (Exception e) {
            System.out.println("Genereren mislukt: " + e);
            e.printStackTrace(System.out);
            exitCode = 1;
        }
        int code = exitCode;
        ExitCodeGenerator exit = () -> code;
        System.exit(SpringApplication.exit(context, exit));
    }
}
