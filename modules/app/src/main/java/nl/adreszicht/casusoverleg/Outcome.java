package nl.adreszicht.casusoverleg;

import java.util.Arrays;
import java.util.Optional;

/** How a case ends: what the recidive measurement compares interventions by. */
enum Outcome {
    /** The household is safe: the table's goals on safety are met. */
    VEILIGHEID_BEREIKT("veiligheid-bereikt"),
    /** Handed over to one organisation that carries on alone (named with the outcome). */
    OVERGEDRAGEN("overgedragen"),
    /** Stopped for another reason (moved away, no consent, …), stated with the outcome. */
    GESTOPT("gestopt");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Outcome> ofCode(String code) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.code.equals(code))
                .findFirst();
    }
}
