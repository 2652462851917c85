package nl.adreszicht.records;

/**
 * Where a record at an address comes from: a contribution to the address's colour, or (the casusoverleg) a case that
 * is kept and destroyed per contribution like one. Which sources count as incidents is part of the colour's rules
 * version ({@code colour.ColourRulesVersion#incidentSources()}); the others add only what they flag.
 */
public enum RecordSource {
    /** An incident registered by the police. */
    POLITIE_INCIDENT,
    /** A melding to Veilig Thuis, including the police's zorgmelding. */
    VT_MELDING,
    /** A request to Veilig Thuis for advice about the address. */
    VT_ADVIES,
    /** A signal recorded by a municipal professional (lokaal team). */
    GEMEENTE_SIGNAAL,
    /** A tijdelijk huisverbod recorded by the burgemeester's office. */
    HUISVERBOD,
    /**
     * A case of the casusoverleg of a Zorg- en Veiligheidshuis: never weighed by the colour, counted in no tally, but
     * kept, destroyed on request and deleted at the end of its retention like a record.
     */
    CASUSOVERLEG
}
