package nl.adreszicht;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a property against many generated inputs, on plain JUnit Jupiter. The seed differs per run, so every
 * build tries new inputs; a failure names the seed and the input, and {@code -Dproperties.seed=<seed>} replays
 * it. {@code -Dproperties.tries=<n>} sets the number of inputs (default 1000).
 */
public final class PropertyCheck {

    private static final int TRIES = Integer.getInteger("properties.tries", 1000);

    private PropertyCheck() {}

    /** Runs {@code property} for each input that {@code generator} makes; the first failure stops the check. */
    public static <T> void forAll(Function<Random, T> generator, Consumer<T> property) {
        forAll(TRIES, generator, property);
    }

    /**
     * As {@link #forAll(Function, Consumer)} with a number of inputs of its own, for a property whose every input is
     * expensive; {@code -Dproperties.tries} still raises it.
     */
    public static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
        long seed = Long.getLong("properties.seed", ThreadLocalRandom.current().nextLong());
        Random random = new Random(seed);
        int count = Math.max(tries, Integer.getInteger("properties.tries", 0));
        for (int i = 1; i <= count; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "Falsified by input " + i + " of " + count + ", [" + input + "]; replay with -Dproperties.seed="
                                + seed,
                        e);
            }
        }
    }

    /** A string of {@code min} to {@code max} characters, each picked from {@code alphabet}. */
    public static String string(Random random, String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** A string of exactly {@code length} ASCII digits. */
    public static String digits(Random random, int length) {
        return string(random, "0123456789", length, length);
    }

    /** One of {@code choices}, each as likely. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Upper- or lower-cases each ASCII letter at random. */
    public static String mixedCase(Random random, String text) {
        StringBuilder mixed = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            mixed.append(random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return mixed.toString();
    }
}
