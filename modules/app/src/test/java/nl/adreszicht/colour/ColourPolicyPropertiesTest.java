package nl.adreszicht.colour;

import static nl.adreszicht.colour.Records.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import nl.adreszicht.PropertyCheck;
import nl.adreszicht.records.RecordSource;
import nl.adreszicht.records.Severity;
import org.junit.jupiter.api.Test;

/**
 * Properties that must hold for any records, not just the examples: more records never mean a lower colour, order
 * never matters, the colour is the highest rule that fired, stricter thresholds never give a lower colour, and
 * colours only decay as time passes. The generators are skewed towards few, mild records close together about
 * the same persons: merging a police incident with its melding is where these properties could break, and a
 * lowered colour only shows while the address is not red already.
 */
class ColourPolicyPropertiesTest {

    private static final ColourPolicy V1 = Records.V1;

    @Test
    void addingARecordNeverLowersTheColour() {
        PropertyCheck.forAll(r -> new Pair<>(inWindow(r), draftInWindow(r)), input -> {
            List<ColourRecord> more = new ArrayList<>(input.a());
            more.add(input.b().toRecord("extra"));

            assertThat(rank(decide(V1, more, TODAY))).isGreaterThanOrEqualTo(rank(decide(V1, input.a(), TODAY)));
        });
    }

    @Test
    void theOrderOfTheRecordsDoesNotMatter() {
        PropertyCheck.forAll(r -> new Pair<>(inWindow(r), r.nextLong()), input -> {
            List<ColourRecord> shuffled = new ArrayList<>(input.a());
            Collections.shuffle(shuffled, new Random(input.b()));

            assertThat(decide(V1, shuffled, TODAY)).isEqualTo(decide(V1, input.a(), TODAY));
        });
    }

    @Test
    void theColourIsTheHighestRuleThatFired() {
        PropertyCheck.forAll(ColourPolicyPropertiesTest::anyAge, records -> {
            Optional<ColourDecision> decision = decide(V1, records, TODAY);

            assertThat(decision.isPresent()).isEqualTo(!records.isEmpty());
            decision.ifPresent(d -> {
                assertThat(d.firedRules())
                        .allSatisfy(rule -> assertThat(rule.colour()).isLessThanOrEqualTo(d.colour()));
                assertThat(d.firedRules().stream().map(ColourRule::colour).max(Colour::compareTo))
                        .contains(d.colour());
            });
        });
    }

    @Test
    void aStricterVersionNeverGivesALowerColour() {
        PropertyCheck.forAll(r -> new Triple<>(inWindow(r), version(r), version(r)), input -> {
            ColourRulesVersion stricter = stricterOfBoth(input.b(), input.c());
            int strict = rank(decide(new ColourPolicy(stricter), input.a(), TODAY));

            assertThat(strict).isGreaterThanOrEqualTo(rank(decide(new ColourPolicy(input.b()), input.a(), TODAY)));
            assertThat(strict).isGreaterThanOrEqualTo(rank(decide(new ColourPolicy(input.c()), input.a(), TODAY)));
        });
    }

    @Test
    void aVersionStricterThanV1NeverGivesALowerColourThanV1() {
        PropertyCheck.forAll(r -> new Pair<>(inWindow(r), version(r)), input -> {
            ColourPolicy stricter = new ColourPolicy(stricterOfBoth(ColourRulesVersion.v1(), input.b()));

            assertThat(rank(decide(stricter, input.a(), TODAY)))
                    .isGreaterThanOrEqualTo(rank(decide(V1, input.a(), TODAY)));
        });
    }

    @Test
    void coloursOnlyDecayAsTimePasses() {
        PropertyCheck.forAll(r -> new Triple<>(anyAge(r), r.nextInt(501), r.nextInt(501)), input -> {
            LocalDate later = TODAY.plusDays(Math.min(input.b(), input.c()));
            LocalDate evenLater = TODAY.plusDays(Math.max(input.b(), input.c()));

            assertThat(rank(decide(V1, input.a(), evenLater))).isLessThanOrEqualTo(rank(decide(V1, input.a(), later)));
            if (!input.a().isEmpty()) {
                assertThat(decide(V1, input.a(), TODAY.plusYears(2))
                                .orElseThrow()
                                .colour())
                        .isEqualTo(Colour.GREY);
            }
        });
    }

    @Test
    void onlyRecordsInTheWindowCount() {
        PropertyCheck.forAll(ColourPolicyPropertiesTest::anyAge, records -> {
            LocalDate windowStart = TODAY.minusMonths(12);
            Set<String> inWindow = Set.copyOf(records.stream()
                    .filter(r -> r.date().isAfter(windowStart) && !r.date().isAfter(TODAY))
                    .map(ColourRecord::id)
                    .toList());

            decide(V1, records, TODAY).ifPresent(d -> assertThat(inWindow).containsAll(d.countedRecordIds()));
        });
    }

