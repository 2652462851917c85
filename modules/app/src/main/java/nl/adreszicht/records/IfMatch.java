package nl.adreszicht.records;

import java.util.Set;

/**
 * The revisions a client says it changes from (RFC 9110 {@code If-Match}): a change of an existing resource is applied
 * only to the revision the client last read, so a retried or concurrent edit is never applied twice or silently over
 * another's. Every change bumps the resource's revision; its ETag is {@link #etag(long)}. On the API {@code web}
 * resolves the header (missing: 428, malformed: 400); a page's form passes {@link #NOT_ASKED}, because the page
 * re-reads the state it shows and the service still checks the protocol step itself.
 */
public final class IfMatch {

    /** Pages and internal callers: no precondition given, any current revision is accepted. */
    public static final IfMatch NOT_ASKED = new IfMatch(Set.of(), true);

    /** {@code If-Match: *}: the resource must exist, any revision. */
    public static final IfMatch ANY = new IfMatch(Set.of(), true);

    private final Set<Long> revisions;
    private final boolean any;

    private IfMatch(Set<Long> revisions, boolean any) {
        this.revisions = Set.copyOf(revisions);
        this.any = any;
    }

    /** The client changes from one of these revisions (an If-Match list of ETags). */
    public static IfMatch revisions(Set<Long> revisions) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("an If-Match names at least one revision");
        }
        return new IfMatch(revisions, false);
    }

    public static IfMatch revision(long revision) {
        return revisions(Set.of(revision));
    }

    /** The strong ETag of a revision, as the API writes and reads it. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Throws {@link PreconditionFailedException} when the resource has moved on from what the client read. */
    public void requireCurrent(long currentRevision) {
        if (!matches(currentRevision)) {
            throw new PreconditionFailedException("Dit is intussen gewijzigd (nu versie " + currentRevision
                    + "). Lees het opnieuw en probeer het dan" + " nog eens.");
        }
    }

    public boolean matches(long currentRevision) {
        return any || revisions.contains(currentRevision);
    }

    @Override
    public String toString() {
        return any ? "IfMatch[*]" : "IfMatch" + revisions;
    }
}
