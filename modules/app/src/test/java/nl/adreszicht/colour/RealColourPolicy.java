package nl.adreszicht.colour;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.adreszicht.records.AddressId;
import org.springframework.context.ApplicationContext;

/**
 * For tests outside the colour code: what the application's own colour policy decides for an address, from every
 * module's records and the active rules version, exactly as a recompute would, without storing anything.
 */
public final class RealColourPolicy {

    /** A decision as the address colour stores it. */
    public record Decided(String colour, String decidingRule, List<String> firedRules, List<String> countedRecordIds) {}

    private final AddressColours colours;

    public RealColourPolicy(ApplicationContext context) {
        this.colours = context.getBean(AddressColours.class);
    }

    /** The decision for {@code address} as of {@code today}, empty when it has no history. */
    public Optional<Decided> decide(UUID address, LocalDate today) {
        return colours.decide(new AddressId(address), today)
                .map(decision -> new Decided(
                        decision.colour().name(),
                        decision.decidingRule().name(),
                        decision.firedRules().stream().map(Enum::name).toList(),
                        decision.countedRecordIds()));
    }
}
