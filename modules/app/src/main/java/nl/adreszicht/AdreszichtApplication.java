package nl.adreszicht;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Adreszicht: police, Veilig Thuis and the municipality bring every domestic-violence signal into view per
 * address. Each direct sub-package is a feature module; {@code ModularityTest} verifies their boundaries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AdreszichtApplication {

    /** One clock for the whole application, so tests can fix time where a rule depends on it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(AdreszichtApplication.class, args);
    }
}
