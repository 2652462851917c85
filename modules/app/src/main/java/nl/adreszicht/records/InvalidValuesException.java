package nl.adreszicht.records;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Several invalid values at once, so that a form or an API client hears about every wrong field in one answer
 * rather than one per attempt. Collect with {@link #collect}, then {@link #throwIfAny}.
 */
public class InvalidValuesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<InvalidValueException> errors;

    public InvalidValuesException(List<InvalidValueException> errors) {
        super(errors.size() + " invalid values");
        this.errors = List.copyOf(errors);
    }

    public List<InvalidValueException> errors() {
        return errors;
    }

    /** Collects the invalid values of several parses. */
    public static final class Collector {
        private final List<InvalidValueException> errors = new ArrayList<>();

        /** The parsed value, or null when it was invalid (the error is kept). */
        public <T> T collect(Supplier<T> parse) {
            try {
                return parse.get();
            } catch (InvalidValueException invalid) {
                errors.add(invalid);
                return null;
            }
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidValuesException(errors);
            }
        }
    }
}
