package nl.adreszicht.areascan;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One number as it may leave the server: rounded to a multiple of 5, or suppressed. What every output (API, page,
 * CSV, map, chart) shows; nothing else of the true count exists outside {@link DisclosureControl}.
 *
 * @param waarde the rounded count, absent when suppressed
 * @param afgeschermd whether the number is suppressed
 * @param weergave how to show it: the number, {@code <10} for a count below the threshold, {@code x} for a count
 *     suppressed to protect another one
 */
@Schema(description = "Een aantal na onthullingscontrole: afgerond op 5, of afgeschermd.")
public record ProtectedCount(
        @Nullable Long waarde,
        boolean afgeschermd,
        @Schema(example = "<10") String weergave) {

    public static final String BELOW_THRESHOLD = "<10";
    public static final String COMPLEMENTARY = "x";

    public static ProtectedCount of(long rounded) {
        return new ProtectedCount(rounded, false, Long.toString(rounded));
    }

    public static ProtectedCount suppressed(boolean primary) {
        return new ProtectedCount(null, true, primary ? BELOW_THRESHOLD : COMPLEMENTARY);
    }

    /** The difference of two published numbers, suppressed when either is. */
    public ProtectedCount minus(ProtectedCount earlier) {
        if (afgeschermd || earlier.afgeschermd || waarde == null || earlier.waarde == null) {
            return new ProtectedCount(null, true, COMPLEMENTARY);
        }
        long difference = waarde - earlier.waarde;
        return new ProtectedCount(difference, false, (difference > 0 ? "+" : "") + difference);
    }
}
