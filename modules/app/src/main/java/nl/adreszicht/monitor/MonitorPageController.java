package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.PageController;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The monitor page for the gemeente-analist: the chart of a chosen measure over time beside the region and all
 * participating gemeenten, the table with the same numbers (the accessible view), the chain, the deadlines, recidive
 * and interventions of the last year; the CSV export and the yearly report. All from protected {@link Monitor}s.
 */
@PageController
class MonitorPageController {

    private final Monitors monitors;
    private final Veiligheidsanalyse report;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    MonitorPageController(
            Monitors monitors, Veiligheidsanalyse report, ViolenceTypeCodes violenceTypes, DutchTime time) {
        this.monitors = monitors;
        this.report = report;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    /** A measure to choose, with its name. */
    record Choice(String value, String label) {}

    @GetMapping("/monitor")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate van,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate tot,
            @RequestParam(required = false) @Nullable String interval,
            @RequestParam(required = false) @Nullable String meting,
            Model model,
            Locale locale) {
        Map<String, String> typeLabels = violenceTypes.options(time.today(), locale).stream()
                .collect(Collectors.toMap(ViolenceTypeCodes.Option::code, ViolenceTypeCodes.Option::label));
        List<Choice> measures = new ArrayList<>();
        for (MonitorComposer.Family family : MonitorFamilies.all(
                List.copyOf(typeLabels.keySet()).stream().sorted().toList())) {
            for (String category : family.categories()) {
                if (MonitorFamilies.shown(category) && !category.startsWith(Fact.OUTCOME)) {
                    measures.add(new Choice(category, MonitorLabels.dutch(category, typeLabels)));
                }
            }
        }
        String measure =
                meting != null && measures.stream().anyMatch(c -> c.value().equals(meting))
                        ? meting
                        : MonitorFamilies.SOURCE_TOTAL;
        model.addAttribute("metingen", measures);
        model.addAttribute("meting", measure);
        model.addAttribute("metingNaam", MonitorLabels.dutch(measure, typeLabels));
        model.addAttribute("formInterval", interval == null ? "kwartaal" : interval);
        model.addAttribute("formVan", van);
        model.addAttribute("formTot", tot);
        model.addAttribute("jaar", report.lastYear());
        Monitor monitor;
        try {
            monitor = monitors.monitor(new Monitors.Request(null, van, tot, interval, null));
        } catch (ResponseStatusException refused) {
            if (refused.getStatusCode().value() != 400) {
                throw refused;
            }
            model.addAttribute("weigering", refused.getReason());
            return "monitor";
        }
        model.addAttribute("monitor", monitor);
        model.addAttribute("chart", MonitorChart.of(monitor, measure));
        model.addAttribute("tabel", MonitorTable.of(monitor, measure));
        String family = monitor.reeksen().stream()
                .filter(r -> r.meting().equals(measure))
                .map(Monitor.Reeks::familie)
                .findFirst()
                .orElse(MonitorFamilies.SOURCES);
        model.addAttribute(
                "cohort", family.equals(MonitorFamilies.RECIDIVE) || family.equals(MonitorFamilies.INTERVENTIONS));
        model.addAttribute(
                "query",
                UriComponentsBuilder.newInstance()
                        .queryParam("van", monitor.periode().van())
                        .queryParam("tot", monitor.periode().tot())
                        .queryParam("interval", monitor.interval())
                        .build()
                        .getQuery());
        return "monitor";
    }

    @GetMapping("/monitor/export")
    ResponseEntity<String> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate van,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate tot,
            @RequestParam(required = false) @Nullable String interval) {
        Monitor monitor = monitors.monitor(new Monitors.Request(null, van, tot, interval, null));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MonitorCsv.MEDIA_TYPE))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + MonitorCsv.fileName(monitor) + "\"")
                .body(MonitorCsv.write(monitor));
    }

    @GetMapping("/monitor/veiligheidsanalyse")
    ResponseEntity<byte[]> report(@RequestParam(required = false) @Nullable Integer jaar) {
        int year = jaar == null ? report.lastYear() : jaar;
        String gemeente = monitors.gemeente(null);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"veiligheidsanalyse-huiselijk-geweld-" + gemeente + "-" + year
                                + ".pdf\"")
                .body(report.pdf(year));
    }
}
