package nl.adreszicht.colour;

/**
 * What the colour rules read about one address on one day: counts over the events in the window, the flags of the
 * records in the window, and whether a raise is in force. Only built for an address with history: without it
 * there is no decision at all.
 */
record ColourFacts(
        int incidents,
        int incidentsAtS2OrWorse,
        int incidentsAtS3,
        int incidentsWithChildren,
        int s3IncidentsWithChildren,
        boolean huisverbodImposed,
        boolean huisverbodBroken,
        boolean acuteOnveiligheid,
        boolean raised) {

    boolean nothingInWindow() {
        return incidents == 0 && !huisverbodImposed && !huisverbodBroken && !acuteOnveiligheid && !raised;
    }
}
