package nl.adreszicht;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The clock of every Spring test context (this configuration sits in the component scan of {@link
 * AdreszichtApplication}, so each context of the suite gets it, and the application's {@code DutchTime} reads it).
 * It runs on system time until a test sets it: {@link #startAt} lets time pass from a chosen moment, so a test whose
 * outcome depends on the date (a window, a deadline in working days, a retention day) gets the same answer on every
 * day it runs and never straddles midnight. {@link Reset} puts it back on system time after every test method, so no
 * test class sees another's day.
 */
@Configuration(proxyBeanMethods = false)
public class TestClock {

    /** The moment tests that fix the clock usually start at: a Wednesday in June, 10:00 in the Netherlands. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    /** 10:00 on {@link #TODAY} in the Netherlands, at offset UTC, as the API is sent times. */
    public static final OffsetDateTime NOW =
            TODAY.atTime(10, 0).atZone(DutchTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);

    @Bean
    @Primary
    Settable settableClock() {
        return new Settable();
    }

    /** A clock that follows system time, or runs from a moment a test chose. */
    public static final class Settable extends Clock {

        private volatile Duration offset = Duration.ZERO;

        /** Lets time run on from {@code day} at {@code time} in the Netherlands. */
        public void startAt(LocalDate day, LocalTime time) {
            startAt(day.atTime(time).atZone(DutchTime.ZONE).toInstant());
        }

        /** Lets time run on from 10:00 on {@code day} in the Netherlands. */
        public void startAt(LocalDate day) {
            startAt(day, LocalTime.of(10, 0));
        }

        /** Lets time run on from {@code moment}. */
        public void startAt(Instant moment) {
            offset = Duration.between(Instant.now(), moment);
        }

        /** Moves the clock forward by {@code by}, from wherever it is now. */
        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        /** Back on system time. */
        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }
    }

    /** Puts the clock of a test's context back on system time after each test method (see META-INF/spring.factories). */
    public static final class Reset implements TestExecutionListener {

        @Override
        public void afterTestMethod(TestContext context) {
            if (context.hasApplicationContext()) {
                context.getApplicationContext().getBeanProvider(Settable.class).ifAvailable(Settable::reset);
            }
        }
    }
}
