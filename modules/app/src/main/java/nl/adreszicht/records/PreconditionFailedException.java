package nl.adreszicht.records;

/**
 * The client's {@code If-Match} names a revision the resource no longer has: someone changed it since the client read
 * it. Nothing was changed. A controller answers it 412; the client reads the resource again and decides.
 */
public class PreconditionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message) {
        super(message);
    }
}
