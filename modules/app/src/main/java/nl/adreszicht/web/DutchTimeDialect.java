package nl.adreszicht.web;

import java.time.temporal.TemporalAccessor;
import java.util.Set;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #tijd} in every template: the one way a page shows a time to a person, {@code ${#tijd.format(value)}} as
 * {@code dd-mm-jjjj HH:mm} and {@code ${#tijd.date(value)}} as {@code dd-mm-jjjj}, both in Europe/Amsterdam through
 * {@link DutchTime}, whatever offset the value carries. ({@code #temporals.format} would print an instant stored at
 * UTC in UTC, which put a zorgmelding before the incident it came from.)
 */
@Component
class DutchTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "tijd";

    DutchTimeDialect() {
        super("Adreszicht Dutch time");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Formatter();
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** What {@code #tijd} offers; an absent value reads as a dash. */
    static final class Formatter {

        public String format(@Nullable TemporalAccessor value) {
            return value == null ? "–" : DutchTime.display(value);
        }

        public String date(@Nullable TemporalAccessor value) {
            return value == null ? "–" : DutchTime.displayDate(value);
        }
    }
}
