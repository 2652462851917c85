package nl.adreszicht.operations;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class OperationsConfiguration {

    /** Replaces Spring Boot's database check (same name, so {@code db} in health and readiness) by a bounded one. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new DatabaseHealth(dataSource);
    }

    @Bean
    @ConditionalOnWebApplication
    ShutdownDrain shutdownDrain(@Value("${adreszicht.shutdown.drain:5s}") Duration drain) {
        return new ShutdownDrain(drain);
    }

    @Bean
    @ConditionalOnWebApplication
    FilterRegistrationBean<ShutdownDrain> shutdownDrainFilter(ShutdownDrain drain) {
        FilterRegistrationBean<ShutdownDrain> registration = new FilterRegistrationBean<>(drain);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
