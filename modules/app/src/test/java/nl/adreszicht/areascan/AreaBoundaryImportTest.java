package nl.adreszicht.areascan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Importing boundaries from GeoJSON in WGS84 and in RD New, with every bad feature reported and the rest loaded. */
@SpringBootTest
class AreaBoundaryImportTest {

    @Autowired
    AreaBoundaryImport boundaryImport;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void goodFeaturesLoadAndBadOnesAreReportedWithTheirReason() throws Exception {
        Path file = directory.resolve("grenzen.geojson");
        Files.writeString(file, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"statcode": "BU03630101", "statnaam": "Buurt A", "jaar": 2025},
                   "geometry": {"type": "Polygon", "coordinates": [[[4.89, 52.37], [4.90, 52.37], [4.90, 52.38],
                     [4.89, 52.38], [4.89, 52.37]]]}},
                  {"type": "Feature", "properties": {"statcode": "WK036301", "jrstatcode": "2025WK036301"},
                   "geometry": {"type": "MultiPolygon", "coordinates": [[[[121000, 487000], [122000, 487000],
                     [122000, 488000], [121000, 488000], [121000, 487000]]]]}},
                  {"type": "Feature", "properties": {"statcode": "Dam 1", "jaar": 2025},
                   "geometry": {"type": "Polygon", "coordinates": []}},
                  {"type": "Feature", "properties": {"statcode": "BU03630102"},
                   "geometry": {"type": "Polygon", "coordinates": []}},
                  {"type": "Feature", "properties": {"statcode": "BU03630103", "jaar": 2025},
                   "geometry": {"type": "Point", "coordinates": [4.9, 52.37]}},
                  {"type": "Feature", "properties": {"statcode": "BU03630104", "jaar": 2025},
                   "geometry": {"type": "Polygon", "coordinates": [[[4.89, 52.37], [4.90, 52.37], [4.90, 52.38],
                     [4.89, 52.38]]]}},
                  {"type": "Feature", "properties": {"statcode": "BU03630105", "jaar": 2025},
                   "geometry": {"type": "Polygon", "coordinates": [[[2.0, 48.8], [2.1, 48.8], [2.1, 48.9],
                     [2.0, 48.9], [2.0, 48.8]]]}}
                ]}
                """);

        AreaBoundaryImport.Report report = boundaryImport.importFrom(file);

        assertThat(report.features()).isEqualTo(7);
        assertThat(report.loaded()).isEqualTo(2);
        assertThat(report.rejections())
                .extracting(AreaBoundaryImport.Rejection::feature)
                .containsExactly(3, 4, 5, 6, 7);
        assertThat(report.rejections().get(0).reason()).contains("geen geldige CBS-code");
        assertThat(report.rejections().get(1).reason()).contains("geen jaar");
        assertThat(report.rejections().get(2).reason()).contains("geen Polygon of MultiPolygon");
        assertThat(report.rejections().get(3).reason()).contains("niet gesloten");
        assertThat(report.rejections().get(4).reason()).contains("buiten Nederland");
        assertThat(
                        jdbc.queryForMap(
                                "select level, gemeente_code, label, area_year::int as area_year from area_boundary where code = 'BU03630101'"))
                .containsEntry("level", "buurt")
                .containsEntry("gemeente_code", "GM0363")
                .containsEntry("label", "Buurt A")
                .containsEntry("area_year", 2025);
        // The RD square in Amsterdam arrives in WGS84: about 52.37 N, 4.88 E.
        double lat = jdbc.queryForObject(
                "select (geometry -> 'coordinates' -> 0 -> 0 -> 0 ->> 1)::float8 from area_boundary"
                        + " where code = 'WK036301'",
                Double.class);
        double lon = jdbc.queryForObject(
                "select (geometry -> 'coordinates' -> 0 -> 0 -> 0 ->> 0)::float8 from area_boundary"
                        + " where code = 'WK036301'",
                Double.class);
        assertThat(lat).isCloseTo(52.37, within(0.02));
        assertThat(lon).isCloseTo(4.88, within(0.02));

        assertThat(boundaryImport.importFrom(file).loaded())
                .as("again: the same rows")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from area_boundary where gemeente_code = 'GM0363'", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aFileThatIsNoFeatureCollectionIsRefused() throws Exception {
        Path file = directory.resolve("fout.geojson");
        Files.writeString(file, "{\"type\": \"Feature\"}");

        assertThatThrownBy(() -> boundaryImport.importFrom(file)).hasMessageContaining("FeatureCollection");
    }
}
