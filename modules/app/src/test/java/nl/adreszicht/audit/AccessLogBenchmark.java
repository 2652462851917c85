package nl.adreszicht.audit;

import static nl.adreszicht.audit.AccessLogTest.professional;
import static nl.adreszicht.audit.AccessLogTest.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.adreszicht.security.Professional;
import nl.adreszicht.security.Role;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cost of the access log, measured, not asserted: a benchmark, excluded from the normal test run. It
 * writes entries from 1 and from 16 threads (if the chain serialized requests, 16 threads would gain nothing),
 * compares one entry with the cheapest possible round trip to the same database, and times the sealer.
 * Median of 3 runs of each; the figures go to target/benchmarks/access-log.txt and docs/performance.md.
 *
 * <p>Run: {@code ./mvnw -pl modules/app -am test -Dtest=AccessLogBenchmark -DexcludedTestGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@SpringBootTest(properties = {"adreszicht.access-log.seal-interval=1h", "adreszicht.access-log.seal-settle=0s"})
class AccessLogBenchmark {

    private static final int PER_THREAD = 2_000;

    @Autowired
    AccessLog accessLog;

    @Autowired
    AccessLogSealer sealer;

    @Autowired
    JdbcTemplate jdbc;

    private final Professional vt = professional("veilig-thuis-drenthe", Role.VT_MEDEWERKER);

    @Test
    void measure() throws Exception {
        run(4, () -> accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web")); // warm-up
        run(4, () -> jdbc.queryForObject("select 1", Integer.class));
        sealer.sealPending();

        List<String> report = new ArrayList<>();
        report.add("Access log benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, " + PER_THREAD
                + " operations per thread, median of 3 runs");
        double floor1 = median(() -> run(1, () -> jdbc.queryForObject("select 1", Integer.class)));
        double floor16 = median(() -> run(16, () -> jdbc.queryForObject("select 1", Integer.class)));
        double log1 = median(() ->
                run(1, () -> accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web")));
        double log16 = median(() ->
                run(16, () -> accessLog.record(vt, read(UUID.randomUUID().toString()), "127.0.0.1", "web")));
        report.add(String.format(Locale.ROOT, "round trip 'select 1'       1 thread : %8.0f ops/s", floor1));
        report.add(String.format(Locale.ROOT, "round trip 'select 1'      16 threads: %8.0f ops/s", floor16));
        report.add(String.format(
                Locale.ROOT,
                "access log entry (own tx)   1 thread : %8.0f entries/s (%.2f ms each)",
                log1,
                1000 / log1));
        report.add(String.format(Locale.ROOT, "access log entry (own tx)  16 threads: %8.0f entries/s", log16));
        report.add(String.format(
                Locale.ROOT,
                "scaling 16 vs 1 thread: entries %.1fx, round trips %.1fx",
                log16 / log1,
                floor16 / floor1));

        long pending = jdbc.queryForObject(
                "select count(*) from access_log e where not exists (select 1 from access_log_seal s where s.entry_id = e.id)",
                Long.class);
        long start = System.nanoTime();
        int sealed = sealer.sealPending();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add(String.format(
                Locale.ROOT,
                "sealer: %d entries in %.2f s = %.0f entries/s (of %d pending)",
                sealed,
                seconds,
                sealed / seconds,
                pending));

        Path out = Path.of("target/benchmarks/access-log.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private static double median(Callable<Double> measurement) throws Exception {
        double[] runs = {measurement.call(), measurement.call(), measurement.call()};
        Arrays.sort(runs);
        return runs[1];
    }

    /** Operations per second with the given number of threads each doing {@link #PER_THREAD} operations. */
    private static double run(int threads, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        operation.run();
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
            return threads * (double) PER_THREAD / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
