package nl.adreszicht.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import nl.adreszicht.PropertyCheck;
import nl.adreszicht.persons.Bsn;
import nl.adreszicht.records.AddressId;
import nl.adreszicht.records.Severity;
import org.junit.jupiter.api.Test;

/**
 * The content hash that tells an identical resubmission from other content under the same registration number:
 * equal content gives an equal hash, and changing any one field changes it.
 */
class ContentHashPropertiesTest {

    private static final String TEXT = "abcXYZ 0123;:-|/é";
    private static final List<String> CODES = List.of("partnergeweld", "stalking-belaging", "huwelijksdwang");
    private static final List<Bsn> BSNS = List.of(new Bsn("111222333"), new Bsn("123456782"));

    @Test
    void equalContentGivesAnEqualHashOfSixtyFourHexDigits() {
        PropertyCheck.forAll(ContentHashPropertiesTest::incident, incident -> {
            NewIncident copy = new NewIncident(
                    incident.registrationNumber(),
                    incident.occurredAt(),
                    incident.zone(),
                    incident.address(),
                    reinserted(incident.violenceTypes()),
                    incident.severity(),
                    incident.childrenPresent(),
                    incident.injury(),
                    incident.weapon(),
                    incident.alcoholDrugs(),
                    incident.aangifte(),
                    incident.huisverbodImposed(),
                    incident.huisverbodBroken(),
                    incident.summary(),
                    List.copyOf(incident.persons()));

            assertThat(copy.contentHash()).isEqualTo(incident.contentHash()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void changingAnyOneFieldChangesTheHash() {
        List<UnaryOperator<NewIncident>> changes = List.of(
                i -> with(i, 0, i.registrationNumber() + "1"),
                i -> with(i, 1, i.occurredAt().plusSeconds(1)),
                i -> with(i, 2, i.zone().getId().equals("UTC") ? ZoneId.of("Europe/Amsterdam") : ZoneId.of("UTC")),
                i -> with(i, 3, new AddressId(UUID.randomUUID())),
                i -> with(i, 5, i.severity() == Severity.S1 ? Severity.S2 : Severity.S1),
                i -> with(i, 6, !i.childrenPresent()),
                i -> with(i, 7, !i.injury()),
                i -> with(i, 8, !i.weapon()),
                i -> with(i, 9, !i.alcoholDrugs()),
                i -> with(i, 10, !i.aangifte()),
                i -> with(i, 11, !i.huisverbodImposed()),
                i -> with(i, 12, !i.huisverbodBroken()),
                i -> with(i, 13, i.summary() == null ? "" : i.summary() + "x"),
                i -> {
                    List<NewIncident.Person> persons = new ArrayList<>(i.persons());
                    persons.add(new NewIncident.Person("getuige", null, "Extra", null, null));
                    return with(i, 14, persons);
                },
                i -> {
                    TreeSet<String> types = new TreeSet<>(i.violenceTypes());
                    if (!types.add("eergerelateerd-geweld")) {
                        types.remove("eergerelateerd-geweld");
                    }
                    return with(i, 4, types);
                });
        PropertyCheck.forAll(random -> new Object[] {incident(random), random.nextInt(changes.size())}, input -> {
            NewIncident incident = (NewIncident) input[0];
            NewIncident changed = changes.get((int) input[1]).apply(incident);

            assertThat(changed.contentHash()).as("change " + input[1]).isNotEqualTo(incident.contentHash());
        });
    }

    @Test
    void fieldBoundariesCannotShiftBetweenPersons() {
        NewIncident one = incidentWith(List.of(
                new NewIncident.Person("kind", null, "a;b", null, null),
                new NewIncident.Person("kind", null, "c", null, null)));
        NewIncident other = incidentWith(List.of(
                new NewIncident.Person("kind", null, "a", null, null),
                new NewIncident.Person("kind", null, "b;c", null, null)));

        assertThat(one.contentHash()).isNotEqualTo(other.contentHash());
    }

    /** The same codes, added in the opposite order. */
    private static TreeSet<String> reinserted(java.util.SortedSet<String> codes) {
        List<String> reversed = new ArrayList<>(codes);
        java.util.Collections.reverse(reversed);
        return new TreeSet<>(reversed);
    }

    private static NewIncident incidentWith(List<NewIncident.Person> persons) {
        return with(incident(new Random(7)), 14, persons);
    }

    private static NewIncident incident(Random random) {
        List<NewIncident.Person> persons = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            persons.add(new NewIncident.Person(
                    PropertyCheck.oneOf(random, "slachtoffer", "pleger", "getuige", "kind", "melder"),
                    random.nextBoolean() ? null : PropertyCheck.oneOf(random, "partner", "ex-partner"),
                    PropertyCheck.string(random, TEXT, 1, 20),
                    random.nextBoolean() ? null : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(25_000)),
                    random.nextBoolean() ? null : PropertyCheck.oneOf(random, BSNS.toArray(Bsn[]::new))));
        }
        TreeSet<String> types = new TreeSet<>();
        types.add(PropertyCheck.oneOf(random, CODES.toArray(String[]::new)));
        if (random.nextBoolean()) {
            types.add(PropertyCheck.oneOf(random, CODES.toArray(String[]::new)));
        }
        return new NewIncident(
                PropertyCheck.string(random, "ABC0123-/", 1, 40),
                Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)),
                random.nextBoolean() ? ZoneId.of("Europe/Amsterdam") : ZoneId.of("UTC"),
                new AddressId(new UUID(random.nextLong(), random.nextLong())),
                types,
                PropertyCheck.oneOf(random, Severity.values()),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean(),
                random.nextBoolean() ? null : PropertyCheck.string(random, TEXT, 0, 50),
                persons);
    }

    /** The incident with component {@code index} replaced. */
    @SuppressWarnings("unchecked")
    private static NewIncident with(NewIncident i, int index, Object value) {
        Object[] c = {
            i.registrationNumber(), i.occurredAt(), i.zone(), i.address(), i.violenceTypes(), i.severity(),
            i.childrenPresent(), i.injury(), i.weapon(), i.alcoholDrugs(), i.aangifte(), i.huisverbodImposed(),
            i.huisverbodBroken(), i.summary(), i.persons()
        };
        c[index] = value;
        return new NewIncident(
                (String) c[0],
                (Instant) c[1],
                (ZoneId) c[2],
                (AddressId) c[3],
                (java.util.SortedSet<String>) c[4],
                (Severity) c[5],
                (boolean) c[6],
                (boolean) c[7],
                (boolean) c[8],
                (boolean) c[9],
                (boolean) c[10],
                (boolean) c[11],
                (boolean) c[12],
                (String) c[13],
                (List<NewIncident.Person>) c[14]);
    }
}
