package nl.adreszicht.monitor;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import nl.adreszicht.areascan.ProtectedCount;
import org.jspecify.annotations.Nullable;

/**
 * The protected monitor of one gemeente: what every output (API, page, chart, CSV, report) shows. Only
 * {@link ProtectedCount}s, shares and rates computed from them, and public numbers of addresses; no address, no
 * person, no true count.
 *
 * @param gemeente the gemeente's CBS code
 * @param niveaus the levels shown: the gemeente, its VT region and all participating gemeenten, as far as each holds
 *     enough other gemeenten
 * @param periode the range asked, whole quarters
 * @param interval months, quarters or years
 * @param regels the versions of the rules every figure was made with, and the norms shown beside the deadlines
 * @param reeksen every series: per family, measure and level, its points
 * @param kanttekeningen what a level or figure could not be shown for, in Dutch
 */
@Schema(name = "Monitor", description = "De monitor huiselijk geweld van de eigen gemeente, na onthullingscontrole.")
record Monitor(
        String gemeente,
        List<Niveau> niveaus,
        Periode periode,

        @Schema(allowableValues = {"maand", "kwartaal", "jaar"})
        String interval,

        Regels regels,
        List<Reeks> reeksen,
        List<String> kanttekeningen) {

    @Schema(name = "MonitorNiveau")
    record Niveau(
            @Schema(allowableValues = {"gemeente", "regio", "deelnemende-gemeenten"})
            String niveau,

            String code,
            String omschrijving,

            @Schema(description = "Aantal adressen in de BAG (openbaar), de noemer van per1000")
            long omvang,

            int gemeenten) {}

    @Schema(name = "MonitorPeriode")
    record Periode(LocalDate van, LocalDate tot) {}

    @Schema(name = "MonitorRegels")
    record Regels(
            String onthullingscontrole, String recidiveregels, int normBeoordelingProcent, int normOnderzoekProcent) {}

    /**
     * One series.
     *
     * @param familie bronnen, geweldsvormen, kleuren, keten, recidive or interventies
     * @param meting the measure, e.g. {@code bron.POLITIE_INCIDENT}
     * @param niveau the level
     */
    @Schema(name = "MonitorReeks")
    record Reeks(String familie, String meting, String niveau, List<Punt> punten) {}

    /**
     * One point of a series.
     *
     * @param periode e.g. {@code 2025-03}, {@code 2025-K1}, {@code 2025}
     * @param van first day
     * @param tot the day after the last
     * @param aantal the count after disclosure control
     * @param per1000 the count per 1,000 addresses of the level, from the published count
     * @param aandeel for a share (on time, repeated, a record before or after): percent of its whole, from published
     *     counts only
     */
    @Schema(name = "MonitorPunt")
    record Punt(
            String periode,
            LocalDate van,
            LocalDate tot,
            ProtectedCount aantal,

            @Schema(description = "Per 1.000 adressen van het niveau, uit het gepubliceerde aantal") @Nullable
            Double per1000,

            @Nullable Integer aandeel) {}
}
