package nl.adreszicht.records;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The executor the {@link AfterCommitListener}s run on (ADR 0011): a few threads and a bounded queue, nothing that
 * another instance would need to know about, since the event publication registry in PostgreSQL is what keeps a
 * listener's work, not this queue.
 *
 * <ul>
 *   <li><b>Threads</b> ({@code adreszicht.events.after-commit.threads}, 2): each running listener holds one pooled
 *       connection, so the threads bound how many of the pool's connections listeners take at once; the rest stay
 *       for the requests.
 *   <li><b>Queue</b> ({@code adreszicht.events.after-commit.queue-capacity}, 10,000 small events): far more than a
 *       minute of registrations at the measured peak, and room for a resubmission of everything a stopped instance
 *       left. When it is full the task is <em>dropped with a warning</em> and counted
 *       ({@code adreszicht.events.after-commit.rejected}), not run by the caller: {@code CallerRunsPolicy} would run
 *       the listener on the request thread inside the publishing transaction's completion, while that thread still
 *       holds its connection, which is the very two-connection wait this executor removes. A dropped task's
 *       publication was never marked completed, so {@code operations.EventResubmission} (any instance) runs it a
 *       minute later. Nothing is lost; it is only late.
 *   <li><b>Shutdown</b>: the executor accepts tasks until it is destroyed (requests still finishing during the
 *       graceful shutdown publish events), then runs what is queued for at most
 *       {@code adreszicht.events.after-commit.await-termination} (10 s). It depends on the data source, the
 *       transaction manager and the registry, so it is destroyed, and waited for, before them. What is still queued
 *       when the time is up stays incomplete in the registry and is resubmitted by another (or the next) instance.
 * </ul>
 */
@Configuration
@EnableAsync
class AfterCommitExecution {

    private static final Logger log = LoggerFactory.getLogger(AfterCommitExecution.class);

    /**
     * The parameters that are not used are dependencies on purpose: a bean is destroyed before the beans it depends
     * on, so the listeners still queued at shutdown run while their connections, transactions and registry are there.
     */
    @Bean(AfterCommitListener.EXECUTOR)
    ThreadPoolTaskExecutor afterCommitExecutor(
            @Value("${adreszicht.events.after-commit.threads:2}") int threads,
            @Value("${adreszicht.events.after-commit.queue-capacity:10000}") int queueCapacity,
            @Value("${adreszicht.events.after-commit.await-termination:10s}") Duration awaitTermination,
            MeterRegistry metrics,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            EventPublicationRegistry registry) {
        Counter rejected = Counter.builder("adreszicht.events.after-commit.rejected")
                .description("After-commit listeners not queued because the queue was full or the instance stopping;"
                        + " their publications are resubmitted")
                .register(metrics);
        RejectedExecutionHandler leaveForResubmission = (task, executor) -> {
            rejected.increment();
            log.warn(
                    "After-commit listener not queued ({}): its event publication stays incomplete and is resubmitted",
                    executor.isShutdown() ? "the instance is stopping" : "the queue of " + queueCapacity + " is full");
        };
        ThreadPoolTaskExecutor executor = new Stopping(awaitTermination);
        executor.setThreadNamePrefix("after-commit-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queueCapacity);
        executor.setRejectedExecutionHandler(leaveForResubmission);
        // The trace id of the request that published the event goes along into the listener's log lines.
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(awaitTermination.toMillis());
        return executor;
    }

    /** Says in the log what a stopping instance still runs, and what it leaves to the resubmission. */
    private static final class Stopping extends ThreadPoolTaskExecutor {

        private final Duration awaitTermination;

        Stopping(Duration awaitTermination) {
            this.awaitTermination = awaitTermination;
        }

        @Override
        public void shutdown() {
            ThreadPoolExecutor pool = getThreadPoolExecutor();
            log.info(
                    "Stopping: {} after-commit listeners running and {} queued get at most {} to complete",
                    pool.getActiveCount(),
                    pool.getQueue().size(),
                    awaitTermination);
            super.shutdown();
            if (!pool.isTerminated()) {
                log.warn(
                        "Stopped with {} after-commit listeners running or queued: their event publications stay"
                                + " incomplete and are resubmitted",
                        pool.getActiveCount() + pool.getQueue().size());
            }
        }
    }
}
