package nl.adreszicht.records;

/**
 * The outcome of a change guarded by the revision it was checked against ({@code UPDATE ... SET revision = revision + 1
 * WHERE id = ? AND revision = ?}): when no row changed, another change of the same revision came first (between this
 * one's read and its write), so this one is not applied, exactly as if its {@link IfMatch} had named a stale revision.
 */
public final class GuardedChange {

    private GuardedChange() {}

    /** Throws {@link PreconditionFailedException} when the guarded statement changed no row. */
    public static void requireApplied(int rows) {
        if (rows == 0) {
            throw new PreconditionFailedException(
                    "Dit is zojuist door iemand anders gewijzigd. Lees het opnieuw en probeer het dan nog eens.");
        }
    }
}
