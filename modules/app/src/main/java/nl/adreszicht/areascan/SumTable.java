package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of counts and the sum relations between them that a reader of the published figures knows: a wijk is the
 * sum of its buurten, a total the sum of its parts. What {@link DisclosureControl} protects. Three kinds of cell:
 * a {@link Kind#COUNT} of records or addresses (rounded and suppressed as the rules say), a {@link Kind#KNOWN}
 * public number the reader may know exactly (the number of addresses of an area), and a {@link Kind#HIDDEN} one
 * that is never published but still takes part in a relation (the addresses without a colour).
 */
public final class SumTable {

    /** What a cell is. */
    public enum Kind {
        /** A count of records or addresses, rounded and suppressed as the rules say. */
        COUNT,
        /** A number the reader knows exactly. */
        KNOWN,
        /** A number never published that may be solved (not a count of people, or a large sum of other areas). */
        HIDDEN,
        /**
         * A count already suppressed where it was published (a table protected before this one, e.g. a quarter
         * when the year is protected): never published here and never solvable from this table either.
         */
        WITHHELD
    }

    private final List<Long> counts = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final List<int[]> relations = new ArrayList<>();

    /** Adds a count to be protected; returns its cell. */
    public int count(long value) {
        return add(value, Kind.COUNT);
    }

    /** Adds a number the reader knows exactly; returns its cell. */
    public int known(long value) {
        return add(value, Kind.KNOWN);
    }

    /** Adds a number that is never published; returns its cell. */
    public int hidden(long value) {
        return add(value, Kind.HIDDEN);
    }

    /** Adds a count suppressed in a table protected before; returns its cell. */
    public int withheld(long value) {
        return add(value, Kind.WITHHELD);
    }

    /** Records that {@code parent} is the sum of {@code children}. */
    public void sum(int parent, List<Integer> children) {
        int[] terms = new int[children.size() + 1];
        terms[0] = parent;
        for (int i = 0; i < children.size(); i++) {
            terms[i + 1] = children.get(i);
        }
        relations.add(terms);
    }

    private int add(long value, Kind kind) {
        if (value < 0) {
            throw new IllegalArgumentException("A count is never negative");
        }
        counts.add(value);
        kinds.add(kind);
        return counts.size() - 1;
    }

    public int size() {
        return counts.size();
    }

    public long value(int cell) {
        return counts.get(cell);
    }

    public Kind kind(int cell) {
        return kinds.get(cell);
    }

    /** The relations, each as its parent followed by its children. */
    public List<int[]> relations() {
        return relations;
    }
}
