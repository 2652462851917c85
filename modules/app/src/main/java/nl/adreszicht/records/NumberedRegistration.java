package nl.adreszicht.records;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A registration that an organisation identifies by its own registration number, unique per organisation, so that a
 * system that sends it again (after a lost answer, or twice at once) never creates a duplicate: the same content again
 * answers the record stored before, other content under a number in use is refused. Run it inside the registration's
 * transaction; {@code insert} must store nothing when the number exists (e.g. {@code ON CONFLICT DO NOTHING}, which
 * also waits for a parallel registration of the same number).
 *
 * @param record the stored record: the new one, or the one stored before under its number
 * @param created whether this call stored it
 */
public record NumberedRegistration<R>(R record, boolean created) {

    /**
     * Stores {@code record}, or finds the one stored before under its number.
     *
     * @param insert stores the record unless its number is in use; true when it stored it
     * @param earlier the record stored before under the same number
     * @param contentHash the content hash of a record ({@link ContentHash})
     * @param conflict why a number in use with other content is refused, in Dutch
     * @throws ConflictException when the number is in use with other content
     */
    public static <R> NumberedRegistration<R> register(
            R record, Predicate<R> insert, Supplier<R> earlier, Function<R, String> contentHash, String conflict) {
        if (insert.test(record)) {
            return new NumberedRegistration<>(record, true);
        }
        R stored = earlier.get();
        if (!contentHash.apply(stored).equals(contentHash.apply(record))) {
            throw new ConflictException(conflict);
        }
        return new NumberedRegistration<>(stored, false);
    }

    /**
     * The same, and {@code whenCreated} gets the record if this call stored it (to publish its {@link RecordStored} in
     * the registration's transaction); not the one stored before.
     */
    public static <R> NumberedRegistration<R> register(
            R record,
            Predicate<R> insert,
            Supplier<R> earlier,
            Function<R, String> contentHash,
            String conflict,
            Consumer<R> whenCreated) {
        NumberedRegistration<R> registration = register(record, insert, earlier, contentHash, conflict);
        if (registration.created()) {
            whenCreated.accept(registration.record());
        }
        return registration;
    }

    /** This registration with its record turned into what the caller answers; {@code as} learns if it was created. */
    public <T> NumberedRegistration<T> map(BiFunction<R, Boolean, T> as) {
        return new NumberedRegistration<>(as.apply(record, created), created);
    }
}
