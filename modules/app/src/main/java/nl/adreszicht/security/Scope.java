package nl.adreszicht.security;

/**
 * How far a permission reaches beyond the role itself. Scopes are enforced in the application service and its
 * queries, with the value from the caller's token ({@link Professional}); never from a request parameter.
 */
public enum Scope {
    /** Not about cases: reference data, the caller's own profile, anonymous endpoints. */
    NONE,
    /** Records (or log entries) of the caller's own organisation only. */
    OWN_ORGANISATION,
    /** Addresses in a gemeente covered by the caller's Veilig Thuis region; break-the-glass beyond it. */
    OWN_VT_REGION,
    /** The caller's own gemeente only. */
    OWN_GEMEENTE,
    /**
     * The cases of the casusoverleg: for a procesregisseur those of the gemeenten of its Zorg- en Veiligheidshuis
     * region; for everyone else those its organisation was invited to, from the invitation until three months after
     * closing (a referral also to the organisation that made it and to Veilig Thuis of the region; at an address, to
     * the organisations that hold a record there).
     */
    OWN_CASES
}
