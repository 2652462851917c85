package nl.adreszicht.registers;

import java.util.Set;

/**
 * Rule {@value #VERSION}: which statuses make a BAG object part of an address in the register. A nummeraanduiding
 * whose naming was issued ("Naamgeving uitgegeven"); a verblijfsobject that is in use or being built or altered (not
 * one withdrawn, out of use, never built or recorded by mistake); a ligplaats or standplaats that is designated.
 * Openbare ruimten and woonplaatsen are kept whatever their status: their names stay right for the addresses on them.
 */
final class UsableStatus {

    static final String VERSION = "status-v1";

    static final Set<String> NUMMERAANDUIDING = Set.of("Naamgeving uitgegeven");

    static final Set<String> VERBLIJFSOBJECT = Set.of(
            "Verblijfsobject gevormd",
            "Verblijfsobject in gebruik",
            "Verblijfsobject in gebruik (niet ingemeten)",
            "Verbouwing verblijfsobject");

    static final Set<String> PLAATS = Set.of("Plaats aangewezen");

    private UsableStatus() {}

    static boolean usable(BagObject object) {
        return switch (object.type()) {
            case "NUM" -> NUMMERAANDUIDING.contains(object.status());
            case "VBO" -> VERBLIJFSOBJECT.contains(object.status());
            case "LIG", "STA" -> PLAATS.contains(object.status());
            case "GWR" -> "definitief".equals(object.status()) || "voorlopig".equals(object.status());
            default -> true;
        };
    }
}
