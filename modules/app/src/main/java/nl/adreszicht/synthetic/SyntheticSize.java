package nl.adreszicht.synthetic;

/**
 * The sizes the generator knows. {@code regio} and {@code smoke} cover the gemeenten of the VT regions in the
 * reference data (Drenthe and IJsselland); {@code land} covers 342 gemeenten, the real ones of those regions and
 * made-up ones (codes GM9xxx) for the rest of the country.
 *
 * @param addresses addresses in the register
 * @param records records of all sources together (incidents, meldingen and adviezen, municipal records)
 * @param national whether the whole country is generated, or only the gemeenten of the known VT regions
 */
enum SyntheticSize {
    SMOKE(2_000, 1_000, false),
    REGIO(200_000, 100_000, false),
    LAND(10_000_000, 6_000_000, true);

    final int addresses;
    final int records;
    final boolean national;

    SyntheticSize(int addresses, int records, boolean national) {
        this.addresses = addresses;
        this.records = records;
        this.national = national;
    }
}
