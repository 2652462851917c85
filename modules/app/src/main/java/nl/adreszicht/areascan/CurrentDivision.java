package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.adreszicht.areascan.AreaSuccession.CodeChange;

/**
 * Rule {@value #VERSION}: how a count made under an older CBS division is shown in the latest one.
 *
 * <ol>
 *   <li>A change of year {@code Y} says that {@code old} was valid up to {@code Y - 1} and that its area lies in
 *       {@code new} from {@code Y} on. A count of year {@code A < Y} under {@code old} moves to {@code new}.
 *   <li>When an old code was split over several new codes, it moves whole to the one that received the largest share
 *       of its addresses (equal shares or none given: the lowest code). Counts are never divided: a fraction of a
 *       count could not be protected by the disclosure rules, and the largest part is where most of it happened.
 *   <li>Changes are followed year after year until the latest division: a buurt of 2019 renamed in 2020 and merged in
 *       2022 counts under its 2022 code.
 *   <li>A code that no change names keeps its code. The rule works per level (gemeente, wijk, buurt); a buurt whose
 *       gemeente merged but that has no change of its own stays under its old code, which the latest division does not
 *       know, so the scan shows it under "onbekend" while the gemeente's total still includes it.
 * </ol>
 */
final class CurrentDivision {

    static final String VERSION = "indeling-v1";

    private CurrentDivision() {}

    /** One derived row: counts under {@code oldCode} of years up to {@code validUntil} belong to {@code current}. */
    record Successor(String oldCode, int validUntil, String current) {}

    static List<Successor> successors(List<CodeChange> changes) {
        // Per old code and year: the one new code it moves to (rule 2).
        Map<String, TreeMap<Integer, CodeChange>> byCode = new HashMap<>();
        Comparator<CodeChange> larger = Comparator.comparingDouble(
                        (CodeChange change) -> change.share() == null ? 0 : change.share())
                .reversed()
                .thenComparing(CodeChange::newCode);
        for (CodeChange change : changes) {
            byCode.computeIfAbsent(change.oldCode(), c -> new TreeMap<>())
                    .merge(change.year(), change, (a, b) -> larger.compare(a, b) <= 0 ? a : b);
        }
        List<Successor> successors = new ArrayList<>();
        for (var entry : byCode.entrySet()) {
            for (CodeChange change : entry.getValue().values()) {
                successors.add(new Successor(
                        change.oldCode(), change.year() - 1, follow(byCode, change.newCode(), change.year(), 0)));
            }
        }
        successors.sort(Comparator.comparing(Successor::oldCode).thenComparing(Successor::validUntil));
        return successors;
    }

    /** The code {@code code} (valid from {@code year}) has in the latest division (rule 3). */
    private static String follow(Map<String, TreeMap<Integer, CodeChange>> byCode, String code, int year, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("De codewijzigingen vormen een kring bij " + code);
        }
        TreeMap<Integer, CodeChange> later = byCode.get(code);
        if (later == null) {
            return code;
        }
        var next = later.higherEntry(year);
        return next == null ? code : follow(byCode, next.getValue().newCode(), next.getKey(), depth + 1);
    }
}
