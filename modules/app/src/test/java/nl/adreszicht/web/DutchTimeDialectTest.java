package nl.adreszicht.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A template renders every time in Dutch time through {@code #tijd}: a record made at 23:30 UTC belongs to the next
 * Dutch day, an hour later in winter and two in summer, whatever offset the value carries.
 */
class DutchTimeDialectTest {

    private final SpringTemplateEngine engine = engine();

    @Test
    void aRecordMadeAt2330UtcShowsTheDutchDateAndHour() {
        assertThat(render("${#tijd.format(t)}", OffsetDateTime.parse("2026-01-15T23:30:00Z")))
                .isEqualTo("16-01-2026 00:30");
        assertThat(render("${#tijd.format(t)}", OffsetDateTime.parse("2026-06-30T23:30:00Z")))
                .isEqualTo("01-07-2026 01:30");
        assertThat(render("${#tijd.format(t)}", Instant.parse("2026-06-30T23:30:00Z")))
                .isEqualTo("01-07-2026 01:30");
        assertThat(render("${#tijd.date(t)}", OffsetDateTime.parse("2026-01-15T23:30:00Z")))
                .isEqualTo("16-01-2026");
    }

    @Test
    void theSameMomentReadsTheSameWhateverItsOffset() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-03-29T00:59:00Z");
        assertThat(render("${#tijd.format(t)}", utc.withOffsetSameInstant(ZoneOffset.ofHours(-5))))
                .isEqualTo(render("${#tijd.format(t)}", utc))
                .isEqualTo("29-03-2026 01:59");
        // One minute later the clocks go forward: 03:00 summer time.
        assertThat(render("${#tijd.format(t)}", utc.plusMinutes(1))).isEqualTo("29-03-2026 03:00");
    }

    @Test
    void aDayIsShownAsItIsAndNothingAsADash() {
        assertThat(render("${#tijd.date(t)}", LocalDate.of(2026, 2, 3))).isEqualTo("03-02-2026");
        assertThat(render("${#tijd.format(t)}", null)).isEqualTo("–");
    }

    private String render(String expression, Object value) {
        Context context = new Context();
        context.setVariables(value == null ? Map.of() : Map.of("t", value));
        return engine.process("<p th:text=\"" + expression + "\">x</p>", context)
                .replaceAll("</?p>", "");
    }

    private static SpringTemplateEngine engine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new DutchTimeDialect());
        return engine;
    }
}
