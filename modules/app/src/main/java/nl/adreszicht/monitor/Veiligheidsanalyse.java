package nl.adreszicht.monitor;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.adreszicht.areascan.DisclosureControl;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.codelists.ViolenceTypeCodes;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The yearly veiligheidsanalyse huiselijk geweld of a gemeente: a PDF a policy advisor can attach to the integral
 * safety plan (Kernbeleid Veiligheid, veiligheidsveld 1). Built from the same protected {@link Monitor}s as the page
 * (the year, the quarters of that year, five years of trend), written as XHTML and rendered by openhtmltopdf, so it
 * shows nothing the page would not; it also names the rules versions and says what the figures cannot say.
 */
@Service
class Veiligheidsanalyse {

    private final Monitors monitors;
    private final ViolenceTypeCodes violenceTypes;
    private final DutchTime time;

    Veiligheidsanalyse(Monitors monitors, ViolenceTypeCodes violenceTypes, DutchTime time) {
        this.monitors = monitors;
        this.violenceTypes = violenceTypes;
        this.time = time;
    }

    /** The last year that has ended. */
    int lastYear() {
        return time.today().getYear() - 1;
    }

    /** The report of {@code year} (default the last ended year) as PDF. */
    byte[] pdf(@Nullable Integer year) {
        return render(xhtml(year == null ? lastYear() : year));
    }

    String xhtml(int year) {
        if (year > lastYear() || year < lastYear() - Monitors.LONGEST_YEARS + 1) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "jaar is een afgelopen jaar, hoogstens " + Monitors.LONGEST_YEARS + " jaar terug ("
                            + (lastYear() - Monitors.LONGEST_YEARS + 1) + " tot en met " + lastYear() + ").");
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = LocalDate.of(year + 1, 1, 1);
        Monitor years = monitors.monitor(new Monitors.Request(null, from.minusYears(4), until, "jaar", null));
        Monitor quarters = monitors.monitor(new Monitors.Request(null, from, until, "kwartaal", null));
        // Cohorts need a year of follow-up: those of the year before are the latest that are complete.
        Monitor cohorts = monitors.monitor(new Monitors.Request(null, from.minusYears(1), from, "kwartaal", null));
        Map<String, String> typeLabels = violenceTypes.options(from, java.util.Locale.forLanguageTag("nl")).stream()
                .collect(Collectors.toMap(ViolenceTypeCodes.Option::code, ViolenceTypeCodes.Option::label));
        String gemeente = MonitorChart.nameOf(years, "gemeente");

