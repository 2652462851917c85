package nl.adreszicht.colour;

/**
 * The colour code of an address (domain.md section 4), declared from the lowest to the highest so that the
 * natural order is the order of concern: a later constant is always the more serious signal. An address without
 * any history has no colour at all: {@link ColourPolicy} then gives no decision, rather than a sixth constant
 * that someone could paint on a map.
 */
public enum Colour {
    /** There is history at the address, but nothing in the window. */
    GREY,
    GREEN,
    YELLOW,
    ORANGE,
    RED;

    /** Whether this colour signals more concern than the other. */
    public boolean isAbove(Colour other) {
        return compareTo(other) > 0;
    }
}
