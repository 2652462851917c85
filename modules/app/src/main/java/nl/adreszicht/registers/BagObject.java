package nl.adreszicht.registers;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One voorkomen (version) of a BAG object as the extract gives it: only the attributes the register needs.
 *
 * @param type NUM, VBO, LIG, STA, OPR or WPL
 * @param id the identificatie (16 digits; 4 for a woonplaats)
 * @param voorkomen the voorkomenidentificatie
 * @param begin beginGeldigheid
 * @param end eindGeldigheid, or null while it holds
 * @param inactive whether the voorkomen has a tijdstipInactief (withdrawn as a mistake)
 * @param status the status text, e.g. "Naamgeving uitgegeven"
 * @param naam the name of an openbare ruimte or woonplaats
 * @param huisnummer of a nummeraanduiding, 0 otherwise
 * @param huisletter of a nummeraanduiding
 * @param toevoeging of a nummeraanduiding (huisnummertoevoeging)
 * @param postcode of a nummeraanduiding
 * @param openbareRuimte ligtAan of a nummeraanduiding
 * @param woonplaats ligtIn of a nummeraanduiding (optional) or an openbare ruimte
 * @param hoofdadres heeftAlsHoofdadres of a verblijfsobject, ligplaats or standplaats
 * @param nevenadressen heeftAlsNevenadres
 * @param x the point (or the centre of the outline) in RD New, metres; NaN when none
 * @param y idem
 */
record BagObject(
        String type,
        String id,
        int voorkomen,
        @Nullable LocalDate begin,
        @Nullable LocalDate end,
        boolean inactive,
        @Nullable String status,
        @Nullable String naam,
        int huisnummer,
        @Nullable String huisletter,
        @Nullable String toevoeging,
        @Nullable String postcode,
        @Nullable String openbareRuimte,
        @Nullable String woonplaats,
        @Nullable String hoofdadres,
        List<String> nevenadressen,
        double x,
        double y) {

    /** The relation of a woonplaats to its gemeente (GEM-WPL-RELATIE), as a BAG object of type GWR. */
    static BagObject gemeenteWoonplaats(
            String woonplaats, String gemeente, @Nullable LocalDate begin, @Nullable LocalDate end, String status) {
        return new BagObject(
                "GWR",
                woonplaats,
                0,
                begin,
                end,
                false,
                status,
                gemeente,
                0,
                null,
                null,
                null,
                null,
                woonplaats,
                null,
                List.of(),
                Double.NaN,
                Double.NaN);
    }
}
