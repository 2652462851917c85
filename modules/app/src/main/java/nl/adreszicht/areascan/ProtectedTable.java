package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control for the counts of another module (the casusoverleg's cases referred, accepted and closed per
 * outcome): the same {@link DisclosureControl} as the area scan, so a gemeente-analist receives every figure through
 * the one set of rules. Add the counts and the sum relations a reader knows between them, then {@link #protect()}.
 */
public final class ProtectedTable {

    private final SumTable table = new SumTable();

    /** Adds a count to be rounded and suppressed as the rules say; returns its cell. */
    public int count(long value) {
        return table.count(value);
    }

    /** Adds a number that is never published but takes part in a relation (e.g. cases still in triage). */
    public int hidden(long value) {
        return table.hidden(value);
    }

    /** Records that {@code parent} is the sum of {@code children}. */
    public void sum(int parent, List<Integer> children) {
        table.sum(parent, children);
    }

    /** Every cell as it may be published, by cell; a hidden cell is always suppressed. */
    public List<ProtectedCount> protect() {
        DisclosureControl.Protection protection = DisclosureControl.protect(table);
        List<ProtectedCount> published = new ArrayList<>();
        for (int cell = 0; cell < table.size(); cell++) {
            published.add(protection.published(cell));
        }
        return published;
    }

    /** The rules applied, e.g. {@code DisclosureControl v1}. */
    public static String rules() {
        return DisclosureControl.NAME + " " + DisclosureControl.VERSION;
    }
}
