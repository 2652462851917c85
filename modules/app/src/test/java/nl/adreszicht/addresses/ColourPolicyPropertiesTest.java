package nl.adreszicht.addresses;

import static nl.adreszicht.addresses.Records.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties that must hold for any records, not just the examples: more records never mean a lower colour, order
 * never matters, the colour is the highest rule that fired, stricter thresholds never give a lower colour, and
 * colours only decay as time passes. The generators are skewed towards few, mild records close together about
 * the same persons: merging a police incident with its melding is where these properties could break, and a
 * lowered colour only shows while the address is not red already.
 */
class ColourPolicyPropertiesTest {

    private static final ColourPolicy V1 = Records.V1;

    @Property(tries = 5000)
    void addingARecordNeverLowersTheColour(
            @ForAll("inWindow") List<ColourRecord> records, @ForAll("draftInWindow") Draft extra) {
        List<ColourRecord> more = new ArrayList<>(records);
        more.add(extra.toRecord("extra"));

        assertThat(rank(decide(V1, more, TODAY))).isGreaterThanOrEqualTo(rank(decide(V1, records, TODAY)));
    }

    @Property
    void theOrderOfTheRecordsDoesNotMatter(@ForAll("inWindow") List<ColourRecord> records, @ForAll Random random) {
        List<ColourRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);

