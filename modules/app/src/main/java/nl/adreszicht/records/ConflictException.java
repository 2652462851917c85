package nl.adreszicht.records;

/**
 * The request contradicts the state of what it is about: a registration number reused with other content, a
 * zorgmelding taken in before, a step the Handelingsprotocol does not allow here, a review already given. Nothing
 * was changed. The message says why, in Dutch, for the professional. A controller answers it 409.
 */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
