package nl.adreszicht.retention;

import java.time.Period;
import java.util.Map;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adreszicht.retention.*}: the retention rule's version, a period per source and the sources under the
 * family rule. The defaults, with their basis, are in application.yaml and docs/privacy/retention.md. Changing a
 * period applies to records stored from then on; give the rule a new version when you do.
 *
 * @param ruleVersion stored with every computed date
 * @param periods per source, ISO-8601 ({@code P5Y}) or Spring's short form ({@code 5y}); every source needs one
 * @param familyRule sources whose records are kept at least until the youngest child is adult
 * @param batchSize how many due records the sweep reads per query
 */
@ConfigurationProperties("adreszicht.retention")
record RetentionProperties(
        @DefaultValue("r1") String ruleVersion,
        Map<RecordSource, Period> periods,
        Set<RecordSource> familyRule,
        @DefaultValue("500") int batchSize) {

    RetentionRule rule() {
        return new RetentionRule(ruleVersion, periods, familyRule);
    }
}
