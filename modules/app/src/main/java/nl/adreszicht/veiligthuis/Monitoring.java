package nl.adreszicht.veiligthuis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.time.DutchTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monitoring moments planned when the lokaal team accepts an overdracht: by default three and six months later
 * ({@code adreszicht.veiligthuis.monitoring-after}, ISO periods separated by commas). Planned in the transaction of
 * the acceptance, so an accepted overdracht never lacks its moments.
 */
@Component
class Monitoring {

    private final MeldingStore store;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;
    private final List<Period> after;

    Monitoring(
            MeldingStore store,
            CurrentProfessional currentProfessional,
            DutchTime time,
            @Value("${adreszicht.veiligthuis.monitoring-after:P3M,P6M}") String after) {
        this.store = store;
        this.currentProfessional = currentProfessional;
        this.time = time;
        this.after = periods(after);
    }

    /** The configured periods; a period that is no ISO period, or not positive, stops the start. */
    static List<Period> periods(String text) {
        List<Period> periods = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(Period::parse)
                .toList();
        if (periods.stream().anyMatch(p -> p.isNegative() || p.isZero())) {
            throw new IllegalArgumentException("adreszicht.veiligthuis.monitoring-after: periods must be positive");
        }
        return periods;
    }

    List<Period> after() {
        return after;
    }

    /** Plans a moment for each configured period after {@code from}; returns the melding with them. */
    Melding planAfterHandOver(Melding melding, LocalDate from) {
        Melding planned = melding;
        OffsetDateTime now = OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
        for (Period period : after) {
            Melding.Moment moment =
                    new Melding.Moment(UUID.randomUUID(), from.plus(period), null, null, null, null, false);
            planned = planned.withFollow(planned.follow().with(moment));
            store.insertMoment(melding, moment, currentProfessional.require().subject(), now);
        }
        return planned;
    }
}
