package nl.adreszicht.audit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.adreszicht.records.ReadLimitExceededException;
import nl.adreszicht.security.Professional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The exfiltration guard (issue 13): a token bucket per professional, kept in PostgreSQL by Bucket4j so that it holds
 * across every instance of the cluster, not per instance. Each read of one address's personal data takes a token: its
 * card, its history, its cases, whatever the access log records as a read or a found address ({@link #guards}). A
 * professional may read {@code burst} addresses at once and {@code per-hour} more an hour; beyond that the read is
 * refused with {@link ReadLimitExceededException} before the access is logged, so nothing of the address leaves the
 * server, and the refusal gets its own entry.
 *
 * <p>Cost, on the hottest read path: one short transaction of Bucket4j's on a pooled connection of its own (SELECT …
 * FOR UPDATE and UPDATE of the professional's row, then COMMIT; an INSERT the first time). See docs/performance.md.
 */
@Component
class ReadGuard {

    /** The table Liquibase creates for Bucket4j (audit/006-read-guard.yaml); Bucket4j only reads and updates rows. */
    static final String TABLE = "read_guard_bucket";

    private static final String ADMITTED = ReadGuard.class.getName() + ".admitted";

    private final ReadGuardProperties properties;
    private final ProxyManager<String> buckets;
    private final Supplier<BucketConfiguration> configuration;
    private final String configurationKey;
    private final Counter refusals;

    ReadGuard(ReadGuardProperties properties, DataSource dataSource, MeterRegistry metrics) {
        this.properties = properties;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .build();
        BucketConfiguration bucket = BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(properties.burst()).refillGreedy(properties.perHour(), Duration.ofHours(1)))
                .build();
        this.configuration = () -> bucket;
        // A professional's bucket is kept under the limits it was made with: changed limits start new buckets
        // (full) instead of carrying a state made for other numbers.
        this.configurationKey = ":" + properties.burst() + "/" + properties.perHour();
        this.refusals = Counter.builder("adreszicht.read-guard.refusals")
                .description("Address reads refused because the professional passed the read guard's limit")
                .register(metrics);
    }

    /** Whether this entry is a read of one address's personal data, which the guard counts. */
    static boolean guards(AccessEntry entry) {
        return (entry.kind() == AccessKind.LEZEN || entry.kind() == AccessKind.ZOEKEN)
                && "adres".equals(entry.objectType())
                && entry.objectId() != null;
    }

    /**
     * Takes a token for the professional's read of this address, once per request (a page that logs the same address
     * twice reads it once).
     *
     * @throws ReadLimitExceededException when the professional has no token left
     */
    void admit(Professional professional, AccessEntry entry) {
        if (!properties.enabled() || !guards(entry) || alreadyAdmitted(entry.objectId())) {
            return;
        }
        ConsumptionProbe probe = buckets.builder()
                .build(professional.subject() + configurationKey, configuration)
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refusals.increment();
            throw new ReadLimitExceededException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static boolean alreadyAdmitted(@Nullable String addressId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        @SuppressWarnings("unchecked")
        Set<String> admitted = (Set<String>) request.getAttribute(ADMITTED);
        if (admitted == null) {
            admitted = new HashSet<>();
            request.setAttribute(ADMITTED, admitted);
        }
        return !admitted.add(String.valueOf(addressId));
    }
}
