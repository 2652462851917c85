package nl.adreszicht.areascan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The protected result of one area scan: what the API returns, and what the page table, the map, the chart and the
 * CSV export are all built from, so every output shows the same numbers. It holds only counts that passed
 * {@link DisclosureControl} (rounded or suppressed) and CBS area codes: no address, no person, no free text.
 *
 * @param gemeente the gemeente's CBS code
 * @param niveau the lowest level shown: {@code buurt}, {@code wijk} or {@code gemeente}
 * @param periode the period
 * @param vorigePeriode the period of equal length just before it
 * @param regels the disclosure-control rules that protected the numbers
 * @param gebieden the gemeente, its wijken and (at buurt level) its buurten, parents before their children
 */
@Schema(description = "Gebiedsscan: per gebied beschermde aantallen, met de vorige periode en het verschil.")
record Gebiedsscan(
        String gemeente, String niveau, Periode periode, Periode vorigePeriode, Regels regels, List<Gebied> gebieden) {

    /** A period of whole months, {@code tot} exclusive. */
    public record Periode(
            @Schema(allowableValues = {"kwartaal", "halfjaar", "jaar", "aangepast"})
            String soort,

            LocalDate van,

            @Schema(description = "De eerste dag na de periode.")
            LocalDate tot) {}

    /** Which rules protected the numbers. */
    public record Regels(String regelset, String versie, int afronding, int drempel, int minimumOmvang) {

        static Regels current() {
            return new Regels(
                    DisclosureControl.NAME,
                    DisclosureControl.VERSION,
                    DisclosureControl.ROUNDING,
                    DisclosureControl.THRESHOLD,
                    DisclosureControl.MINIMUM_ADDRESSES);
        }
    }

    /** A count in this period, the previous one, and the difference (published only when both are). */
    public record Meting(ProtectedCount huidig, ProtectedCount vorig, ProtectedCount verschil) {

        static Meting of(ProtectedCount current, ProtectedCount previous) {
            return new Meting(current, previous, current.minus(previous));
        }
    }

    /** Addresses per colour band now (the colour code has no history per period here). */
    public record Kleuren(ProtectedCount groen, ProtectedCount geel, ProtectedCount oranje, ProtectedCount rood) {}

    /** Records naming one violence type (a record naming two counts under both). */
    public record Geweldsvorm(String code, Meting meting) {}

    /**
     * One area.
     *
     * @param code its CBS code; a unit of merged buurten has the code of its first buurt followed by {@code +}
     * @param niveau {@code gemeente}, {@code wijk} or {@code buurt}
     * @param bovenliggend the code of the area it lies in
     * @param buurten the buurten it covers when it is a merged buurt unit; empty otherwise
     * @param wijken the wijken it covers when it is a merged wijk unit (a wijk, or the {@code onbekend} area, of fewer
     *     than 50 addresses is shown only together with others); empty otherwise
     * @param omvang its number of addresses (public, rounded like every count)
     * @param registraties all records: incidents, meldingen and municipal records
     * @param incidenten police incidents
     * @param meldingen Veilig Thuis meldingen and adviezen
     * @param gemeenteregistraties municipal signalen and huisverboden
     * @param metKinderen records with children present or involved
     * @param zonderKinderen records without
     * @param aandeelMetKinderen the share with children in this period, in percent of the published numbers
     * @param aandeelMetKinderenVorig the same share in the previous period
     * @param kleuren addresses per colour band now
     * @param geweldsvormen records per violence type
     */
    public record Gebied(
            String code,

            @Schema(allowableValues = {"land", "gemeente", "wijk", "buurt"})
            String niveau,

            @Nullable String bovenliggend,
            List<String> buurten,
            List<String> wijken,
            ProtectedCount omvang,
            Meting registraties,
            Meting incidenten,
            Meting meldingen,
            Meting gemeenteregistraties,
            Meting metKinderen,
            Meting zonderKinderen,
            @Nullable Integer aandeelMetKinderen,
            @Nullable Integer aandeelMetKinderenVorig,
            Kleuren kleuren,
            List<Geweldsvorm> geweldsvormen) {

        /** The same area at another level: the national scan shows its one area as {@code land}. */
        Gebied atLevel(String level) {
            return new Gebied(
                    code,
                    level,
                    bovenliggend,
                    buurten,
                    wijken,
                    omvang,
                    registraties,
                    incidenten,
                    meldingen,
                    gemeenteregistraties,
                    metKinderen,
                    zonderKinderen,
                    aandeelMetKinderen,
                    aandeelMetKinderenVorig,
                    kleuren,
                    geweldsvormen);
        }

        /** The current count of one of the {@link Gebiedsscan#MEASURES}, for the map, the chart and the page. */
        public ProtectedCount current(String measure) {
            return switch (measure) {
                case "registraties" -> registraties.huidig();
                case "incidenten" -> incidenten.huidig();
                case "meldingen" -> meldingen.huidig();
                case "gemeenteregistraties" -> gemeenteregistraties.huidig();
                case "metKinderen" -> metKinderen.huidig();
                case "kleurRood" -> kleuren.rood();
                case "kleurOranje" -> kleuren.oranje();
                case "kleurGeel" -> kleuren.geel();
                case "kleurGroen" -> kleuren.groen();
                default -> throw new IllegalArgumentException("Unknown measure " + measure);
            };
        }

        /** The measure in this period and the previous one, for measures that have a previous one. */
        public @Nullable Meting over(String measure) {
            return switch (measure) {
                case "registraties" -> registraties;
                case "incidenten" -> incidenten;
                case "meldingen" -> meldingen;
                case "gemeenteregistraties" -> gemeenteregistraties;
                case "metKinderen" -> metKinderen;
                default -> null;
            };
        }

        public boolean samengevoegd() {
            return !buurten.isEmpty() || !wijken.isEmpty();
        }

        /** What a merged unit covers, for the page. */
        public List<String> samengevoegdUit() {
            return buurten.isEmpty() ? wijken : buurten;
        }
    }

    /** The measures a page, map or chart can show, in order. */
    public static final List<String> MEASURES = List.of(
            "registraties",
            "incidenten",
            "meldingen",
            "gemeenteregistraties",
            "metKinderen",
            "kleurRood",
            "kleurOranje",
            "kleurGeel",
            "kleurGroen");
}
