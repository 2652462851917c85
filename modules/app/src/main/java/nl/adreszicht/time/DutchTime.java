package nl.adreszicht.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
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

    /** How a person reads a point in time: {@code dd-mm-jjjj HH:mm}, in Dutch time. */
    public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** How a person reads a day: {@code dd-mm-jjjj}. */
    public static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

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

    /**
     * A point in time as a person reads it, {@code dd-mm-jjjj HH:mm} in Europe/Amsterdam, whatever zone or offset it
     * was stored or carried in (timestamps come back from the database at UTC). Pages and CSV files show times only
     * through this; the API carries ISO timestamps with their offset instead.
     */
    public static String display(Instant instant) {
        return DISPLAY.format(ZonedDateTime.ofInstant(instant, ZONE));
    }

    /**
     * Any date or time value as a person reads it: an instant, offset or zoned time in Dutch time with its hour, a
     * day as {@code dd-mm-jjjj}; a local date-time is taken to be Dutch already.
     */
    public static String display(TemporalAccessor value) {
        if (value instanceof Instant instant) {
            return display(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return display(time.toInstant());
        }
        if (value instanceof ZonedDateTime time) {
            return display(time.toInstant());
        }
        if (value instanceof LocalDate day) {
            return DISPLAY_DATE.format(day);
        }
        return DISPLAY.format(value);
    }

    /** The Dutch calendar day of any date or time value as a person reads it, {@code dd-mm-jjjj}. */
    public static String displayDate(TemporalAccessor value) {
        if (value instanceof LocalDate day) {
            return DISPLAY_DATE.format(day);
        }
        if (value instanceof Instant instant) {
            return DISPLAY_DATE.format(dayOf(instant));
        }
        if (value instanceof OffsetDateTime time) {
            return DISPLAY_DATE.format(dayOf(time));
        }
        if (value instanceof ZonedDateTime time) {
            return DISPLAY_DATE.format(dayOf(time.toInstant()));
        }
        return DISPLAY_DATE.format(value);
    }
}
