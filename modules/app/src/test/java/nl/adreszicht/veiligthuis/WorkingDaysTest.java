package nl.adreszicht.veiligthuis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.adreszicht.PropertyCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The working-day calendar of the Handelingsprotocol's deadlines, by example and by property. */
class WorkingDaysTest {

    @ParameterizedTest(name = "received {0} → due {1} ({2})")
    @CsvSource({
        "2026-01-07, 2026-01-14, a plain week: Wednesday to Wednesday",
        "2026-01-09, 2026-01-16, received on a Friday: the weekend does not count",
        "2026-01-10, 2026-01-16, received on a Saturday: Monday is the first working day",
        "2026-04-01, 2026-04-10, Goede Vrijdag and Tweede Paasdag 2026 do not count",
        "2026-04-24, 2026-05-04, Koningsdag on Monday 27 April 2026 does not count",
        "2026-04-30, 2026-05-08, Bevrijdingsdag on Tuesday 5 May 2026 does not count",
        "2025-04-25, 2025-05-02, 2025: 27 April is a Sunday, so Koningsdag is Saturday 26 April and Monday 28 April is a working day",
        "2026-05-11, 2026-05-19, Hemelvaartsdag 14 May 2026 does not count",
        "2026-05-20, 2026-05-28, Tweede Pinksterdag 25 May 2026 does not count",
        "2025-12-24, 2026-01-05, Christmas and Nieuwjaarsdag do not count",
    })
    void aVeiligheidsbeoordelingIsDueFiveWorkingDaysAfterReceipt(LocalDate received, LocalDate due, String why) {
        assertThat(WorkingDays.assessmentDue(received, false)).as(why).isEqualTo(due);
    }

    @Test
    void anAcuteMeldingIsDueTheSameDay() {
        assertThat(WorkingDays.assessmentDue(LocalDate.of(2026, 12, 25), true)).isEqualTo(LocalDate.of(2026, 12, 25));
    }

    @Test
    void anOnderzoekIsDueTenWeeksAfterItStarted() {
        assertThat(WorkingDays.investigationDue(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void theHolidaysOf2026AreThoseOfTheAlgemeneTermijnenwet() {
        assertThat(DutchPublicHolidays.of(2026))
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 3),
                        LocalDate.of(2026, 4, 5),
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 4, 27),
                        LocalDate.of(2026, 5, 5),
                        LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 24),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 12, 25),
                        LocalDate.of(2026, 12, 26));
    }

    @ParameterizedTest
    @CsvSource({
        "2000, 2000-04-23",
        "2008, 2008-03-23",
        "2011, 2011-04-24",
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2038, 2038-04-25",
        "2285, 2285-03-22"
    })
    void easterSundayIsComputed(int year, LocalDate easter) {
        assertThat(DutchPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void koningsdagMovesToTheSaturdayBeforeWhenThe27thIsASunday() {
        assertThat(DutchPublicHolidays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(DutchPublicHolidays.kingsDay(2014)).isEqualTo(LocalDate.of(2014, 4, 26));
        assertThat(DutchPublicHolidays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 4, 28))).isTrue();
    }

    @Test
    void aNegativeNumberOfDaysIsAProgrammingError() {
        assertThatThrownBy(() -> WorkingDays.plusWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDueDateIsAlwaysAWorkingDayExactlyTheGivenNumberOfWorkingDaysLater() {
        PropertyCheck.forAll(
                random -> new Object[] {
                    LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 110)), 1 + random.nextInt(30)
                },
                input -> {
                    LocalDate received = (LocalDate) input[0];
                    int days = (Integer) input[1];
                    LocalDate due = WorkingDays.plusWorkingDays(received, days);
                    assertThat(WorkingDays.isWorkingDay(due))
                            .as("due on a working day")
                            .isTrue();
                    long counted = received.plusDays(1)
                            .datesUntil(due.plusDays(1))
                            .filter(WorkingDays::isWorkingDay)
                            .count();
                    assertThat(counted).as("working days counted").isEqualTo(days);
                    // Never further than the days plus every weekend and every holiday could push it.
                    assertThat(ChronoUnit.DAYS.between(received, due)).isLessThanOrEqualTo(days * 3L + 7);
                });
    }

    @Test
    void easterIsAlwaysASundayBetween22MarchAnd25April() {
        PropertyCheck.forAll(random -> 1583 + random.nextInt(3000), year -> {
            LocalDate easter = DutchPublicHolidays.easterSunday(year);
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
            assertThat(WorkingDays.isWorkingDay(easter.plusDays(1)))
                    .as("Tweede Paasdag")
                    .isFalse();
        });
    }
}
