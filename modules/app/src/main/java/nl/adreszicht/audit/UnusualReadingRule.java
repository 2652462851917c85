package nl.adreszicht.audit;

import java.util.List;

/**
 * When a professional's day of reading is far more than their usual (issue 13), a named, versioned rule: a day is
 * unusual when the distinct addresses read that day exceed both {@code factor} times the median of their own earlier
 * days with reads and an absolute {@code minimum}. The median of days on which they read at all, so a part-timer's days
 * off do not make every working day look unusual; with no earlier days (a new professional, the first weeks after this
 * rule went live) only the minimum applies. Plain Java, tested without Spring ({@code UnusualReadingRuleTest}).
 *
 * @param version stored with every finding, so a finding can be explained by the rule that made it
 * @param factor how many times the usual day counts as far more
 * @param minimum the distinct addresses a day must exceed in any case
 */
record UnusualReadingRule(String version, int factor, int minimum) {

    /** The rule in force: {@code u1}, the first. A change of its logic gets a new version. */
    static final String VERSION = "u1";

    UnusualReadingRule {
        if (factor < 1 || minimum < 1) {
            throw new IllegalArgumentException("factor and minimum must be at least 1");
        }
    }

    static UnusualReadingRule of(ReadGuardProperties properties) {
        return new UnusualReadingRule(VERSION, properties.unusualFactor(), properties.unusualMinimum());
    }

    /** What the rule says of one day: the usual day, the threshold it used, and whether the day passed it. */
    record Verdict(double usualMedian, int threshold, boolean unusual) {}

    /**
     * @param addresses the distinct addresses read on the day judged
     * @param earlierDays the distinct addresses read on each earlier day of the window on which they read any (days
     *     without reads are not in it)
     */
    Verdict judge(int addresses, List<Integer> earlierDays) {
        double median = median(earlierDays);
        int threshold = (int) Math.max(minimum, Math.ceil(factor * median));
        return new Verdict(median, threshold, addresses > threshold);
    }

    static double median(List<Integer> days) {
        List<Integer> active = days.stream().filter(day -> day > 0).sorted().toList();
        if (active.isEmpty()) {
            return 0;
        }
        int middle = active.size() / 2;
        return active.size() % 2 == 1 ? active.get(middle) : (active.get(middle - 1) + active.get(middle)) / 2.0;
    }
}
