package nl.adreszicht.records;

/**
 * The caller may do this kind of thing, but not here: their own registration (separation of duties), an address
 * outside their region. The access log has the refusal already. The message says why, in Dutch, for the
 * professional. A controller answers it 403.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
