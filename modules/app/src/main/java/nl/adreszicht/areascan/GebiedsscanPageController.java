package nl.adreszicht.areascan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.InvalidRequestException;
import nl.adreszicht.records.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The area scan page for the gemeente-analist: the table (the accessible view of everything), the map and the chart
 * of the chosen measure, and the CSV export; all from one protected {@link Gebiedsscan} per request.
 */
@PageController
class GebiedsscanPageController {

    private final AreaScans scans;
    private final AreaBoundaries boundaries;
    private final ViolenceTypeCodes violenceTypes;
    private final AreaNames areaNames;

    GebiedsscanPageController(
            AreaScans scans, AreaBoundaries boundaries, ViolenceTypeCodes violenceTypes, AreaNames areaNames) {
        this.scans = scans;
        this.boundaries = boundaries;
        this.violenceTypes = violenceTypes;
        this.areaNames = areaNames;
    }

    @GetMapping("/gebiedsscan")
    String page(
            @RequestParam(required = false) @Nullable String periode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate tot,
            @RequestParam(required = false) @Nullable String niveau,
            @RequestParam(required = false) @Nullable String maat,
            Model model,
            Locale locale) {
        String measure = maat != null && Gebiedsscan.MEASURES.contains(maat) ? maat : "registraties";
        model.addAttribute("maat", measure);
        model.addAttribute("maten", Gebiedsscan.MEASURES);
        model.addAttribute("periodes", List.of("kwartaal", "halfjaar", "jaar"));
        // The form keeps the date field when the analyst switches from a quarter to a half year or a year: the page
        // then shows the period of that length in which the date lies, instead of refusing a date that is not its
        // first day (the API does refuse it).
        LocalDate end = tot == null ? null : startOfPeriod(tot, periode);
        model.addAttribute("aangepast", tot != null && !tot.equals(end));
        Gebiedsscan scan;
        try {
            scan = scans.scan(new AreaScans.Request(null, periode, null, end, niveau));
        } catch (InvalidRequestException refused) {
            // A refused period is the analyst's input, not our failure: say why on the page and keep the form.
            model.addAttribute("weigering", refused.getMessage());
            model.addAttribute("formPeriode", periode == null ? "kwartaal" : periode);
            model.addAttribute("formTot", tot);
            model.addAttribute("formNiveau", niveau == null ? "buurt" : niveau);
            return "gebiedsscan";
        }
        model.addAttribute("formPeriode", scan.periode().soort());
        model.addAttribute("formTot", scan.periode().tot());
        model.addAttribute("formNiveau", scan.niveau());
        Map<String, String> names = AreaNames.of(scan, areaNames.in(scan.gemeente()));
        model.addAttribute("scan", scan);
        model.addAttribute("namen", names);
        model.addAttribute("gemeenteNaam", AreaNames.display(scan.gemeente(), names));
        model.addAttribute("chart", TrendChart.of(scan, measure, names));
        model.addAttribute(
                "typeLabels",
                violenceTypes.options(scan.periode().tot(), locale).stream()
                        .collect(java.util.stream.Collectors.toMap(
                                ViolenceTypeCodes.Option::code, ViolenceTypeCodes.Option::label)));
        String query = UriComponentsBuilder.newInstance()
                .queryParam("periode", scan.periode().soort())
                .queryParam("tot", scan.periode().tot())
                .queryParam("niveau", scan.niveau())
                .queryParam("maat", measure)
                .build()
                .getQuery();
        model.addAttribute("query", query);
        return "gebiedsscan";
    }

    /** The first day of the quarter, half year or year in which {@code day} lies; an unknown kind is left to refuse. */
    private static LocalDate startOfPeriod(LocalDate day, @Nullable String kind) {
        int months = switch (kind == null ? "kwartaal" : kind) {
            case "kwartaal" -> 3;
            case "halfjaar" -> 6;
            case "jaar" -> 12;
            default -> 0;
        };
        if (months == 0) {
            return day;
        }
        int month0 = day.getMonthValue() - 1;
        return LocalDate.of(day.getYear(), month0 - month0 % months + 1, 1);
    }

    /** The buurten of the map with the chosen measure: always at buurt level, whatever level the table shows. */
    @GetMapping("/gebiedsscan/kaart")
    ResponseEntity<String> map(
            @RequestParam(required = false) @Nullable String periode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate tot,
            @RequestParam(required = false) @Nullable String maat) {
        String measure = maat != null && Gebiedsscan.MEASURES.contains(maat) ? maat : "registraties";
        Gebiedsscan scan = scans.scan(new AreaScans.Request(null, periode, null, tot, "buurt"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ScanMap.MEDIA_TYPE))
                .body(ScanMap.write(scan, measure, boundaries.buurten(scan.gemeente()), areaNames.in(scan.gemeente())));
    }

    @GetMapping("/gebiedsscan/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable String periode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate tot,
            @RequestParam(required = false) @Nullable String niveau) {
        Gebiedsscan scan = scans.scan(new AreaScans.Request(null, periode, null, tot, niveau));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(GebiedsscanCsv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + GebiedsscanCsv.fileName(scan) + "\"")
                .body(GebiedsscanCsv.write(scan, AreaNames.of(scan, areaNames.in(scan.gemeente())))
                        .getBytes(StandardCharsets.UTF_8));
    }
}
