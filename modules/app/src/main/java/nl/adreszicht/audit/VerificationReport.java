package nl.adreszicht.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the chain, and the records against it.
 *
 * @param checked sealed entries checked
 * @param pending entries newer than the last seal, not yet part of the chain
 * @param findings every entry found edited, deleted, inserted or moved, and every stored record without the entry of
 *     its creation; empty when the log is intact and complete
 */
@Schema(name = "Verificatierapport")
record VerificationReport(long checked, long pending, List<Finding> findings) {

    boolean intact() {
        return findings.isEmpty();
    }

    /** What happened to an entry, or that a record has none. */
    enum Kind {
        GEWIJZIGD,
        VERWIJDERD,
        INGEVOEGD,
        VERPLAATST,
        /** A stored record with no entry of its creation ({@code AANMAKEN}): its object is named, there is no entry. */
        ZONDER_VERMELDING
    }

    /**
     * One finding: an entry by its id, or (kind {@link Kind#ZONDER_VERMELDING}) a record by its object type and id.
     */
    @Schema(name = "Bevinding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Finding(
            @Nullable Long entryId,
            Kind kind,
            @Nullable String objectType,
            @Nullable String objectId) {

        Finding(long entryId, Kind kind) {
            this(entryId, kind, null, null);
        }

        /** A stored record without the entry of its creation. */
        static Finding unlogged(String objectType, String objectId) {
            return new Finding(null, Kind.ZONDER_VERMELDING, objectType, objectId);
        }
    }
}
