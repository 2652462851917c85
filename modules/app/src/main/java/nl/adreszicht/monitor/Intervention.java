package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One intervention at an address.
 *
 * @param id its opaque id
 * @param kind what it was
 * @param date the day it started, in Europe/Amsterdam: records on that day count neither before nor after
 */
public record Intervention(String id, Kind kind, LocalDate date) {

    /** The interventions the monitor follows up. */
    public enum Kind {
        /** A tijdelijk huisverbod imposed by the burgemeester. */
        HUISVERBOD("huisverbod"),
        /** An onderzoek by Veilig Thuis, from the day it started. */
        VT_ONDERZOEK("vt-onderzoek"),
        /** An overdracht by Veilig Thuis (mostly to the lokaal team). */
        OVERDRACHT("overdracht"),
        /** A plan van aanpak of a casusoverleg (MDA++). */
        CASUSOVERLEG_PLAN("casusoverleg-plan");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The code in the API, the CSV and the category keys. */
        public String code() {
            return code;
        }
    }

    public Intervention {
        if (id.isBlank()) {
            throw new IllegalArgumentException("An intervention needs an id");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
    }
}
