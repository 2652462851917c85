package nl.adreszicht.colour;

import java.util.List;
import java.util.Optional;

/**
 * The colour of one address on one day and why: everything the address colour stores so that anyone allowed can
 * see how it came about (domain.md sections 3 and 4). The constructor refuses an explanation that does not add up,
 * so a decision read back from storage is as consistent as one just computed.
 *
 * @param colour the colour to show: the computed colour, or the target of the lowering that capped it
 * @param rulesVersion the id of the {@link ColourRulesVersion} that decided
 * @param firedRules every rule that matched, the deciding one first (in {@link ColourRule}'s order); never empty
 * @param countedRecordIds the ids of the records in the window that counted, sorted; both records of an event
 *     reported twice are listed
 * @param raises the raises in force, which fired {@link ColourRule#RAISED_BY_PROFESSIONAL_IS_RED}, oldest first
 * @param lowering the approved lowering that capped the colour, only when it made the colour lower
 */
record ColourDecision(
        Colour colour,
        String rulesVersion,
        List<ColourRule> firedRules,
        List<String> countedRecordIds,
        List<ColourOverride.Raise> raises,
        Optional<ColourOverride.Lower> lowering) {

    public ColourDecision {
        firedRules = List.copyOf(firedRules);
        countedRecordIds = List.copyOf(countedRecordIds);
        raises = List.copyOf(raises);
        if (firedRules.isEmpty()) {
            throw new IllegalArgumentException("A decision needs the rule that decided it");
        }
        if (!firedRules.stream().sorted().toList().equals(firedRules)
                || firedRules.stream().distinct().count() != firedRules.size()) {
            throw new IllegalArgumentException("Fired rules must be distinct and in the order of ColourRule");
        }
        if (raises.isEmpty() == firedRules.contains(ColourRule.RAISED_BY_PROFESSIONAL_IS_RED)) {
            throw new IllegalArgumentException("The raise rule fires exactly when a raise is in force");
        }
        Colour computed = firedRules.get(0).colour();
        Colour expected = lowering.map(ColourOverride.Lower::target).orElse(computed);
        if (colour != expected || lowering.isPresent() && !computed.isAbove(colour)) {
            throw new IllegalArgumentException(
                    "Colour " + colour + " does not follow from " + firedRules + " and lowering " + lowering);
        }
    }

    /** The rule that decided the computed colour: the first, highest rule that fired. */
    public ColourRule decidingRule() {
        return firedRules.get(0);
    }

    /** The colour the rules gave, before any lowering. */
    public Colour computedColour() {
        return decidingRule().colour();
    }
}
