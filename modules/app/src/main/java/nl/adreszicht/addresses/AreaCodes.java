package nl.adreszicht.addresses;

import nl.adreszicht.records.InvalidValueException;

/**
 * The CBS areas an address lies in, with the year of the CBS area division they come from. The year belongs
 * with the codes because CBS redraws wijk and buurt boundaries every year: the same code can cover different
 * streets in different years, and counts from different years only compare per year.
 *
 * @param gemeente the gemeente
 * @param wijk a wijk of that gemeente
 * @param buurt a buurt of that wijk
 * @param year the year of the CBS area division, 2000 to 2100
 */
public record AreaCodes(GemeenteCode gemeente, WijkCode wijk, BuurtCode buurt, int year) {

    public AreaCodes {
        if (!wijk.gemeente().equals(gemeente)) {
            throw new InvalidValueException("wijkCode", "validation.wijkCode.notInGemeente");
        }
        if (!buurt.wijk().equals(wijk)) {
            throw new InvalidValueException("buurtCode", "validation.buurtCode.notInWijk");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidValueException("indelingsjaar", "validation.indelingsjaar.range");
        }
    }
}
