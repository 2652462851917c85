package nl.adreszicht.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adreszicht.read-guard.*}: the per-professional limit on reads of addresses across the cluster, and the rule
 * that tells the privacy officer about a day of far more reading than usual (docs/operators.md, issue 13).
 *
 * @param enabled whether reads are limited at all; the finding for the privacy officer is made either way
 * @param burst how many address reads a professional may make at once (the bucket's capacity)
 * @param perHour how many reads come back per hour (refilled evenly: {@code perHour / 60} a minute)
 * @param unusualFactor a day counts as unusual above this many times the professional's own median day
 * @param unusualMinimum and above at least this many distinct addresses, whatever the median
 * @param unusualHistoryDays the days before whose median is the professional's usual day
 * @param unusualCron when the daily job looks at yesterday (Europe/Amsterdam); one instance of the cluster runs it
 */
@ConfigurationProperties("adreszicht.read-guard")
record ReadGuardProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60") long burst,
        @DefaultValue("300") long perHour,
        @DefaultValue("5") int unusualFactor,
        @DefaultValue("100") int unusualMinimum,
        @DefaultValue("30") int unusualHistoryDays,
        @DefaultValue("0 15 2 * * *") String unusualCron) {

    ReadGuardProperties {
        if (burst < 1 || perHour < 1) {
            throw new IllegalArgumentException("adreszicht.read-guard.burst and .per-hour must be at least 1");
        }
        if (unusualFactor < 1 || unusualMinimum < 1 || unusualHistoryDays < 1) {
            throw new IllegalArgumentException("adreszicht.read-guard.unusual-* must be at least 1");
        }
    }
}
