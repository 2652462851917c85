package nl.adreszicht.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import nl.adreszicht.records.RecordSource;
import org.junit.jupiter.api.Test;

/** The rules of what a person sees of a record in an inzage export, without Spring. */
class InzageRedactionTest {

    private static final SubjectRecord MELDING = new SubjectRecord(
            RecordSource.VT_MELDING,
            "m1",
            "veilig-thuis-drenthe",
            OffsetDateTime.parse("2026-03-02T10:00:00Z"),
            "Melding Veilig Thuis VT03-2026-000001",
            List.of(new SubjectRecord.Field("Reden van de melding", "Zorgen over het kind.")),
            List.of(
                    new SubjectRecord.Party("melder", "Juf Geheim (onderwijs)", null, false),
                    new SubjectRecord.Party("kind", "Sam", LocalDate.of(2016, 3, 1), true),
                    new SubjectRecord.Party("slachtoffer", "Eva", LocalDate.of(1990, 1, 1), false)));

    @Test
    void theOwnOrganisationsContentAndThePersonStayTheMelderAndOthersAreBlackedOut() {
        InzageRedaction.Shown shown = InzageRedaction.redact(MELDING, Set.of("veilig-thuis-drenthe"));

        assertThat(shown.eigenOrganisatie()).isTrue();
        assertThat(shown.velden())
                .containsExactly(new InzageRedaction.Veld("Reden van de melding", "Zorgen over het kind."));
        assertThat(shown.betrokkenen())
                .containsExactly(
                        new InzageRedaction.Persoon("[afgeschermd]", "[afgeschermd]", null, false),
                        new InzageRedaction.Persoon("kind", "Sam", LocalDate.of(2016, 3, 1), true),
                        new InzageRedaction.Persoon("slachtoffer", "[afgeschermd]", null, false));
        assertThat(shown.toString()).doesNotContain("Juf", "Eva", "onderwijs", "1990");
    }

    @Test
    void anotherOrganisationsRecordShowsOnlyThatItExistsAndWhomToAsk() {
        InzageRedaction.Shown shown = InzageRedaction.redact(MELDING, Set.of("gemeente-hoogeveen"));

        assertThat(shown.eigenOrganisatie()).isFalse();
        assertThat(shown.betrokkenen()).isEmpty();
        assertThat(shown.velden()).hasSize(1);
        assertThat(shown.velden().get(0).waarde()).startsWith("[afgeschermd]").contains("veilig-thuis-drenthe");
        assertThat(shown.toString()).doesNotContain("Zorgen", "Sam", "Juf", "VT03-2026");
        assertThat(shown.bron()).isEqualTo("vt-melding");
    }
}
