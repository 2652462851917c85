package nl.adreszicht.records;

/**
 * What was asked for is not there, or lies outside the caller's scope: the caller is not told which (that would
 * say something about records they may not see). The message is Dutch, for the professional; it names no record,
 * address or person. A controller answers it 404.
 */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
