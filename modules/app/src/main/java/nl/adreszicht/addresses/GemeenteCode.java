package nl.adreszicht.addresses;

/**
 * The CBS code of a gemeente (municipality): {@code GM} and four digits, e.g. {@code GM0118} for Hoogeveen. The
 * four digits are the same as the gemeentecode in the BAG and in wijk and buurt codes.
 *
 * <p>The code alone does not say which gemeente is meant in a given year: municipalities merge, and a merged
 * one gets a new code. Where boundaries matter, keep the year with it, as {@link AreaCodes} does.
 *
 * @param value the code, e.g. {@code GM0118}
 */
public record GemeenteCode(String value) {

    private static final CbsCodeFormat FORMAT = new CbsCodeFormat("GM", 4, "gemeenteCode");

    public GemeenteCode {
        FORMAT.check(value);
    }

    /**
     * Reads a gemeente code; surrounding whitespace is ignored and the prefix may be lower case ({@code gm0118}).
     *
     * @throws InvalidValueException with key {@code validation.gemeenteCode.format} for anything else
     */
    public static GemeenteCode parse(String text) {
        return new GemeenteCode(FORMAT.normalise(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
