package nl.adreszicht.records;

/**
 * The severity of one incident (domain.md section 4), declared from the least to the most severe so that the
 * natural order can be compared.
 */
public enum Severity {
    /** Verbal or psychological, no physical violence. */
    S1,
    /** Physical violence without visible injury, destruction of property, threat in context. */
    S2,
    /**
     * Any of: injury, weapon, non-fatal strangulation, sexual violence, threat to kill, stalking, honour-related
     * violence, forced marriage.
     */
    S3;

    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
