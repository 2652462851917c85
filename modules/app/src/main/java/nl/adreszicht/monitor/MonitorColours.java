package nl.adreszicht.monitor;

import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.colour.Colour;
import nl.adreszicht.colour.ColourChanged;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Addresses per colour band over time: every colour change adds +1 to the band an address enters and -1 to the band
 * it leaves, in the month of the change, in the transaction that changes it (written last in it, {@link MonitorTally}).
 * The number of addresses in a band at the end of a month is the sum of these up to that month.
 */
@Component
class MonitorColours {

    private final KnownAddresses addresses;
    private final MonitorCategories categories;
    private final MonitorTally tally;
    private final MonitorRegions regions;
    private final DutchTime time;

    MonitorColours(
            KnownAddresses addresses,
            MonitorCategories categories,
            MonitorTally tally,
            MonitorRegions regions,
            DutchTime time) {
        this.addresses = addresses;
        this.categories = categories;
        this.tally = tally;
        this.regions = regions;
        this.time = time;
    }

    @EventListener
    void on(ColourChanged changed) {
        addresses.gemeenteOf(changed.address()).ifPresent(gemeente -> {
            int month = MonitorTally.monthIndex(YearMonth.from(time.today()));
            SortedMap<Integer, Long> deltas = new TreeMap<>();
            add(deltas, month, changed.from(), -1);
            add(deltas, month, changed.to(), 1);
            deltas.values().removeIf(delta -> delta == 0);
            tally.add(gemeente.value(), regions.regionOf(gemeente.value()).orElse(null), deltas);
        });
    }

    private void add(SortedMap<Integer, Long> deltas, int month, @Nullable Colour colour, long delta) {
        if (colour == null || colour == Colour.GREY) {
            return;
        }
        deltas.merge(
                month * MonitorCategories.PER_MONTH + categories.id(Fact.COLOUR + colour.name()), delta, Long::sum);
    }
}
