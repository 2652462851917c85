package nl.adreszicht.veiligthuis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public holidays that the Algemene termijnenwet (art. 3) names, computed per year: Nieuwjaarsdag, Goede
 * Vrijdag, Eerste en Tweede Paasdag, Koningsdag (27 April, or 26 April when the 27th is a Sunday),
 * Bevrijdingsdag (5 May), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 *
 * <p>A named, versioned rule: a deadline computed under one version stays explainable when the law changes. Easter
 * is computed with the Anonymous Gregorian algorithm (Meeus/Jones/Butcher), valid for every Gregorian year.
 */
final class DutchPublicHolidays {

    /** The version of this calendar, stored with nothing yet but named in docs and ADR 0007. */
    static final String VERSION = "algemene-termijnenwet-v1";

    private static final MonthDay NIEUWJAARSDAG = MonthDay.of(1, 1);
    private static final MonthDay BEVRIJDINGSDAG = MonthDay.of(5, 5);
    private static final MonthDay EERSTE_KERSTDAG = MonthDay.of(12, 25);
    private static final MonthDay TWEEDE_KERSTDAG = MonthDay.of(12, 26);

    private DutchPublicHolidays() {}

    /** Whether {@code date} is one of the holidays of the Algemene termijnenwet. */
    static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    /** The holidays of one year, in date order. */
    static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(NIEUWJAARSDAG.atYear(year));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2)); // Goede Vrijdag
        days.add(easter);
        days.add(easter.plusDays(1)); // Tweede Paasdag
        days.add(kingsDay(year));
        days.add(BEVRIJDINGSDAG.atYear(year));
        days.add(easter.plusDays(39)); // Hemelvaartsdag
        days.add(easter.plusDays(49)); // Eerste Pinksterdag
        days.add(easter.plusDays(50)); // Tweede Pinksterdag
        days.add(EERSTE_KERSTDAG.atYear(year));
        days.add(TWEEDE_KERSTDAG.atYear(year));
        return days;
    }

    /** Koningsdag: 27 April, moved to the Saturday before when the 27th is a Sunday. */
    static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, 4, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Easter Sunday of a Gregorian year, by the Anonymous Gregorian algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
