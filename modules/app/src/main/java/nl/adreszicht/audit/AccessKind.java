package nl.adreszicht.audit;

/** What kind of access an entry records; the values are stored as they read here. */
public enum AccessKind {
    LEZEN,
    ZOEKEN,
    AANMAKEN,
    WIJZIGEN,
    EXPORTEREN,
    GEWEIGERD,
    BREAK_THE_GLASS
}