        StringBuilder h = new StringBuilder();
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\">"
                        + "<head><title>")
                .append(esc("Veiligheidsanalyse huiselijk geweld " + gemeente + " " + year))
                .append("</title><style>")
                .append("body{font-family:sans-serif;font-size:10pt;color:#000}h1{font-size:18pt}h2{font-size:13pt;"
                        + "margin-top:18pt}table{border-collapse:collapse;margin:6pt 0}th,td{border:1px solid #555;"
                        + "padding:2pt 5pt;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + ".small{font-size:8.5pt}@page{size:A4;margin:18mm}")
                .append("</style></head><body>");
        h.append("<h1>")
                .append(esc("Veiligheidsanalyse huiselijk geweld " + year))
                .append("</h1>");
        h.append("<p>")
                .append(
                        esc(
                                gemeente + " (" + years.gemeente() + "). Opgesteld op "
                                        + DutchTime.displayDate(time.today())
                                        + " uit Adreszicht, voor het integraal veiligheidsplan"
                                        + " (Kernbeleid Veiligheid, veiligheidsveld 1: veilige woon- en leefomgeving; huiselijk geweld)."))
                .append("</p>");
        h.append("<p>")
                .append(esc("Vergeleken met: "
                        + years.niveaus().stream()
                                .filter(n -> !n.niveau().equals("gemeente"))
                                .map(n -> n.omschrijving() + " (" + n.gemeenten() + " gemeenten)")
                                .collect(Collectors.joining(", "))
                        + (years.niveaus().size() == 1 ? "geen vergelijking beschikbaar" : "") + "."))
                .append("</p>");
        years.kanttekeningen()
                .forEach(t -> h.append("<p class=\"small\">").append(esc(t)).append("</p>"));

        h.append("<h2>1. Registraties per bron</h2>");
        h.append("<p>")
                .append(esc("Aantal registraties in " + year + " en " + (year - 1) + ", en per 1.000 adressen."))
                .append("</p>");
        List<String> sources = new ArrayList<>(List.of(MonitorFamilies.SOURCE_TOTAL));
        for (RecordSource source : RecordSource.values()) {
            sources.add(Fact.SOURCE + source.name());
        }
        yearTable(h, years, sources, year, true, typeLabels);

        h.append("<h2>2. Trend</h2>");
        h.append("<p>")
                .append(esc("Alle registraties per jaar, " + (year - 4) + " tot en met " + year + ":"))
                .append("</p>");
        trendTable(h, years, MonitorFamilies.SOURCE_TOTAL);
        h.append("<p>")
                .append(esc(trendSentence(years, MonitorFamilies.SOURCE_TOTAL, year)))
                .append("</p>");

        h.append("<h2>3. Geweldsvormen</h2>");
        yearTable(
                h,
                years,
                typeLabels.keySet().stream()
                        .sorted()
                        .map(c -> Fact.VIOLENCE + c)
                        .toList(),
                year,
                false,
                typeLabels);

        h.append("<h2>4. Adressen per kleurband</h2>");
        h.append("<p>")
                .append(esc("Adressen per kleur aan het eind van " + year + " (kleurcode, regels van de"
                        + " kleurcode zoals toen geldend)."))
                .append("</p>");
        yearTable(
                h,
                years,
                MonitorFamilies.COLOUR_BANDS.stream().map(c -> Fact.COLOUR + c).toList(),
                year,
                true,
                typeLabels);

        h.append("<h2>5. De keten per kwartaal</h2>");
        h.append("<p>")
                .append(esc("Van politie-incident tot uitkomst van de veiligheidsbeoordeling, " + gemeente
                        + ". Het verschil tussen de meldingen van de politie en de zaken bij Veilig Thuis wordt hier"
                        + " zichtbaar."))
                .append("</p>");
        List<String> chain = new ArrayList<>(List.of(
                Fact.SOURCE + RecordSource.POLITIE_INCIDENT.name(),
                Fact.ZORGMELDING,
                Fact.SOURCE + RecordSource.VT_MELDING.name(),
                Fact.ASSESSMENT));
        MonitorFamilies.OUTCOMES.forEach(o -> chain.add(Fact.OUTCOME + o));
        quarterTable(h, quarters, chain, "gemeente", false, typeLabels);

        h.append("<h2>6. Termijnen van Veilig Thuis</h2>");
        h.append("<p>")
                .append(esc("Aandeel veiligheidsbeoordelingen binnen 5 werkdagen (norm "
                        + quarters.regels().normBeoordelingProcent() + "%) en onderzoeken binnen 10 weken (norm "
                        + quarters.regels().normOnderzoekProcent() + "%)."))
                .append("</p>");
        String deadlineLevel =
                quarters.niveaus().stream().anyMatch(n -> n.niveau().equals("regio")) ? "regio" : "gemeente";
        quarterTable(
                h,
                quarters,
                List.of(Fact.ASSESSMENT_ON_TIME, Fact.INVESTIGATION_ON_TIME),
                "gemeente",
                true,
                typeLabels);
        if (deadlineLevel.equals("regio")) {
            h.append("<p class=\"small\">")
                    .append(esc("Dezelfde termijnen voor de hele regio:"))
                    .append("</p>");
            quarterTable(
                    h,
                    quarters,
                    List.of(Fact.ASSESSMENT_ON_TIME, Fact.INVESTIGATION_ON_TIME),
                    "regio",
                    true,
                    typeLabels);
        }

        h.append("<h2>7. Recidive</h2>");
        h.append("<p>")
                .append(esc("Adressen met een eerste registratie (geen registratie in de 12 maanden ervoor) per"
                        + " kwartaal van " + (year - 1) + ", en het aandeel waar binnen 6 en 12 maanden een nieuwe"
                        + " registratie volgde (recidiveregels "
                        + years.regels().recidiveregels() + ")."))
                .append("</p>");
        quarterTable(
                h,
                cohorts,
                List.of(Fact.RECIDIVE_INDEX, Fact.RECIDIVE_REPEATED_SHORT, Fact.RECIDIVE_REPEATED_LONG),
                "gemeente",
                true,
                typeLabels);

        h.append("<h2>8. Interventies</h2>");
        h.append("<p>")
                .append(esc("Per interventie in " + (year - 1) + ": het aandeel adressen met een registratie in de"
                        + " 12 maanden ervoor, en met een nieuwe registratie binnen 6 en 12 maanden erna."))
                .append("</p>");
        List<String> interventions = new ArrayList<>();
        for (Intervention.Kind kind : Intervention.Kind.values()) {
            String key = Fact.INTERVENTION + kind.code();
            interventions.addAll(List.of(key, key + Fact.BEFORE, key + Fact.AFTER_SHORT, key + Fact.AFTER_LONG));
        }
        quarterTable(h, cohorts, interventions, "gemeente", true, typeLabels);

        h.append("<h2>9. Regels en versies</h2>");
        h.append("<p>")
                .append(esc("Onthullingscontrole " + years.regels().onthullingscontrole() + ": aantallen afgerond op "
                        + DisclosureControl.ROUNDING + "; aantallen onder " + DisclosureControl.THRESHOLD
                        + " niet getoond (<10), en waar nodig ook een ander aantal (x), zodat geen verborgen aantal uit"
                        + " totalen, kwartalen, maanden of andere niveaus terug te rekenen is. Recidiveregels "
                        + years.regels().recidiveregels() + ": een herhaling is een registratie (van welke organisatie"
                        + " ook) binnen 12 maanden na de vorige op hetzelfde adres; een politie-incident en de melding"
                        + " bij Veilig Thuis over hetzelfde voorval tellen als een. Aandelen en cijfers per 1.000"
                        + " adressen zijn berekend uit de afgeronde aantallen."))
                .append("</p>");

        h.append("<h2>10. Wat deze cijfers niet zeggen</h2>");
        h.append("<p>")
                .append(esc("Deze cijfers tellen registraties, geen huiselijk geweld: wat niet gemeld of"
                        + " vastgelegd is, ontbreekt, en meer registraties kunnen ook betekenen dat beter wordt gemeld."
                        + " Een lagere recidive na een interventie bewijst niet dat de interventie werkte: adressen met"
                        + " een huisverbod, onderzoek of overdracht verschillen van andere, en zonder vergelijkingsgroep"
                        + " is er geen oorzaak aan te wijzen. Kleine aantallen zijn afgeschermd en alle aantallen zijn"
                        + " afgerond, zodat kleine verschillen tussen jaren of gemeenten toeval kunnen zijn. Registraties"
                        + " die laat zijn vastgelegd kunnen eerdere cijfers nog veranderen; registraties die na hun"
                        + " bewaartermijn zijn vernietigd blijven meetellen. Het aantal adressen is dat van nu. De"
                        + " cijfers zeggen niets over een gezin, een adres of een persoon, en zijn nooit grond voor een"
                        + " besluit over iemand."))
                .append("</p>");
        h.append("</body></html>");
        return h.toString();
    }

    static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be rendered", e);
        }
    }

    private void yearTable(
            StringBuilder h,
            Monitor monitor,
            List<String> measures,
            int year,
            boolean rates,
            Map<String, String> typeLabels) {
        h.append("<table><thead><tr><th>Meting</th>");
        for (Monitor.Niveau niveau : MonitorLabels.ownFirst(monitor.niveaus())) {
            h.append("<th>")
                    .append(esc(niveau.omschrijving() + " " + (year - 1)))
                    .append("</th><th>")
                    .append(esc(niveau.omschrijving() + " " + year))
                    .append("</th>");
            if (rates) {
                h.append("<th>").append(esc("per 1.000 adressen " + year)).append("</th>");
            }
        }
        h.append("</tr></thead><tbody>");
        for (String measure : measures) {
            h.append("<tr><td>")
                    .append(esc(MonitorLabels.dutch(measure, typeLabels)))
                    .append("</td>");
            for (Monitor.Niveau niveau : MonitorLabels.ownFirst(monitor.niveaus())) {
                Optional<Monitor.Punt> before = point(monitor, measure, niveau.niveau(), Integer.toString(year - 1));
                Optional<Monitor.Punt> now = point(monitor, measure, niveau.niveau(), Integer.toString(year));
                h.append("<td>")
                        .append(esc(before.map(p -> p.aantal().weergave()).orElse("–")))
                        .append("</td>");
                h.append("<td>")
                        .append(esc(now.map(p -> p.aantal().weergave()).orElse("–")))
                        .append("</td>");
                if (rates) {
                    h.append("<td>")
                            .append(esc(now.map(Monitor.Punt::per1000)
                                    .map(MonitorChart::format)
                                    .orElse("–")))
                            .append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private void trendTable(StringBuilder h, Monitor monitor, String measure) {
        List<Monitor.Reeks> series = monitor.reeksen().stream()
                .filter(r -> r.meting().equals(measure))
                .toList();
        if (series.isEmpty() || series.get(0).punten().isEmpty()) {
            h.append("<p>Geen afgesloten jaren in deze periode.</p>");
            return;
        }
        h.append("<table><thead><tr><th>Niveau</th>");
        series.get(0)
                .punten()
                .forEach(p -> h.append("<th>").append(esc(p.periode())).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (Monitor.Reeks reeks : MonitorLabels.ownFirst(series)) {
            h.append("<tr><td>")
                    .append(esc(MonitorChart.nameOf(monitor, reeks.niveau()) + " (per 1.000 adressen)"))
                    .append("</td>");
            reeks.punten()
                    .forEach(p -> h.append("<td>")
                            .append(esc(p.aantal().weergave()
                                    + (p.per1000() == null ? "" : " (" + MonitorChart.format(p.per1000()) + ")")))
                            .append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** One sentence on the trend of the own gemeente, from published numbers only. */
    static String trendSentence(Monitor monitor, String measure, int year) {
        Optional<Monitor.Punt> now = point(monitor, measure, "gemeente", Integer.toString(year));
        Optional<Monitor.Punt> before = point(monitor, measure, "gemeente", Integer.toString(year - 1));
        if (now.isEmpty() || before.isEmpty()) {
            return "Voor " + year + " en " + (year - 1) + " zijn geen vergelijkbare cijfers beschikbaar.";
        }
        ProtectedCount difference = now.get().aantal().minus(before.get().aantal());
        if (difference.afgeschermd() || difference.waarde() == null) {
            return "Het verschil tussen " + (year - 1) + " en " + year + " is niet te tonen: een van beide aantallen is"
                    + " afgeschermd.";
        }
        long d = difference.waarde();
        return "In " + year + " waren er " + now.get().aantal().weergave() + " registraties, "
                + (d == 0 ? "evenveel als" : (Math.abs(d) + (d > 0 ? " meer dan" : " minder dan"))) + " in "
                + (year - 1)
                + " (" + before.get().aantal().weergave() + "; afgeronde aantallen).";
    }

    private void quarterTable(
            StringBuilder h,
            Monitor monitor,
            List<String> measures,
            String level,
            boolean shares,
            Map<String, String> typeLabels) {
        List<Monitor.Reeks> first = monitor.reeksen().stream()
                .filter(r -> r.niveau().equals(level) && r.meting().equals(measures.get(0)))
                .toList();
        if (first.isEmpty() || first.get(0).punten().isEmpty()) {
            h.append("<p>Nog geen kwartalen met een volledige opvolging.</p>");
            return;
        }
        h.append("<table><thead><tr><th>")
                .append(esc(MonitorChart.nameOf(monitor, level)))
                .append("</th>");
        first.get(0)
                .punten()
                .forEach(p -> h.append("<th>").append(esc(p.periode())).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (String measure : measures) {
            h.append("<tr><td>")
                    .append(esc(MonitorLabels.dutch(measure, typeLabels)))
                    .append("</td>");
            monitor.reeksen().stream()
                    .filter(r -> r.niveau().equals(level) && r.meting().equals(measure))
                    .findFirst()
                    .ifPresent(r -> r.punten()
                            .forEach(p -> h.append("<td>")
                                    .append(esc(p.aantal().weergave()
                                            + (shares && p.aandeel() != null ? " (" + p.aandeel() + "%)" : "")))
                                    .append("</td>")));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static Optional<Monitor.Punt> point(Monitor monitor, String measure, String level, String period) {
        return monitor.reeksen().stream()
                .filter(r -> r.meting().equals(measure) && r.niveau().equals(level))
                .flatMap(r -> r.punten().stream())
                .filter(p -> p.periode().equals(period))
                .findFirst();
    }

    static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
