package nl.adreszicht;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The application over the wire as a deployment runs it: on a cloud platform (Kubernetes, where Spring Boot would
 * trust forwarded headers by itself), behind one configured proxy address ({@code 127.0.0.2}), and with a clock the
 * test can move forward, so that session lifetimes are tried without waiting. Test classes extending this share one
 * application context.
 */
@TestPropertySource(
        properties = {"spring.main.cloud-platform=kubernetes", "adreszicht.trusted-proxies=127\\.0\\.0\\.2"})
@Import(AsDeployed.MovableClockConfiguration.class)
public abstract class AsDeployed extends OverTheWire {

    protected static final MovableClock CLOCK = new MovableClock();

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    /** The system clock plus an offset the test sets. */
    public static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
