package nl.adreszicht.codelists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The code list as Liquibase loads it into a real PostgreSQL. */
@JdbcTest
@Import(ViolenceTypes.class)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ViolenceTypesTest {

    @Autowired
    ViolenceTypes violenceTypes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void holdsTheUnionOfPoliceAndVeiligThuisCategoriesInOrder() {
        assertThat(violenceTypes.inOrder())
                .extracting(ViolenceType::code)
                .startsWith("partnergeweld", "ex-partnergeweld", "kindermishandeling-lichamelijk")
                .contains("eergerelateerd-geweld", "huwelijksdwang", "stalking-belaging")
                .hasSize(14);
    }

    @Test
    void kindermishandelingSubtypesShareTheirGroup() {
        assertThat(violenceTypes.inOrder())
                .filteredOn(type -> type.code().startsWith("kindermishandeling-"))
                .extracting(ViolenceType::groupCode)
                .hasSize(5)
                .containsOnly("kindermishandeling");
    }

    @Test
    void labelsExistInDutchAndEnglish() {
        ViolenceType type = violenceTypes.find("huwelijksdwang").orElseThrow();

        assertThat(type.label(Locale.forLanguageTag("nl"))).isEqualTo("Huwelijksdwang");
        assertThat(type.label(Locale.ENGLISH)).isEqualTo("Forced marriage");
        assertThat(type.isValidOn(LocalDate.of(2026, 11, 25))).isTrue();
        assertThat(type.isValidOn(LocalDate.of(2009, 12, 31))).isFalse();
    }

    @Test
    void knownAndFindAnswerFromTheListReadOnce() {
        assertThat(violenceTypes.known(List.of("partnergeweld", "Partnergeweld", "bestaat-niet", "stalking-belaging")))
                .containsExactlyInAnyOrder("partnergeweld", "stalking-belaging");
        assertThat(violenceTypes.known(List.of())).isEmpty();
        assertThat(violenceTypes.find("bestaat-niet")).isEmpty();
        assertThat(violenceTypes.inOrder()).as("kept, not read again").isSameAs(violenceTypes.inOrder());
    }

    @Test
    void theDatabaseRefusesMalformedCodes() {
        assertThatThrownBy(() -> new JdbcTemplate(postgres.getPostgresDatabase())
                        .update("insert into violence_type (code, label_nl, label_en, sort_order, valid_from)"
                                + " values ('Bad Code', 'x', 'x', 1, date '2026-01-01')"))
                .hasStackTraceContaining("violence_type_code_format");
    }
}
