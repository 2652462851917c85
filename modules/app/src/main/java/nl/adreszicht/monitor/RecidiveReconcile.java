package nl.adreszicht.monitor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.KnownAddresses;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.AddressReads;
import nl.adreszicht.records.RecordChanged;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.records.RecordStored;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the monitor up to date with the records at an address, in the transaction that stored or changed one: reads
 * the address's records and interventions from every source, applies the active recidive rules, stores the repeat
 * count with its rules version ({@code monitor_address}) and adds to the month counts only the difference with what
 * the address had added before (the month counts are shared by the gemeente's registrations, so {@link MonitorTally}
 * writes them last in the transaction; the address's own row is written here, under the address's lock). This is the monitor's one coupling to the recording pipeline: when that becomes one
 * event for a record stored, changed or destroyed, only the three listeners here change.
 *
 * <p>A destroyed record (end of retention, or on request) subtracts nothing: like the area scan's tallies, the
 * figures keep what was counted. What the address has added is then reduced to what the records that remain still
 * add, without counting anything again, so that nothing derived from the destroyed record stays at the address and
 * the address never claims a count the cells do not have. A fact the remaining records have anew (the next record
 * becomes the index event) is counted with the address's next change.
 */
@Component
class RecidiveReconcile {

    private final JdbcTemplate jdbc;
    private final List<MonitoredRecordSource> records;
    private final List<InterventionSource> interventions;
    private final RecidiveRulesVersions versions;
    private final MonitorCategories categories;
    private final MonitorTally tally;
    private final MonitorRegions regions;
    private final KnownAddresses addresses;
    private final DutchTime time;

    RecidiveReconcile(
            JdbcTemplate jdbc,
            List<MonitoredRecordSource> records,
            List<InterventionSource> interventions,
            RecidiveRulesVersions versions,
            MonitorCategories categories,
            MonitorTally tally,
            MonitorRegions regions,
            KnownAddresses addresses,
            DutchTime time) {
        this.jdbc = jdbc;
        this.records = records;
        this.interventions = interventions;
        this.versions = versions;
        this.categories = categories;
        this.tally = tally;
        this.regions = regions;
        this.addresses = addresses;
        this.time = time;
    }

    @EventListener
    void on(RecordStored stored) {
        reconcile(stored.address(), true, time.today(), versions.active());
    }

    @EventListener
    void on(RecordChanged changed) {
        reconcile(changed.address(), true, time.today(), versions.active());
    }

    @EventListener
    void on(MonitoredRecordChanged changed) {
        // What changed is no record event (a zorgmelding sent, a case accepted, a vervolgstap): forget the reads.
        AddressReads.forget(changed.address());
        reconcile(changed.address(), true, time.today(), versions.active());
    }

    @EventListener
    void on(RecordDestroyed destroyed) {
        reconcile(destroyed.address(), false, time.today(), versions.active());
    }

