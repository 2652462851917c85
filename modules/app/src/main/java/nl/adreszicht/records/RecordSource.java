package nl.adreszicht.records;

/**
 * Where a contribution to an address's colour comes from. Which sources count as incidents is part of the rules
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
    HUISVERBOD
}
