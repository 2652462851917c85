package nl.adreszicht.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class EmbeddedPostgresAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @Test
    void withoutADatasourceUrlARealPostgresqlStarts() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EmbeddedPostgres.class);
            String version = new JdbcTemplate(context.getBean("dataSource", DataSource.class))
                    .queryForObject("show server_version", String.class);
            assertThat(version).matches("1[78]\\..*");
        });
    }

    @Test
    void theApplicationIsNotTheSchemaOwner() {
        runner.run(context -> {
            JdbcTemplate application = new JdbcTemplate(context.getBean("dataSource", DataSource.class));
            assertThat(application.queryForObject("select current_user", String.class))
                    .isEqualTo("adreszicht");
            assertThat(application.queryForObject(
                            "select rolsuper or rolcreaterole from pg_roles where rolname = current_user",
                            Boolean.class))
                    .isFalse();
            assertThat(application.queryForObject("select has_schema_privilege('public', 'CREATE')", Boolean.class))
                    .isFalse();
        });
    }

    @Test
    void aConfiguredDatasourceUrlWinsAndNothingStarts() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.invalid/adreszicht")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
                    assertThat(context).doesNotHaveBean(DataSource.class);
                    assertThat(context).doesNotHaveBean("liquibaseDataSource");
                });
    }

    @Test
    void aDataDirectoryKeepsTheDataAcrossRestarts(@TempDir Path directory) {
        ApplicationContextRunner persistent =
                runner.withPropertyValues("adreszicht.embedded-postgres.data-directory=" + directory.resolve("pg"));

        persistent.run(
                context -> new JdbcTemplate(context.getBean("liquibaseDataSource", DataSource.class))
                        .execute(
                                "create table kept (id int); insert into kept values (42); grant select on kept to adreszicht_app"));
        persistent.run(context -> assertThat(new JdbcTemplate(context.getBean("dataSource", DataSource.class))
                        .queryForObject("select id from kept", Integer.class))
                .isEqualTo(42));
    }
}
