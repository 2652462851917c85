package nl.adreszicht.localstack;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where the cluster keeps its files; blank means a temporary, cleaned directory
 * @param port the port to listen on; 0 picks a free one
 * @param maximumPoolSize connections in the application's pool
 * @param synchronousCommit whether a commit waits for its WAL on disk; by default on when a data directory is kept
 * @param serverLog whether PostgreSQL writes its own log to {@code log/postgresql.log} in its data directory (its
 *     output otherwise reaches the application's log only while it starts); the benchmark's floor capture reads the
 *     statements there
 */
@ConfigurationProperties("adreszicht.embedded-postgres")
record EmbeddedPostgresProperties(
        @Nullable String dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("10") int maximumPoolSize,
        @Nullable Boolean synchronousCommit,
        @DefaultValue("false") boolean serverLog) {}
