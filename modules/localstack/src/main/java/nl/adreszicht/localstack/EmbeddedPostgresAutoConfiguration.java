package nl.adreszicht.localstack;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL when no datasource URL is configured. With a data directory configured (the
 * local run does) the data survives restarts; without one (tests) each context gets a fresh, throw-away
 * cluster.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Conditional(EmbeddedPostgresAutoConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    /** The database role the schema's grants name (see the database changelog in modules/app). */
    static final String APPLICATION_ROLE = "adreszicht_app";

    static final String APPLICATION_LOGIN = "adreszicht";
    private static final String APPLICATION_PASSWORD = "demo-only-db";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(properties.port());
        String directory = properties.dataDirectory();
        // zonky turns synchronous_commit and fsync off for speed: a commit could then be acknowledged and still be
        // lost when PostgreSQL is killed. Data that is kept (the local run), and the tests that kill PostgreSQL, get
        // both on.
        boolean durable = properties.synchronousCommit() != null
                ? properties.synchronousCommit()
                : StringUtils.hasText(directory);
        builder.setServerConfig("synchronous_commit", durable ? "on" : "off");
        if (durable) {
            builder.setServerConfig("fsync", "on");
        }
        if (properties.serverLog()) {
            builder.setServerConfig("logging_collector", "on");
            builder.setServerConfig("log_directory", "log");
            builder.setServerConfig("log_filename", "postgresql.log");
        }
        if (StringUtils.hasText(directory)) {
            Path dataDirectory = Path.of(directory).toAbsolutePath();
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL keeps its data in {}", dataDirectory);
        }
        EmbeddedPostgres postgres = builder.start();
        createApplicationLogin(postgres);
        return postgres;
    }

    /**
     * As a DBA would for a real deployment: the application logs in as a member of {@code adreszicht_app},
     * which Liquibase grants only what the application needs (no UPDATE or DELETE on the access log). The
     * schema owner, here the superuser, is used by Liquibase alone.
     */
    private static void createApplicationLogin(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s NOLOGIN;
                      END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE %s;
                      END IF;
                    END $$
                    """.formatted(
                            APPLICATION_ROLE,
                            APPLICATION_ROLE,
                            APPLICATION_LOGIN,
                            APPLICATION_LOGIN,
                            APPLICATION_PASSWORD,
                            APPLICATION_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the application's database login", e);
        }
    }

    /** Liquibase runs as the schema owner; nothing else uses this connection. */
    @Bean
    @LiquibaseDataSource
    DataSource liquibaseDataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }

    /** Bound to {@code spring.datasource.hikari.*}, so the pool's timeouts are the same as with an external database. */
    @Bean(destroyMethod = "close")
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APPLICATION_LOGIN, "postgres"));
        dataSource.setUsername(APPLICATION_LOGIN);
        dataSource.setPassword(APPLICATION_PASSWORD);
        dataSource.setMaximumPoolSize(properties.maximumPoolSize());
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    /** Matches when {@code spring.datasource.url} is absent or blank: an external database wins. */
    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
