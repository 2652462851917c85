package nl.adreszicht.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The outcome of checking the chain.
 *
 * @param checked sealed entries checked
 * @param pending entries newer than the last seal, not yet part of the chain
 * @param findings every entry found edited, deleted, inserted or moved; empty when the log is intact
 */
@Schema(name = "Verificatierapport")
record VerificationReport(long checked, long pending, List<Finding> findings) {

    boolean intact() {
        return findings.isEmpty();
    }

    /** What happened to an entry. */
    enum Kind {
        GEWIJZIGD,
        VERWIJDERD,
        INGEVOEGD,
        VERPLAATST
    }

    @Schema(name = "Bevinding")
    record Finding(long entryId, Kind kind) {}
}
