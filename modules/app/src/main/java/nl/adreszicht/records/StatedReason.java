package nl.adreszicht.records;

import org.jspecify.annotations.Nullable;

/**
 * The reason a professional states for an exceptional step: raising or lowering a colour, breaking the glass,
 * destroying a record on request. Long enough to mean something to whoever reviews it, short enough to stay a
 * reason rather than a case file.
 */
public final class StatedReason {

    static final int SHORTEST = 10;
    static final int LONGEST = 500;

    private StatedReason() {}

    /**
     * The reason, trimmed.
     *
     * @throws InvalidValueException on field {@code reden} when it is missing or not 10 to 500 characters
     */
    public static String of(@Nullable String text) {
        String reason = text == null ? "" : text.strip();
        if (reason.length() < SHORTEST || reason.length() > LONGEST) {
            throw new InvalidValueException("reden", "validation.reden.length");
        }
        return reason;
    }
}
