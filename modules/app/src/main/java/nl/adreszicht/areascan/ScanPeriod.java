package nl.adreszicht.areascan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import nl.adreszicht.areascan.Gebiedsscan.Periode;
import nl.adreszicht.records.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The period of a scan and the one of equal length before it. Periods are whole calendar quarters (a quarter, a half
 * year, a year, or a custom run of at most five years of quarters), {@code tot} exclusive: the tally counts per
 * month, and aligning periods to quarters keeps two overlapping requests from differing by a single month (see
 * docs/privacy/disclosure-control.md, "Differencing"). Only a period that has ended can be asked: watching the count
 * of a running period would show each new record as it arrives.
 */
record ScanPeriod(String kind, LocalDate from, LocalDate until) {

    static ScanPeriod of(@Nullable String kind, @Nullable LocalDate from, @Nullable LocalDate until, LocalDate today) {
        String k = kind == null ? "kwartaal" : kind;
        int months = switch (k) {
            case "kwartaal" -> 3;
            case "halfjaar" -> 6;
            case "jaar" -> 12;
            case "aangepast" -> 0;
            default -> throw invalid("periode is kwartaal, halfjaar, jaar of aangepast.");
        };
        if (months == 0) {
            if (from == null || until == null) {
                throw invalid("Een aangepaste periode heeft van en tot.");
            }
            requireQuarter(from, "van");
            requireQuarter(until, "tot");
            if (!from.isBefore(until) || ChronoUnit.MONTHS.between(from, until) > LONGEST_MONTHS) {
                throw invalid("van ligt voor tot, en een aangepaste periode is hoogstens vijf jaar.");
            }
            return ended(new ScanPeriod(k, from, until), today);
        }
        if (from != null && until != null) {
            throw invalid("Geef bij een vaste periode van of tot, niet beide.");
        }
        if (from != null) {
            requireAligned(from, months, "van");
            return ended(new ScanPeriod(k, from, from.plusMonths(months)), today);
        }
        LocalDate end = until != null ? until : currentStart(today, months);
        requireAligned(end, months, "tot");
        return ended(new ScanPeriod(k, end.minusMonths(months), end), today);
    }

    /** A custom period spans at most five years of quarters. */
    static final int LONGEST_MONTHS = 60;

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The period, if it has ended by {@code today} ({@code tot} is exclusive: it can be asked from that day on). */
    private static ScanPeriod ended(ScanPeriod period, LocalDate today) {
        if (period.until().isAfter(today)) {
            throw invalid("Deze periode is nog niet voorbij. Een gebiedsscan telt alleen afgelopen perioden; deze"
                    + " periode kunt u opvragen vanaf " + period.until().format(DUTCH_DATE) + ".");
        }
        return period;
    }

    /** The period of equal length that ends where this one begins. */
    ScanPeriod previous() {
        long months = ChronoUnit.MONTHS.between(from, until);
        return new ScanPeriod(kind, from.minusMonths(months), from);
    }

    /**
     * Whether the period is whole calendar years (a jaar, or a custom run of them, and the period before either): the
     * scan then reads the tallies kept per year instead of summing months.
     */
    boolean wholeYears() {
        return from.getDayOfYear() == 1 && until.getDayOfYear() == 1;
    }

    Periode periode() {
        return new Periode(kind, from, until);
    }

    /** The first day of the running period, so that the default is the last complete one. */
    private static LocalDate currentStart(LocalDate today, int months) {
        int month0 = today.getMonthValue() - 1;
        return LocalDate.of(today.getYear(), month0 - month0 % months + 1, 1);
    }

    private static void requireAligned(LocalDate date, int months, String field) {
        if (date.getDayOfMonth() != 1 || (date.getMonthValue() - 1) % months != 0) {
            throw invalid(field + " is de eerste dag van een "
                    + (months == 3 ? "kwartaal" : months == 6 ? "halfjaar" : "jaar") + ", bijvoorbeeld 2026-01-01.");
        }
    }

    private static void requireQuarter(LocalDate date, String field) {
        requireAligned(date, 3, field);
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException(detail);
    }
}
