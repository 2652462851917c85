package nl.adreszicht.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of partner organisation that take part in the casusoverleg of a Zorg- en Veiligheidshuis, as the token
 * claim {@code ketenpartner_soort} names them. Any other value is dropped, never trusted.
 */
public enum PartnerKind {
    OM("om"),
    RECLASSERING("reclassering"),
    VERSLAVINGSZORG("verslavingszorg"),
    GGZ("ggz"),
    JEUGDBESCHERMING("jeugdbescherming"),
    RAAD_KINDERBESCHERMING("raad-kinderbescherming"),
    WIJKTEAM("wijkteam"),
    WELZIJN("welzijn"),
    ONDERWIJS("onderwijs");

    private final String code;

    PartnerKind(String code) {
        this.code = code;
    }

    /** The value of the claim, e.g. {@code raad-kinderbescherming}. */
    public String code() {
        return code;
    }

    /** The kind with this claim value, or empty for anything else. */
    public static Optional<PartnerKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
