package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import nl.adreszicht.areascan.Gebiedsscan.Geweldsvorm;
import nl.adreszicht.areascan.Gebiedsscan.Meting;
import nl.adreszicht.time.DutchTime;

/**
 * The CSV export of a {@link Gebiedsscan}: one row per area (its code and CBS name), exactly the protected numbers the API and the page
 * show ({@code <10} and {@code x} for suppressed ones), semicolon-separated as Dutch spreadsheets expect, with
 * days as people read them ({@code dd-mm-jjjj}).
 */
final class GebiedsscanCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private GebiedsscanCsv() {}

    /** The export, each area's CBS name ({@link AreaNames}) beside its code, empty where it has none. */
    static String write(Gebiedsscan scan, java.util.Map<String, String> names) {
        List<String> header = new ArrayList<>(List.of(
                "gebied",
                "naam",
                "niveau",
                "bovenliggend",
                "samengevoegde_buurten",
                "samengevoegde_wijken",
                "van",
                "tot",
                "vorige_van",
                "omvang"));
        for (String measure : List.of(
                "registraties", "incidenten", "meldingen", "gemeenteregistraties", "met_kinderen", "zonder_kinderen")) {
            header.addAll(List.of(measure, measure + "_vorig", measure + "_verschil"));
        }
        header.addAll(List.of(
                "aandeel_met_kinderen_pct",
                "aandeel_met_kinderen_vorig_pct",
                "kleur_groen",
                "kleur_geel",
                "kleur_oranje",
                "kleur_rood"));
        if (!scan.gebieden().isEmpty()) {
            for (Geweldsvorm type : scan.gebieden().get(0).geweldsvormen()) {
                header.addAll(List.of(
                        "geweldsvorm_" + type.code(),
                        "geweldsvorm_" + type.code() + "_vorig",
                        "geweldsvorm_" + type.code() + "_verschil"));
            }
        }
        StringBuilder csv = new StringBuilder(String.join(";", header)).append("\r\n");
        for (Gebied area : scan.gebieden()) {
            List<String> row = new ArrayList<>(List.of(
                    area.code(),
                    text(names.getOrDefault(area.code(), "")),
                    area.niveau(),
                    area.bovenliggend() == null ? "" : area.bovenliggend(),
                    String.join(" ", area.buurten()),
                    String.join(" ", area.wijken()),
                    DutchTime.displayDate(scan.periode().van()),
                    DutchTime.displayDate(scan.periode().tot()),
                    DutchTime.displayDate(scan.vorigePeriode().van()),
                    area.omvang().weergave()));
            for (Meting meting : List.of(
                    area.registraties(),
                    area.incidenten(),
                    area.meldingen(),
                    area.gemeenteregistraties(),
                    area.metKinderen(),
                    area.zonderKinderen())) {
                add(row, meting);
            }
            row.add(
                    area.aandeelMetKinderen() == null
                            ? ""
                            : area.aandeelMetKinderen().toString());
            row.add(
                    area.aandeelMetKinderenVorig() == null
                            ? ""
                            : area.aandeelMetKinderenVorig().toString());
            row.add(area.kleuren().groen().weergave());
            row.add(area.kleuren().geel().weergave());
            row.add(area.kleuren().oranje().weergave());
            row.add(area.kleuren().rood().weergave());
            for (Geweldsvorm type : area.geweldsvormen()) {
                add(row, type.meting());
            }
            csv.append(String.join(";", row)).append("\r\n");
        }
        return csv.toString();
    }

    /** A name as one field: quoted when it holds the separator or a quote. */
    private static String text(String value) {
        return value.contains(";") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static void add(List<String> row, Meting meting) {
        row.add(meting.huidig().weergave());
        row.add(meting.vorig().weergave());
        row.add(meting.verschil().weergave());
    }

    /** The file name of an export: gemeente, level and period, nothing else. */
    static String fileName(Gebiedsscan scan) {
        return "gebiedsscan-%s-%s-%s-%s.csv"
                .formatted(
                        scan.gemeente(),
                        scan.niveau(),
                        scan.periode().van(),
                        scan.periode().tot());
    }
}
