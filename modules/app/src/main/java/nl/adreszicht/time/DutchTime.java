package nl.adreszicht.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * "Now" and "today" for the whole application, read from the one {@link Clock} bean. Days are Dutch calendar days
 * (Europe/Amsterdam): an incident at 23:30 on 1 May happened on 1 May, also in the hour before midnight when UTC
 * already says 2 May; so are the colour window, deadlines, retention and the area scan's months. Instants are
 * stored as UTC.
 */
@Component
public final class DutchTime {

    /** The zone's id, for annotations and SQL ({@code @Scheduled(zone = ...)}, {@code AT TIME ZONE '...'}). */
    public static final String ZONE_ID = "Europe/Amsterdam";

    /** The zone of every calendar day in the application. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private final Clock clock;

    public DutchTime(Clock clock) {
        this.clock = clock;
    }

    /** Today in the Netherlands. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** The current instant at offset UTC, as timestamps are written to the database. */
    public OffsetDateTime nowUtc() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The Dutch calendar day of an instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The Dutch calendar day of a point in time, whatever its offset. */
    public static LocalDate dayOf(OffsetDateTime time) {
        return dayOf(time.toInstant());
    }
}
