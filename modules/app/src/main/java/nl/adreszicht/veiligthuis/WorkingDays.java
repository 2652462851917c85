package nl.adreszicht.veiligthuis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;

/**
 * The deadlines of the Handelingsprotocol: a veiligheidsbeoordeling within five working days after the melding
 * was received (at once, the same day, when it is acute), an onderzoek within ten weeks after it started. Working
 * days are Monday to Friday except the holidays of {@link DutchPublicHolidays}; the day of receipt itself does
 * not count.
 */
final class WorkingDays {

    /** Working days for a veiligheidsbeoordeling. */
    static final int ASSESSMENT_DAYS = 5;

    /** The norm duration of an onderzoek. */
    static final Period INVESTIGATION = Period.ofWeeks(10);

    private WorkingDays() {}

    /** Whether VT works on {@code date}: not a Saturday, Sunday or public holiday. */
    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !DutchPublicHolidays.isHoliday(date);
    }

    /** The {@code days}-th working day after {@code date} ({@code date} itself never counts). */
    static LocalDate plusWorkingDays(LocalDate date, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + days);
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** When the veiligheidsbeoordeling of a melding received on {@code received} is due. */
    static LocalDate assessmentDue(LocalDate received, boolean acute) {
        return acute ? received : plusWorkingDays(received, ASSESSMENT_DAYS);
    }

    /** When an onderzoek started on {@code started} is due. */
    static LocalDate investigationDue(LocalDate started) {
        return started.plus(INVESTIGATION);
    }
}
