package nl.adreszicht.records;

/**
 * A request that cannot be answered as asked, with no single field to blame (a period that does not start on a
 * quarter, a level that does not exist). Nothing was changed. The message says what is wrong, in Dutch. A
 * controller answers it 400.
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
