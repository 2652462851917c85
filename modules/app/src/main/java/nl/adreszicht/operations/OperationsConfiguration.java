package nl.adreszicht.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

@Configuration
@EnableConfigurationProperties(ReadOnlyDataSourceProperties.class)
class OperationsConfiguration {

    /** Replaces Spring Boot's database check (same name, so {@code db} in health and readiness) by a bounded one. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new DatabaseHealth(dataSource);
    }

    /**
     * The replicas for the area scans, when configured: a small pool of read-only connections with the same timeouts
     * as the primary's, connecting lazily, so an instance starts while the replicas are still coming up.
     */
    @Bean
    ReadOnlyDatabase readOnlyDatabase(
            JdbcTemplate primary, ReadOnlyDataSourceProperties properties, Environment environment) {
        if (!StringUtils.hasText(properties.url())) {
            return ReadOnlyDatabase.primary(primary);
        }
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("read-only");
        replica.setJdbcUrl(properties.url());
        replica.setUsername(
                properties.username() != null
                        ? properties.username()
                        : environment.getProperty("spring.datasource.username"));
        replica.setPassword(
                properties.password() != null
                        ? properties.password()
                        : environment.getProperty("spring.datasource.password"));
        replica.setReadOnly(true);
        replica.setMaximumPoolSize(properties.maximumPoolSize());
        replica.setMinimumIdle(0);
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(3_000);
        replica.setValidationTimeout(1_000);
        replica.addDataSourceProperty("connectTimeout", "2");
        replica.addDataSourceProperty("socketTimeout", "30");
        replica.addDataSourceProperty("tcpKeepAlive", "true");
        return ReadOnlyDatabase.replica(replica);
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
