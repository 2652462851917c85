package nl.adreszicht.retention;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The inzage export as a PDF for the person, built with openhtmltopdf (on PDFBox) from one XHTML page: the request,
 * then each record as {@link InzageRedaction} shows it, blacked-out values as black bars. Dutch dates and times.
 */
@Component
class InzagePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final ZoneId ZONE = ZoneId.of(DutchTime.ZONE_ID);

    byte[] render(Inzageverzoeken.Export export) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"/><title>Inzage</title><style>")
                .append("body{font-family:sans-serif;font-size:10pt;color:#111}h1{font-size:16pt}")
                .append("h2{font-size:12pt;margin-top:18pt;border-bottom:1px solid #999}")
                .append("table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;")
                .append("padding:3pt;border-bottom:1px solid #ddd}th{width:35%}")
                .append(".afgeschermd{background:#000;color:#000}")
                .append("</style></head><body>");
        html.append("<h1>Inzage in uw gegevens</h1>");
        Inzageverzoeken.Verzoek verzoek = export.verzoek();
        html.append("<p>Verzoek ontvangen op ")
                .append(day(verzoek.ontvangenOp()))
                .append(", af te handelen uiterlijk ")
                .append(day(verzoek.uiterlijk()))
                .append(". Overzicht gemaakt op ")
                .append(moment(export.gemaaktOp()))
                .append(" (redactie ")
                .append(escape(export.redactieversie()))
                .append(").</p>");
        html.append("<p>Hieronder staat elke registratie waarin u voorkomt. Gegevens van anderen, de identiteit van de")
                .append(" melder en de inhoud van registraties van andere organisaties zijn afgeschermd.</p>");
        if (export.registraties().isEmpty()) {
            html.append("<p>Er zijn geen registraties gevonden waarin u voorkomt.</p>");
        }
        for (InzageRedaction.Shown shown : export.registraties()) {
            html.append("<h2>").append(escape(shown.titel())).append("</h2><table>");
            row(html, "Vastgelegd op", moment(shown.vastgelegdOp()));
            row(html, "Organisatie", shown.organisatie() == null ? "onbekend" : shown.organisatie());
            for (InzageRedaction.Veld field : shown.velden()) {
                row(html, field.label(), field.waarde());
            }
            for (InzageRedaction.Persoon party : shown.betrokkenen()) {
                String who = party.verzoeker()
                        ? party.naam()
                                + (party.geboortedatum() == null ? "" : ", geboren " + day(party.geboortedatum()))
                                + " (u)"
                        : party.naam();
                row(html, "Betrokkene: " + party.rol(), who);
            }
            html.append("</table>");
        }
        html.append("</body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>");
        if (value.startsWith(InzageRedaction.BLACKED_OUT)) {
            html.append("<span class=\"afgeschermd\">")
                    .append(escape(InzageRedaction.BLACKED_OUT))
                    .append("</span>")
                    .append(escape(value.substring(InzageRedaction.BLACKED_OUT.length())));
        } else {
            html.append(escape(value));
        }
        html.append("</td></tr>");
    }

    private static String day(@Nullable LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String moment(OffsetDateTime at) {
        return MOMENT.format(at.atZoneSameInstant(ZONE));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
