package nl.adreszicht.operations;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * What a failed run of a scheduled job writes to the log. The access-log sealer runs every second: while
 * PostgreSQL is unreachable, Spring's default handler would write a stack trace every second. A run that failed on
 * an unreachable database, or on a pool whose connections were all busy, is reported once a minute, in one line; any
 * other failure keeps its stack trace. Each
 * run's outcome is also counted ({@code tasks.scheduled.execution}, tagged with the outcome) for Prometheus.
 */
@Configuration
class ScheduledJobFaults implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFaults.class);

    private final ThrottledLog faults = new ThrottledLog(log);
    private final ObjectProvider<DataSource> dataSource;

    ScheduledJobFaults(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void handleError(Throwable failure) {
        DataSource pool = dataSource.getIfAvailable();
        if (pool != null && DatabaseFaults.isPoolExhausted(failure, DatabaseFaults.maximumPoolSize(pool))) {
            faults.warn(
                    "pool",
                    "A scheduled job could not run: every database connection was busy ({}); it runs again on schedule",
                    DatabaseFaults.poolState(failure));
            return;
        }
        if (DatabaseFaults.isDatabaseFault(failure)) {
            faults.warn(
                    "database", "A scheduled job could not run: PostgreSQL is unreachable; it runs again on schedule");
            return;
        }
        log.error("A scheduled job failed", failure);
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobErrorHandler() {
        return scheduler -> scheduler.setErrorHandler(this);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobErrorHandlerOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(this);
    }
}
