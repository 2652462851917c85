package nl.adreszicht.audit;

/** What kind of access an entry records; the values are stored as they read here. */
public enum AccessKind {
    LEZEN,
    ZOEKEN,
    AANMAKEN,
    WIJZIGEN,
    /** Personal data deleted: at the end of its retention period, or destroyed on request. */
    VERWIJDEREN,
    EXPORTEREN,
    GEWEIGERD,
    BREAK_THE_GLASS
}
