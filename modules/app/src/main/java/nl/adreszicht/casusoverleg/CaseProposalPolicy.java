package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Optional;
import nl.adreszicht.colour.Colour;
import org.jspecify.annotations.Nullable;

/**
 * When the system proposes a household for the casusoverleg on its own (a proposal waits for triage like a referral):
 * a named, versioned rule fed by configuration ({@code adreszicht.casusoverleg.proposals.*}) and tested without Spring.
 *
 * <ul>
 *   <li>{@link Rule#ADRES_ROOD}: the address's colour turned red;
 *   <li>{@link Rule#MEERDERE_ORGANISATIES}: records of at least {@code organisations} different organisations are
 *       dated within the {@code window} up to today;
 * </ul>
 *
 * and only when the address has no referral waiting for triage and no running case, and no referral of it was
 * declined within {@code quietAfterDecline} (so a declined household is not proposed again with every new record).
 *
 * @param version stored with every proposal, e.g. {@code v1}
 * @param onRed whether turning red proposes
 * @param organisations how many different organisations with a record in the window propose (at least 2)
 * @param window how far back records count, e.g. twelve months
 * @param quietAfterDecline how long after a declined referral no proposal is made
 */
record CaseProposalPolicy(String version, boolean onRed, int organisations, Period window, Period quietAfterDecline) {

    CaseProposalPolicy {
        if (version.isBlank() || version.length() > 20) {
            throw new IllegalArgumentException("A proposal rules version has 1 to 20 characters");
        }
        if (organisations < 2) {
            throw new IllegalArgumentException("Records of one organisation alone never propose a case");
        }
        if (window.isNegative() || window.isZero() || quietAfterDecline.isNegative()) {
            throw new IllegalArgumentException("The window is positive and the quiet period not negative");
        }
    }

    /** Why a household was proposed; the code is stored with the proposal. */
    enum Rule {
        ADRES_ROOD("adres-rood"),
        MEERDERE_ORGANISATIES("meerdere-organisaties");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** One record at the address: which organisation, and the day it happened. */
    record DatedRecord(String organisation, LocalDate date) {}

    /** A case the address has or had: its status and, for a declined one, the day it was declined. */
    record EarlierCase(CaseStatus status, @Nullable LocalDate declinedOn) {}

    /** Turning red proposes (when configured); staying red or any other change does not. */
    Optional<Rule> turnedRedProposes(@Nullable Colour from, @Nullable Colour to) {
        return onRed && to == Colour.RED && from != Colour.RED ? Optional.of(Rule.ADRES_ROOD) : Optional.empty();
    }

    /** Records of enough different organisations within the window up to today propose. */
    Optional<Rule> recordsOfSeveralOrganisationsPropose(Collection<DatedRecord> records, LocalDate today) {
        LocalDate from = today.minus(window);
        long count = records.stream()
                .filter(record -> record.date().isAfter(from) && !record.date().isAfter(today))
                .map(DatedRecord::organisation)
                .distinct()
                .count();
        return count >= organisations ? Optional.of(Rule.MEERDERE_ORGANISATIES) : Optional.empty();
    }

    /** Whether a proposal may be made at all for an address with these cases. */
    boolean mayPropose(Collection<EarlierCase> cases, LocalDate today) {
        LocalDate quietFrom = today.minus(quietAfterDecline);
        return cases.stream()
                .noneMatch(earlier -> earlier.status() == CaseStatus.AANGEMELD
                        || earlier.status() == CaseStatus.LOPEND
                        || (earlier.status() == CaseStatus.AFGEWEZEN
                                && earlier.declinedOn() != null
                                && earlier.declinedOn().isAfter(quietFrom)));
    }
}
