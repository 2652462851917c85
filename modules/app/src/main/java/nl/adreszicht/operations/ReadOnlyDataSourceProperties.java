package nl.adreszicht.operations;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The read-only replicas for the area scans ({@link ReadOnlyDatabase}).
 *
 * @param url JDBC URL of the read-only service, e.g. {@code jdbc:postgresql://adreszicht-db-ro:5432/adreszicht};
 *     blank: the area scans read the primary
 * @param username the application's login (the same as on the primary; a replica has the primary's roles)
 * @param password its password
 * @param maximumPoolSize connections to the replicas
 */
@ConfigurationProperties("adreszicht.read-only-datasource")
record ReadOnlyDataSourceProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("5") int maximumPoolSize) {}
