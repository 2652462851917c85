package nl.adreszicht.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that tells the privacy officer of a day of far more reading than usual (issue 13), without Spring. */
class UnusualReadingRuleTest {

    private final UnusualReadingRule rule = new UnusualReadingRule("u1", 5, 100);

    @Test
    void aDayFarAboveTheProfessionalsOwnMedianIsUnusual() {
        // Usual: 40 addresses a day; five times that is 200.
        List<Integer> earlier = List.of(38, 40, 41, 39, 40, 42, 40);

        assertThat(rule.judge(201, earlier).unusual()).isTrue();
        assertThat(rule.judge(200, earlier).unusual()).isFalse();
        assertThat(rule.judge(201, earlier).threshold()).isEqualTo(200);
        assertThat(rule.judge(201, earlier).usualMedian()).isEqualTo(40);
    }

    @Test
    void theMinimumHoldsForAProfessionalWhoUsuallyReadsLittle() {
        // Usual: 3 a day; five times that is 15, but a day of 60 is no finding below the minimum of 100.
        List<Integer> earlier = List.of(3, 2, 4, 3);

        assertThat(rule.judge(60, earlier).unusual()).isFalse();
        assertThat(rule.judge(101, earlier).unusual()).isTrue();
        assertThat(rule.judge(101, earlier).threshold()).isEqualTo(100);
    }

    @Test
    void withoutEarlierDaysOnlyTheMinimumApplies() {
        assertThat(rule.judge(100, List.of()).unusual()).isFalse();
        assertThat(rule.judge(101, List.of()).unusual()).isTrue();
    }

    @Test
    void daysWithoutReadsDoNotLowerTheUsualDay() {
        // A part-timer: three days of 50 and days off. The median is of the working days, 50, not 0.
        assertThat(UnusualReadingRule.median(List.of(50, 0, 50, 0, 0, 50))).isEqualTo(50);
        assertThat(rule.judge(240, List.of(50, 0, 50, 0, 0, 50)).unusual()).isFalse();
    }

    @Test
    void theMedianOfAnEvenNumberOfDaysIsTheMeanOfTheMiddleTwo() {
        assertThat(UnusualReadingRule.median(List.of(10, 20, 30, 40))).isEqualTo(25);
        assertThat(UnusualReadingRule.median(List.of(7))).isEqualTo(7);
    }

    @Test
    void aBurstAboveTheUsualButBelowTheFactorIsNoFinding() {
        // Property over generated inputs: for any usual day u (all days equal) the rule fires exactly above max(5u,
        // 100).
        for (int usual = 1; usual <= 400; usual += 7) {
            List<Integer> earlier = List.of(usual, usual, usual);
            int threshold = Math.max(5 * usual, 100);
            assertThat(rule.judge(threshold, earlier).unusual())
                    .as("usual %d", usual)
                    .isFalse();
            assertThat(rule.judge(threshold + 1, earlier).unusual())
                    .as("usual %d", usual)
                    .isTrue();
        }
    }

    @Test
    void aRuleWithoutAFactorOrMinimumIsRefused() {
        assertThatThrownBy(() -> new UnusualReadingRule("u1", 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnusualReadingRule("u1", 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
