package nl.adreszicht.colour;

import static nl.adreszicht.colour.Records.TODAY;
import static nl.adreszicht.colour.Records.decide;
import static nl.adreszicht.colour.Records.police;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Raising by one professional, lowering by four eyes, and when each stops applying. */
class ColourOverrideTest {

    private static final ColourRecord S3_WITH_CHILDREN =
            police("p1").daysAgo(10).s3().children().build();

    // Raise

    @Test
    void aRaiseMakesTheAddressRed() {
        ColourOverride.Raise raise = raise(TODAY.minusDays(5));

        ColourDecision decision =
                decide(List.of(police("p1").build()), List.of(raise)).orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.decidingRule()).isEqualTo(ColourRule.RAISED_BY_PROFESSIONAL_IS_RED);
        assertThat(decision.firedRules())
                .containsExactly(ColourRule.RAISED_BY_PROFESSIONAL_IS_RED, ColourRule.INCIDENT_IN_WINDOW_IS_GREEN);
        assertThat(decision.raises()).containsExactly(raise);
        assertThat(decision.lowering()).isEmpty();
    }

    @Test
    void aRaiseWithoutRecordsIsStillRed() {
        ColourDecision decision = decide(List.of(), List.of(raise(TODAY))).orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.countedRecordIds()).isEmpty();
    }

    @Test
    void aRaiseLeavesTheWindowLikeARecord() {
        LocalDate firstDayOut = TODAY.minusMonths(12);

        assertThat(decide(List.of(), List.of(raise(firstDayOut.plusDays(1))))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.RED);
        ColourDecision expired = decide(List.of(), List.of(raise(firstDayOut))).orElseThrow();
        assertThat(expired.colour()).isEqualTo(Colour.GREY);
        assertThat(expired.raises()).isEmpty();
    }

    @Test
    void aRaiseDatedTomorrowDoesNotApplyYet() {
        assertThat(decide(List.of(), List.of(raise(TODAY.plusDays(1))))).isEmpty();
        assertThat(decide(List.of(police("p1").build()), List.of(raise(TODAY.plusDays(1))))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.GREEN);
    }

    @Test
    void raisesAreListedOldestFirst() {
        ColourOverride.Raise older = raise(TODAY.minusDays(9));
        ColourOverride.Raise newer = raise(TODAY.minusDays(2));

        assertThat(decide(List.of(), List.of(newer, older)).orElseThrow().raises())
                .containsExactly(older, newer);
    }

    @Test
    void aRaiseNeedsAReasonAndAnAuthor() {
        assertThatThrownBy(() -> new ColourOverride.Raise(" ", "u1", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new ColourOverride.Raise("zorgen", "", TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // Lower

    @Test
    void anApprovedLoweringCapsTheComputedColour() {
        ColourOverride.Lower lower = lower(Colour.ORANGE, TODAY.minusDays(1), TODAY.plusMonths(3), "p1");

        ColourDecision decision =
                decide(List.of(S3_WITH_CHILDREN), List.of(lower)).orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.ORANGE);
        assertThat(decision.computedColour()).isEqualTo(Colour.RED);
        assertThat(decision.decidingRule()).isEqualTo(ColourRule.S3_WITH_CHILDREN_IS_RED);
        assertThat(decision.lowering()).contains(lower);
    }

    @Test
    void aLoweringAboveTheComputedColourChangesNothing() {
        ColourOverride.Lower lower = lower(Colour.ORANGE, TODAY.minusDays(1), TODAY.plusMonths(3), "p1");

        ColourDecision decision =
                decide(List.of(police("p1").build()), List.of(lower)).orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.GREEN);
        assertThat(decision.lowering()).isEmpty();
    }

    @Test
    void aLoweringAppliesFromItsApprovalUntilTheDayBeforeItsReview() {
        LocalDate approved = TODAY.minusDays(30);
        LocalDate review = TODAY.plusDays(30);
        ColourOverride.Lower lower = lower(Colour.YELLOW, approved, review, "p1");
        List<ColourRecord> records =
                List.of(police("p1").on(approved.minusDays(1)).s3().children().build());

        assertThat(colourOn(approved.minusDays(1), records, lower)).isEqualTo(Colour.RED);
        assertThat(colourOn(approved, records, lower)).isEqualTo(Colour.YELLOW);
        assertThat(colourOn(review.minusDays(1), records, lower)).isEqualTo(Colour.YELLOW);
        assertThat(colourOn(review, records, lower)).isEqualTo(Colour.RED);
    }

    @Test
    void aRecordTheApproversDidNotSeeEndsTheLowering() {
        ColourOverride.Lower lower = lower(Colour.GREEN, TODAY.minusDays(5), TODAY.plusMonths(3), "p1");
        ColourRecord unseen = police("p2").daysAgo(20).build();

        ColourDecision decision =
                decide(List.of(S3_WITH_CHILDREN, unseen), List.of(lower)).orElseThrow();

        assertThat(decision.colour()).isEqualTo(Colour.RED);
        assertThat(decision.lowering()).isEmpty();
    }

    @Test
    void aRecordThatLeftTheWindowDoesNotEndTheLowering() {
        ColourOverride.Lower lower = lower(Colour.YELLOW, TODAY.minusDays(5), TODAY.plusMonths(3), "p1");
        ColourRecord old = police("p0").on(TODAY.minusYears(2)).build();

        assertThat(decide(List.of(S3_WITH_CHILDREN, old), List.of(lower))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void aRaiseAfterTheLoweringEndsIt() {
        LocalDate approved = TODAY.minusDays(5);
        ColourOverride.Lower lower = lower(Colour.YELLOW, approved, TODAY.plusMonths(3), "p1");

        assertThat(decide(List.of(S3_WITH_CHILDREN), List.of(lower, raise(approved.plusDays(1))))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.RED);
        // A raise the approvers saw (up to the day of approval) is lowered with the rest.
        ColourDecision lowered = decide(List.of(S3_WITH_CHILDREN), List.of(lower, raise(approved)))
                .orElseThrow();
        assertThat(lowered.colour()).isEqualTo(Colour.YELLOW);
        assertThat(lowered.firedRules()).contains(ColourRule.RAISED_BY_PROFESSIONAL_IS_RED);
    }

    @Test
    void ofSeveralLoweringsTheOneThatLowersLeastApplies() {
        ColourOverride.Lower toGreen = lower(Colour.GREEN, TODAY.minusDays(1), TODAY.plusMonths(3), "p1");
        ColourOverride.Lower toOrange = lower(Colour.ORANGE, TODAY.minusDays(9), TODAY.plusMonths(1), "p1");

        assertThat(decide(List.of(S3_WITH_CHILDREN), List.of(toGreen, toOrange))
                        .orElseThrow()
                        .lowering())
                .contains(toOrange);
        assertThat(decide(List.of(S3_WITH_CHILDREN), List.of(toOrange, toGreen))
                        .orElseThrow()
                        .lowering())
                .contains(toOrange);
    }

    @Test
    void anExpiredLoweringGivesWayToOneStillInForce() {
        ColourOverride.Lower expired = lower(Colour.ORANGE, TODAY.minusMonths(4), TODAY, "p1");
        ColourOverride.Lower current = lower(Colour.YELLOW, TODAY.minusDays(3), TODAY.plusMonths(3), "p1");

        assertThat(decide(List.of(S3_WITH_CHILDREN), List.of(expired, current))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.YELLOW);
    }

    @Test
    void aLoweringCanTakeAnAddressToGrey() {
        ColourOverride.Lower lower = lower(Colour.GREY, TODAY.minusDays(1), TODAY.plusDays(1), "p1");

        assertThat(decide(List.of(S3_WITH_CHILDREN), List.of(lower))
                        .orElseThrow()
                        .colour())
                .isEqualTo(Colour.GREY);
    }

    @Test
    void aLoweringNeedsTwoDifferentApprovers() {
        assertThatThrownBy(() -> new ColourOverride.Lower(
                        Colour.YELLOW, "veilig", "sup-1", "sup-1", TODAY, TODAY.plusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different approvers");
        assertThatThrownBy(() -> new ColourOverride.Lower(
                        Colour.YELLOW, "veilig", "sup-1", " ", TODAY, TODAY.plusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColourOverride.Lower(
                        Colour.YELLOW, "veilig", "", "vt-2", TODAY, TODAY.plusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoweringNeedsAReasonATargetBelowRedAndALaterReviewDate() {
        assertThatThrownBy(() -> new ColourOverride.Lower(
                        Colour.YELLOW, "", "sup-1", "vt-2", TODAY, TODAY.plusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new ColourOverride.Lower(
                        Colour.RED, "veilig", "sup-1", "vt-2", TODAY, TODAY.plusDays(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below red");
        assertThatThrownBy(() ->
                        new ColourOverride.Lower(Colour.YELLOW, "veilig", "sup-1", "vt-2", TODAY, TODAY, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review date");
    }

    private static ColourOverride.Raise raise(LocalDate from) {
        return new ColourOverride.Raise("zorgen na huisbezoek", "vt-1", from);
    }

    private static ColourOverride.Lower lower(Colour target, LocalDate from, LocalDate review, String... reviewed) {
        return new ColourOverride.Lower(
                target, "veiligheidsplan werkt", "sup-1", "vt-2", from, review, Set.of(reviewed));
    }

    private static Colour colourOn(LocalDate today, List<ColourRecord> records, ColourOverride override) {
        return Records.V1
                .decide(records, List.of(override), today)
                .orElseThrow()
                .colour();
    }
}
