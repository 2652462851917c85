package nl.adreszicht.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The reference-data import on PostgreSQL: good rows load, bad rows are reported, and importing again changes nothing. */
@SpringBootTest
class AddressImportTest {

    @Autowired
    AddressImport addressImport;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void goodRowsLoadAndBadRowsAreReportedWithLineAndReason() throws Exception {
        Path file = csv(
                "0118200000099001;7931 ab;1;;;Kerkstraat;Hollandscheveld;GM0118;WK011807;BU01180701;2026",
                "0118200000099002;7931AB;2;a;bis;Kerkstraat;Hollandscheveld;GM0118;WK011807;BU01180701;2026",
                "0118200000099003;0931AB;3;;;Kerkstraat;Hollandscheveld;GM0118;WK011807;BU01180701;2026",
                "0118200000099004;7931AB;4;;;Kerkstraat;Hollandscheveld;GM0118;WK019907;BU01990701;2026",
                "0118010000099005;7931AB;5;;;Kerkstraat;Hollandscheveld;GM0118;;;",
                "0118200000099006;7931AB;zes;;;Kerkstraat;Hollandscheveld;GM0118;;;",
                "te weinig;velden",
                "",
                ";7931AC;1;;;Dorpsweg;Hollandscheveld;GM0118;;;");

        AddressImport.Report report = addressImport.importFrom(file, line -> {});

        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.written()).isEqualTo(3);
        assertThat(report.rejections())
                .extracting(AddressImport.Rejection::line)
                .containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(report.rejections().get(0).reason()).startsWith("postcode: ");
        assertThat(report.rejections().get(1).reason()).startsWith("wijkCode: ");
        assertThat(report.rejections().get(2).reason()).startsWith("nummeraanduidingId: ");
        assertThat(report.rejections().get(3).reason()).startsWith("huisnummer: ");
        assertThat(report.rejections().get(4).reason()).contains("11 velden");
        assertThat(jdbc.queryForObject(
                        "select straat || ' ' || huisnummer || huisletter || '-' || toevoeging from address"
                                + " where nummeraanduiding_id = '0118200000099002'",
                        String.class))
                .isEqualTo("Kerkstraat 2A-BIS");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws Exception {
        Path file = csv(
                "0118200000088001;7932AB;1;;;Hoofdweg;Elim;GM0118;WK011806;BU01180601;2026",
                "0118200000088002;7932AB;2;;;Hoofdweg;Elim;GM0118;WK011806;BU01180601;2026");
        addressImport.importFrom(file, line -> {});
        String before = snapshot();

        AddressImport.Report again = addressImport.importFrom(file, line -> {});

        assertThat(again.written()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aChangedRowIsUpdatedUnderTheSameId() throws Exception {
        addressImport.importFrom(csv("0118200000077001;7933AB;1;;;Oudeweg;Elim;GM0118;;;"), line -> {});
        String id = jdbc.queryForObject(
                "select id::text from address where nummeraanduiding_id = '0118200000077001'", String.class);

        AddressImport.Report report =
                addressImport.importFrom(csv("0118200000077001;7933AB;1;;;Nieuweweg;Elim;GM0118;;;"), line -> {});

        assertThat(report.written()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select straat from address where id = ?::uuid", String.class, id))
                .isEqualTo("Nieuweweg");
    }

    @Test
    void aSecondAddressWithTheSameDesignationIsRejectedAndTheRestLoads() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("0118200000066001;7934AB;1;;;Zandweg;Elim;GM0118;;;");
        rows.add("0118200000066002;7934AB;1;;;Zandweg;Elim;GM0118;;;");
        rows.add("0118200000066003;7934AB;2;;;Zandweg;Elim;GM0118;;;");

        AddressImport.Report report = addressImport.importFrom(csv(rows.toArray(String[]::new)), line -> {});

        assertThat(report.written()).isEqualTo(2);
        assertThat(report.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(3));
    }

    /**
     * Issue 10, gap 1: the id of an address was the MD5 name-based UUID of its BAG id (or designation), so anyone
     * could compute it and recognise the address in a URL, a proxy log or the access log. Ids are now random.
     */
    @Test
    void anImportedAddressGetsARandomIdThatNothingAboutTheAddressPredicts() throws Exception {
        addressImport.importFrom(
                csv("0118200000044001;7937AB;1;;;Ruiterweg;Elim;GM0118;;;", ";7937AC;3;;;Ruiterweg;Elim;GM0118;;;"),
                line -> {});

        UUID withBagId = jdbc.queryForObject(
                "select id from address where nummeraanduiding_id = '0118200000044001'", UUID.class);
        UUID withoutBagId =
                jdbc.queryForObject("select id from address where postcode = '7937AC' and huisnummer = 3", UUID.class);

        assertThat(withBagId)
                .isNotEqualTo(UUID.nameUUIDFromBytes("adres:0118200000044001".getBytes(StandardCharsets.UTF_8)));
        assertThat(withoutBagId)
                .isNotEqualTo(UUID.nameUUIDFromBytes("adres:7937AC-3".getBytes(StandardCharsets.UTF_8)));
        assertThat(List.of(withBagId.version(), withoutBagId.version()))
                .as("random (version 4) UUIDs")
                .containsOnly(4);
    }

    @Test
    void anAddressImportedAgainKeepsItsRandomIdWithOrWithoutBagId() throws Exception {
        Path file = csv("0118200000033001;7938AB;1;;;Veldweg;Elim;GM0118;;;", ";7938AC;7;b;;Veldweg;Elim;GM0118;;;");
        addressImport.importFrom(file, line -> {});
        List<String> before = jdbc.queryForList(
                "select id::text from address where postcode in ('7938AB', '7938AC') order by postcode", String.class);

        AddressImport.Report again = addressImport.importFrom(file, line -> {});

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "select id::text from address where postcode in ('7938AB', '7938AC') order by postcode",
                        String.class))
                .hasSize(2)
                .isEqualTo(before);
    }

    @Test
    void progressIsReportedForLargeFiles() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add(String.format("01182000005%05d;7935AB;%d;;;Langeweg;Elim;GM0118;;;", i, i));
        }
        List<String> progress = new ArrayList<>();

        AddressImport.Report report = addressImport.importFrom(csv(rows.toArray(String[]::new)), progress::add);

        assertThat(report.written()).isEqualTo(10_000);
        assertThat(progress).containsExactly("10000 regels gelezen, 0 afgewezen");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedWhole() throws Exception {
        Path file = directory.resolve("geen-kop.csv");
        Files.writeString(file, "0118200000055001;7936AB;1;;;Weg;Elim;GM0118;;;\n");

        assertThatThrownBy(() -> addressImport.importFrom(file, line -> {})).hasMessageContaining("kopregel");
    }

    private String snapshot() {
        return jdbc.queryForList(
                        "select id::text || straat || postcode || huisnummer from address where postcode = '7932AB'"
                                + " order by huisnummer",
                        String.class)
                .toString();
    }

    private Path csv(String... rows) throws Exception {
        Path file = Files.createTempFile(directory, "adressen", ".csv");
        Files.writeString(file, AddressImport.HEADER + "\n" + String.join("\n", rows) + "\n");
        return file;
    }
}