    /**
     * Brings one address up to date as of {@code today} under {@code rules}; {@code count} false takes what the
     * address adds anew without adding the difference (after a destruction).
     */
    @Transactional
    void reconcile(AddressId address, boolean count, LocalDate today, RecidiveRules rules) {
        // One reconcile per address at a time (the colour code takes the same lock for its recompute, and in a
        // registration has taken it already: then no statement is sent).
        Optional<GemeenteCode> gemeenteOfAddress = addresses.lockForDerivation(address);
        if (gemeenteOfAddress.isEmpty()) {
            return;
        }
        List<MonitoredRecord> atAddress = records.stream()
                .flatMap(source -> source.recordsAt(address).stream())
                .toList();
        List<Intervention> followed = interventions.stream()
                .flatMap(source -> source.interventionsAt(address).stream())
                .toList();
        Optional<Stored> stored = stored(address.value());
        String gemeente = stored.map(Stored::gemeente)
                .orElseGet(() -> gemeenteOfAddress.get().value());
        if (atAddress.isEmpty()) {
            // Nothing left at the address (its last record destroyed): nothing is kept of it here either.
            jdbc.update("DELETE FROM monitor_address WHERE address_id = ?", address.value());
            return;
        }
        Recidive recidive = Recidive.of(rules, atAddress);
        int[] now = packed(Fact.ofAddress(recidive, atAddress, followed));
        String region = regions.regionOf(gemeente).orElse(null);
        int[] before = stored.map(Stored::counted).orElse(new int[0]);
        if (count) {
            tally.add(gemeente, region, difference(now, before));
        } else {
            // Nothing is added, so the address keeps only what it added before and still has: a fact the remaining
            // records have anew (the second record now the index event) was never counted, and kept as counted a
            // later change would take it off a cell that never had it, down to a negative count.
            now = common(now, before);
        }
        jdbc.update(
                "INSERT INTO monitor_address (address_id, gemeente_code, vt_region, rules_version, repeats,"
                        + " last_event_on, window_changes_on, computed_on, counted)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::int[]) ON CONFLICT (address_id) DO UPDATE SET"
                        + " gemeente_code = excluded.gemeente_code, vt_region = excluded.vt_region,"
                        + " rules_version = excluded.rules_version, repeats = excluded.repeats,"
                        + " last_event_on = excluded.last_event_on, window_changes_on = excluded.window_changes_on,"
                        + " computed_on = excluded.computed_on, counted = excluded.counted",
                address.value(),
                gemeente,
                region,
                rules.id(),
                recidive.repeatsInWindow(today),
                recidive.lastEvent().orElse(null),
                recidive.nextChange(today).orElse(null),
                today,
                literal(now));
    }

    private record Stored(String gemeente, int[] counted) {}

    private Optional<Stored> stored(UUID address) {
        return jdbc
                .query(
                        "SELECT gemeente_code, counted FROM monitor_address WHERE address_id = ?",
                        (row, n) -> {
                            Integer[] counted = (Integer[]) row.getArray(2).getArray();
                            return new Stored(
                                    row.getString(1).trim(),
                                    Arrays.stream(counted)
                                            .mapToInt(Integer::intValue)
                                            .toArray());
                        },
                        address)
                .stream()
                .findFirst();
    }

    /** The facts packed as month index * {@link MonitorCategories#PER_MONTH} + category id, sorted. */
    int[] packed(List<Fact> facts) {
        return facts.stream()
                .mapToInt(fact -> MonitorTally.monthIndex(fact.month()) * MonitorCategories.PER_MONTH
                        + categories.id(fact.category()))
                .sorted()
                .toArray();
    }

    /** What {@code now} adds beyond {@code before} (negative where it has less), per packed key. */
    static SortedMap<Integer, Long> difference(int[] now, int[] before) {
        SortedMap<Integer, Long> deltas = new TreeMap<>();
        for (int key : now) {
            deltas.merge(key, 1L, Long::sum);
        }
        for (int key : before) {
            deltas.merge(key, -1L, Long::sum);
        }
        deltas.values().removeIf(delta -> delta == 0);
        return deltas;
    }

    /** The keys both sorted arrays hold, as often as both hold them (multiset intersection), sorted. */
    static int[] common(int[] now, int[] before) {
        int[] sortedBefore = before.clone();
        Arrays.sort(sortedBefore);
        int[] kept = new int[Math.min(now.length, sortedBefore.length)];
        int n = 0;
        for (int i = 0, j = 0; i < now.length && j < sortedBefore.length; ) {
            if (now[i] == sortedBefore[j]) {
                kept[n++] = now[i];
                i++;
                j++;
            } else if (now[i] < sortedBefore[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    static String literal(int[] packed) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < packed.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(packed[i]);
        }
        return text.append('}').toString();
    }

    /** For tests and the rebuild: the facts an address adds now, by month and category key. */
    Map<YearMonth, List<String>> factsOf(int[] packed) {
        Map<YearMonth, List<String>> facts = new TreeMap<>();
        for (int key : packed) {
            facts.computeIfAbsent(MonitorTally.month(key / MonitorCategories.PER_MONTH), m -> new ArrayList<>())
                    .add(categories.key(key % MonitorCategories.PER_MONTH));
        }
        return facts;
    }
}