        assertThat(decide(V1, shuffled, TODAY)).isEqualTo(decide(V1, records, TODAY));
    }

    @Property
    void theColourIsTheHighestRuleThatFired(@ForAll("anyAge") List<ColourRecord> records) {
        Optional<ColourDecision> decision = decide(V1, records, TODAY);

        assertThat(decision.isPresent()).isEqualTo(!records.isEmpty());
        decision.ifPresent(d -> {
            assertThat(d.firedRules())
                    .allSatisfy(rule -> assertThat(rule.colour()).isLessThanOrEqualTo(d.colour()));
            assertThat(d.firedRules().stream().map(ColourRule::colour).max(Colour::compareTo))
                    .contains(d.colour());
        });
    }

    @Property
    void aStricterVersionNeverGivesALowerColour(
            @ForAll("inWindow") List<ColourRecord> records,
            @ForAll("versions") ColourRulesVersion a,
            @ForAll("versions") ColourRulesVersion b) {
        ColourRulesVersion stricter = stricterOfBoth(a, b);
        int strict = rank(decide(new ColourPolicy(stricter), records, TODAY));

        assertThat(strict).isGreaterThanOrEqualTo(rank(decide(new ColourPolicy(a), records, TODAY)));
        assertThat(strict).isGreaterThanOrEqualTo(rank(decide(new ColourPolicy(b), records, TODAY)));
    }

    @Property
    void aVersionStricterThanV1NeverGivesALowerColourThanV1(
            @ForAll("inWindow") List<ColourRecord> records, @ForAll("versions") ColourRulesVersion other) {
        ColourPolicy stricter = new ColourPolicy(stricterOfBoth(ColourRulesVersion.v1(), other));

        assertThat(rank(decide(stricter, records, TODAY))).isGreaterThanOrEqualTo(rank(decide(V1, records, TODAY)));
    }

    @Property(tries = 5000)
    void coloursOnlyDecayAsTimePasses(
            @ForAll("anyAge") List<ColourRecord> records,
            @ForAll @IntRange(max = 500) int laterDays,
            @ForAll @IntRange(max = 500) int evenLaterDays) {
        LocalDate later = TODAY.plusDays(Math.min(laterDays, evenLaterDays));
        LocalDate evenLater = TODAY.plusDays(Math.max(laterDays, evenLaterDays));

        assertThat(rank(decide(V1, records, evenLater))).isLessThanOrEqualTo(rank(decide(V1, records, later)));
        if (!records.isEmpty()) {
            assertThat(decide(V1, records, TODAY.plusYears(2)).orElseThrow().colour())
                    .isEqualTo(Colour.GREY);
        }
    }

    @Property
    void onlyRecordsInTheWindowCount(@ForAll("anyAge") List<ColourRecord> records) {
        LocalDate windowStart = TODAY.minusMonths(12);
        Set<String> inWindow = Set.copyOf(records.stream()
                .filter(r -> r.date().isAfter(windowStart) && !r.date().isAfter(TODAY))
                .map(ColourRecord::id)
                .toList());

        decide(V1, records, TODAY).ifPresent(d -> assertThat(inWindow).containsAll(d.countedRecordIds()));
    }

    // Generators

    @Provide
    Arbitrary<List<ColourRecord>> inWindow() {
        return withIds(draftInWindow());
    }

    @Provide
    Arbitrary<List<ColourRecord>> anyAge() {
        return withIds(drafts(days(500)));
    }

    @Provide
    Arbitrary<Draft> draftInWindow() {
        // Today minus 12 months is 365 days back from TODAY: 364 is the oldest day still in the window.
        return drafts(days(364));
    }

    /** Valid versions: every threshold at or above its minimum, each higher colour above the lower one. */
    @Provide
    Arbitrary<ColourRulesVersion> versions() {
        return Arbitraries.integers().between(0, 3).list().ofSize(9).map(d -> {
            int yellow = 2 + d.get(0);
            int yellowChildren = 1 + d.get(2);
            int orange = yellow + 1 + d.get(3);
            int orangeS3 = 1 + d.get(5);
            return ColourRulesVersionTest.version(
                    "gen",
                    yellow,
                    1 + d.get(1),
                    yellowChildren,
                    orange,
                    yellowChildren + 1 + d.get(4),
                    orangeS3,
                    orange + 1 + d.get(6),
                    1 + d.get(7),
                    orangeS3 + 1 + d.get(8));
        });
    }

    /** Mostly within a few days of each other, so that incidents and meldingen meet; sometimes anywhere. */
    private static Arbitrary<Integer> days(int oldest) {
        return Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.integers().between(0, 2)),
                Tuple.of(3, Arbitraries.integers().between(0, oldest)));
    }

    private static Arbitrary<Draft> drafts(Arbitrary<Integer> daysAgo) {
        return Combinators.combine(
                        Arbitraries.frequency(
                                Tuple.of(3, RecordSource.POLITIE_INCIDENT),
                                Tuple.of(3, RecordSource.VT_MELDING),
                                Tuple.of(1, RecordSource.VT_ADVIES),
                                Tuple.of(1, RecordSource.GEMEENTE_SIGNAAL),
                                Tuple.of(1, RecordSource.HUISVERBOD)),
                        daysAgo,
                        Arbitraries.frequency(
                                Tuple.of(6, Severity.S1), Tuple.of(3, Severity.S2), Tuple.of(1, Severity.S3)),
                        Arbitraries.frequency(Tuple.of(7, false), Tuple.of(3, true)),
                        rarely(),
                        rarely(),
                        rarely(),
                        persons())
                .as(Draft::new);
    }

    /** Mostly one family, so that the same persons recur; sometimes others, sometimes nobody known. */
    private static Arbitrary<Set<String>> persons() {
        return Arbitraries.frequency(
                Tuple.of(6, Set.of("x")), Tuple.of(2, Set.of("x", "y")), Tuple.of(2, Set.<String>of()));
    }

    private static Arbitrary<Boolean> rarely() {
        return Arbitraries.frequency(Tuple.of(19, false), Tuple.of(1, true));
    }

    private static Arbitrary<List<ColourRecord>> withIds(Arbitrary<Draft> drafts) {
        return drafts.list()
                .ofMaxSize(6)
                .map(list -> IntStream.range(0, list.size())
                        .mapToObj(i -> list.get(i).toRecord("r" + i))
                        .toList());
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
                    id, source, TODAY.minusDays(daysAgo), severity, children, imposed, broken, acute, persons);
        }
    }
}