    // Generators: plain functions of a Random, skewed as described above.

    record Pair<A, B>(A a, B b) {}

    record Triple<A, B, C>(A a, B b, C c) {}

    static List<ColourRecord> inWindow(Random random) {
        return withIds(random, ColourPolicyPropertiesTest::draftInWindow);
    }

    static List<ColourRecord> anyAge(Random random) {
        return withIds(random, r -> draft(r, days(r, 500)));
    }

    static Draft draftInWindow(Random random) {
        // Today minus 12 months is 365 days back from TODAY: 364 is the oldest day still in the window.
        return draft(random, days(random, 364));
    }

    /** Valid versions: every threshold at or above its minimum, each higher colour above the lower one. */
    static ColourRulesVersion version(Random random) {
        int[] d = IntStream.range(0, 9).map(i -> random.nextInt(4)).toArray();
        int yellow = 2 + d[0];
        int yellowChildren = 1 + d[2];
        int orange = yellow + 1 + d[3];
        int orangeS3 = 1 + d[5];
        return ColourRulesVersionTest.version(
                "gen",
                yellow,
                1 + d[1],
                yellowChildren,
                orange,
                yellowChildren + 1 + d[4],
                orangeS3,
                orange + 1 + d[6],
                1 + d[7],
                orangeS3 + 1 + d[8]);
    }

    /** Mostly within a few days of each other, so that incidents and meldingen meet; sometimes anywhere. */
    private static int days(Random random, int oldest) {
        return random.nextInt(10) < 7 ? random.nextInt(3) : random.nextInt(oldest + 1);
    }

    private static Draft draft(Random random, int daysAgo) {
        RecordSource source = weighted(
                random,
                new int[] {3, 3, 1, 1, 1},
                RecordSource.POLITIE_INCIDENT,
                RecordSource.VT_MELDING,
                RecordSource.VT_ADVIES,
                RecordSource.GEMEENTE_SIGNAAL,
                RecordSource.HUISVERBOD);
        Severity severity = weighted(random, new int[] {6, 3, 1}, Severity.S1, Severity.S2, Severity.S3);
        return new Draft(
                source,
                daysAgo,
                severity,
                random.nextInt(10) < 3,
                rarely(random),
                rarely(random),
                rarely(random),
                persons(random));
    }

    /** Mostly one family, so that the same persons recur; sometimes others, sometimes nobody known. */
    private static Set<String> persons(Random random) {
        return weighted(random, new int[] {6, 2, 2}, Set.of("x"), Set.of("x", "y"), Set.<String>of());
    }

    private static boolean rarely(Random random) {
        return random.nextInt(20) == 0;
    }

    @SafeVarargs
    private static <T> T weighted(Random random, int[] weights, T... values) {
        int pick = random.nextInt(IntStream.of(weights).sum());
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not cover the values");
    }

    private static List<ColourRecord> withIds(Random random, Function<Random, Draft> drafts) {
        int size = random.nextInt(7);
        List<ColourRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(drafts.apply(random).toRecord("r" + i));
        }
        return records;
    }

    /** The componentwise lowest thresholds of two valid versions: valid again, and at least as strict as both. */
    private static ColourRulesVersion stricterOfBoth(ColourRulesVersion a, ColourRulesVersion b) {
        return ColourRulesVersionTest.version(
                "stricter",
                Math.min(a.yellowIncidents(), b.yellowIncidents()),
                Math.min(a.yellowIncidentsAtS2(), b.yellowIncidentsAtS2()),
                Math.min(a.yellowIncidentsWithChildren(), b.yellowIncidentsWithChildren()),
                Math.min(a.orangeIncidents(), b.orangeIncidents()),
                Math.min(a.orangeIncidentsWithChildren(), b.orangeIncidentsWithChildren()),
                Math.min(a.orangeIncidentsAtS3(), b.orangeIncidentsAtS3()),
                Math.min(a.redIncidents(), b.redIncidents()),
                Math.min(a.redS3IncidentsWithChildren(), b.redS3IncidentsWithChildren()),
                Math.min(a.redIncidentsWithAnS3(), b.redIncidentsWithAnS3()));
    }

    private static Optional<ColourDecision> decide(ColourPolicy policy, List<ColourRecord> records, LocalDate today) {
        return policy.decide(records, List.of(), today);
    }

    /** No colour ranks below grey. */
    private static int rank(Optional<ColourDecision> decision) {
        return decision.map(d -> d.colour().ordinal()).orElse(-1);
    }

    record Draft(
            RecordSource source,
            int daysAgo,
            Severity severity,
            boolean children,
            boolean imposed,
            boolean broken,
            boolean acute,
            Set<String> persons) {

        ColourRecord toRecord(String id) {
            return new ColourRecord(
                    id, source, TODAY.minusDays(daysAgo), severity, children, imposed, broken, acute, persons, "org");
        }
    }
}
