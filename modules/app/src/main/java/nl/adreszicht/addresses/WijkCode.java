package nl.adreszicht.addresses;

/**
 * The CBS code of a wijk (district): {@code WK} and six digits, the first four being its gemeente's: wijk
 * {@code WK011801} lies in gemeente {@code GM0118}. Wijk boundaries change yearly; see {@link AreaCodes}.
 *
 * @param value the code, e.g. {@code WK011801}
 */
public record WijkCode(String value) {

    private static final CbsCodeFormat FORMAT = new CbsCodeFormat("WK", 6, "wijkCode");

    public WijkCode {
        FORMAT.check(value);
    }

    /**
     * Reads a wijk code; surrounding whitespace is ignored and the prefix may be lower case.
     *
     * @throws InvalidValueException with key {@code validation.wijkCode.format} for anything else
     */
    public static WijkCode parse(String text) {
        return new WijkCode(FORMAT.normalise(text));
    }

    /** The gemeente this wijk lies in, read from the code's first four digits. */
    public GemeenteCode gemeente() {
        return new GemeenteCode("GM" + value.substring(2, 6));
    }

    @Override
    public String toString() {
        return value;
    }
}
