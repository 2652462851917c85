package nl.adreszicht.areascan;

import java.util.Comparator;
import java.util.SortedMap;
import nl.adreszicht.addresses.AddressesImported;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.colour.ColourChanged;
import nl.adreszicht.records.CounterWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the counts per gemeente that national figures are summed from: addresses per colour, in the transaction
 * that changes a colour, and addresses per gemeente, after an import. Per gemeente, so concurrent changes in
 * different gemeenten never wait on one row. The counts per colour are written last in the transaction that changes
 * the colour, just before its commit ({@link CounterWrites}), so concurrent changes in one gemeente wait on its rows
 * only for each other's commits, not for the rest of each other's transactions.
 */
@Component
class GemeenteCounts implements CounterWrites.Counter<GemeenteCounts.ColourRow> {

    /** A row of {@code gemeente_colour_count} (no buurt) or of {@code buurt_colour_count}. */
    record ColourRow(String gemeente, @Nullable String buurt, String colour) {

        /** The gemeente's rows first, then the buurten's; each by gemeente, buurt and colour. */
        static final Comparator<ColourRow> ORDER = Comparator.comparing((ColourRow row) -> row.buurt() != null)
                .thenComparing(ColourRow::gemeente)
                .thenComparing(ColourRow::buurt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ColourRow::colour);
    }

    private final JdbcTemplate jdbc;
    private final KnownAddresses addresses;

    GemeenteCounts(JdbcTemplate jdbc, KnownAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    @EventListener
    @Transactional
    void on(ColourChanged changed) {
        addresses.areaOf(changed.address()).ifPresent(area -> {
            // Written at the end of the transaction in ColourRow.ORDER (by colour's name within a gemeente or buurt),
            // whatever the direction of the change, so two changes (one up, one down between the same colours) never
            // wait on each other's rows: no deadlock.
            java.util.SortedMap<String, Integer> deltas = new java.util.TreeMap<>();
            if (changed.from() != null) {
                deltas.merge(changed.from().name(), -1, Integer::sum);
            }
            if (changed.to() != null) {
                deltas.merge(changed.to().name(), 1, Integer::sum);
            }
            String gemeente = area.gemeente().value();
            String buurt = area.buurt() == null ? "" : area.buurt().value();
            deltas.forEach((colour, delta) -> CounterWrites.add(this, new ColourRow(gemeente, null, colour), delta));
            deltas.forEach((colour, delta) -> CounterWrites.add(this, new ColourRow(gemeente, buurt, colour), delta));
        });
    }

    @Override
    public int rank() {
        return CounterWrites.RANK_COLOUR_COUNTS;
    }

    @Override
    public Comparator<? super ColourRow> order() {
        return ColourRow.ORDER;
    }

    /** Writes one transaction's changes of the counts per colour, in {@link ColourRow#ORDER}. */
    @Override
    public void write(SortedMap<ColourRow, Long> increments) {
        increments.forEach((row, delta) -> {
            String buurt = row.buurt();
            if (buurt == null) {
                add(row.gemeente(), row.colour(), Math.toIntExact(delta));
            } else {
                addInBuurt(row.gemeente(), buurt, row.colour(), Math.toIntExact(delta));
            }
        });
    }

    @EventListener
    @Transactional
    void on(AddressesImported imported) {
        refreshAddresses();
    }

    /**
     * Recounts the addresses of every gemeente and buurt: after an import or a bulk load. An address the BAG ended no
     * longer counts (it is no denominator and no part of the minimum number of addresses of an area), while its records
     * stay in the figures of the period they belong to.
     */
    @Transactional
    void refreshAddresses() {
        jdbc.update("UPDATE gemeente_address_count SET addresses = 0");
        jdbc.update("INSERT INTO gemeente_address_count SELECT gemeente_code, count(*) FROM address"
                + " WHERE ended_on IS NULL GROUP BY 1"
                + " ON CONFLICT (gemeente_code) DO UPDATE SET addresses = excluded.addresses");
        // A buurt that lost its addresses (a new CBS division) keeps a row at 0: the application may not delete.
        jdbc.update("UPDATE buurt_address_count SET addresses = 0");
        jdbc.update("INSERT INTO buurt_address_count SELECT gemeente_code, coalesce(wijk_code, ''),"
                + " coalesce(buurt_code, ''), count(*) FROM address WHERE ended_on IS NULL GROUP BY 1, 2, 3"
                + " ON CONFLICT (gemeente_code, wijk_code, buurt_code) DO UPDATE SET addresses = excluded.addresses");
    }

    private void addInBuurt(String gemeente, String buurt, String colour, int delta) {
        jdbc.update(
                "INSERT INTO buurt_colour_count (gemeente_code, buurt_code, colour, addresses)"
                        + " VALUES (?, ?, ?, greatest(?, 0)) ON CONFLICT (gemeente_code, buurt_code, colour)"
                        + " DO UPDATE SET addresses = greatest(buurt_colour_count.addresses + ?, 0)",
                gemeente,
                buurt,
                colour,
                delta,
                delta);
    }

    private void add(String gemeente, String colour, int delta) {
        jdbc.update(
                "INSERT INTO gemeente_colour_count (gemeente_code, colour, addresses) VALUES (?, ?, greatest(?, 0))"
                        + " ON CONFLICT (gemeente_code, colour)"
                        + " DO UPDATE SET addresses = greatest(gemeente_colour_count.addresses + ?, 0)",
                gemeente,
                colour,
                delta,
                delta);
    }
}
