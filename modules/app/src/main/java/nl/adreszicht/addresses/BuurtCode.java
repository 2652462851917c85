package nl.adreszicht.addresses;

/**
 * The CBS code of a buurt (neighbourhood), the smallest unit of the area scan: {@code BU} and eight digits, the
 * first six being its wijk's, e.g. {@code BU01180103} in wijk {@code WK011801}. Buurt boundaries change yearly;
 * see {@link AreaCodes}.
 *
 * @param value the code, e.g. {@code BU01180103}
 */
public record BuurtCode(String value) {

    private static final CbsCodeFormat FORMAT = new CbsCodeFormat("BU", 8, "buurtCode");

    public BuurtCode {
        FORMAT.check(value);
    }

    /**
     * Reads a buurt code; surrounding whitespace is ignored and the prefix may be lower case.
     *
     * @throws InvalidValueException with key {@code validation.buurtCode.format} for anything else
     */
    public static BuurtCode parse(String text) {
        return new BuurtCode(FORMAT.normalise(text));
    }

    /** The wijk this buurt lies in, read from the code's first six digits. */
    public WijkCode wijk() {
        return new WijkCode("WK" + value.substring(2, 8));
    }

    /** The gemeente this buurt lies in. */
    public GemeenteCode gemeente() {
        return wijk().gemeente();
    }

    @Override
    public String toString() {
        return value;
    }
}
