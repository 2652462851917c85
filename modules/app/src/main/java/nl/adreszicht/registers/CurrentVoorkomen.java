package nl.adreszicht.registers;

import java.time.LocalDate;

/**
 * Rule {@value #VERSION}: which voorkomen of a BAG object holds on a given day (the extract's StandTechnischeDatum, or
 * the end of a mutation period). A voorkomen holds when it was not made inactive (no {@code tijdstipInactief}: the
 * Kadaster withdrew it as a mistake), its {@code beginGeldigheid} is on or before the day, and its
 * {@code eindGeldigheid} is absent or after the day. The extract's history (earlier voorkomens with an end) is read
 * and passed over.
 */
final class CurrentVoorkomen {

    static final String VERSION = "voorkomen-v1";

    private CurrentVoorkomen() {}

    static boolean holds(BagObject object, LocalDate day) {
        if (object.inactive()) {
            return false;
        }
        if (object.begin() != null && object.begin().isAfter(day)) {
            return false;
        }
        return object.end() == null || object.end().isAfter(day);
    }
}
