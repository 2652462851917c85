package nl.adreszicht.colour;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why an address has its colour, as one professional may see it (domain.md section 2). Veilig Thuis, which may see
 * every agency's records at an address, gets the whole explanation. Everyone else sees the colour, the rules that
 * their own organisation's contributions fire, and their own records; another organisation's contribution is only
 * "a record of" that organisation (whom to contact, as in signal matching), never what it recorded or which of its
 * findings fired a rule ("Veilig Thuis stelde acute onveiligheid vast" is Veilig Thuis's content).
 *
 * @param decidingRule the rule that decided the colour, when the viewer may see it; null when only other
 *     organisations' contributions decide it
 * @param rules the rules shown, highest first
 * @param countedRecordIds every record that counted, for Veilig Thuis only; null for everyone else
 * @param ownRecordIds the viewer's own organisation's records that counted (outside Veilig Thuis)
 * @param otherOrganisations the other organisations whose records or raises counted (outside Veilig Thuis), sorted
 */
record ColourExplanation(
        @Nullable ColourRule decidingRule,
        List<ColourRule> rules,
        @Nullable List<String> countedRecordIds,
        List<String> ownRecordIds,
        List<String> otherOrganisations) {

    ColourExplanation {
        rules = List.copyOf(rules);
        countedRecordIds = countedRecordIds == null ? null : List.copyOf(countedRecordIds);
        ownRecordIds = List.copyOf(ownRecordIds);
        otherOrganisations = List.copyOf(otherOrganisations);
    }

    /** The whole explanation, for Veilig Thuis. */
    static ColourExplanation complete(AddressColours.StoredColour stored) {
        return new ColourExplanation(
                ColourRule.valueOf(stored.decidingRule()),
                stored.firedRules().stream().map(ColourRule::valueOf).toList(),
                stored.countedRecordIds(),
                List.of(),
                List.of());
    }

    /** Whether this is Veilig Thuis's complete explanation. Public for the page template. */
    public boolean complete() {
        return countedRecordIds != null;
    }
}
