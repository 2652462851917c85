package nl.adreszicht.radar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adreszicht.break-the-glass.*}.
 *
 * @param duration how long a grant gives access to the one address; a few hours, so it covers the case at hand
 *     and not the weeks after
 */
@ConfigurationProperties("adreszicht.break-the-glass")
record BreakTheGlassProperties(@DefaultValue("PT4H") Duration duration) {

    BreakTheGlassProperties {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("adreszicht.break-the-glass.duration must lie between 0 and 24 hours");
        }
    }
}
