package nl.adreszicht.casusoverleg;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The status of an action of a plan van aanpak, and the rule of which status may follow which: an action starts
 * {@code open}, may be started, done or dropped; once done ({@code gereed}) or dropped ({@code vervallen}, which needs
 * a reason) it stays so. Setting the status it already has changes nothing (a repeated request is harmless).
 */
enum ActionStatus {
    OPEN("open"),
    GESTART("gestart"),
    GEREED("gereed"),
    VERVALLEN("vervallen");

    private final String code;

    ActionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the action still asks for work: open or started. */
    public boolean isOpen() {
        return this == OPEN || this == GESTART;
    }

    /** Whether the action is done or dropped: its status changes no more. */
    public boolean isFinal() {
        return this == GEREED || this == VERVALLEN;
    }

    /** The statuses an action with this status may get next (itself included: a repeat changes nothing). */
    public Set<ActionStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.allOf(ActionStatus.class);
            case GESTART -> EnumSet.of(GESTART, GEREED, VERVALLEN);
            case GEREED -> EnumSet.of(GEREED);
            case VERVALLEN -> EnumSet.of(VERVALLEN);
        };
    }

    boolean mayBecome(ActionStatus status) {
        return next().contains(status);
    }

    /** Dropping an action needs a reason, so the table knows why it was not done. */
    boolean needsReason() {
        return this == VERVALLEN;
    }

    static Optional<ActionStatus> ofCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst();
    }
}
