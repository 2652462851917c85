package nl.adreszicht.registers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Packs the hand-written fixture files (src/test/resources/registers) the way the Kadaster and CBS publish them: the
 * BAG extract as a zip of per-type zips, the CBS map as a GeoPackage with the layers gemeenten, wijken and buurten.
 */
final class Fixtures {

    private Fixtures() {}

    static byte[] resource(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/registers/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    /** {@code lvbag-extract-nl.zip}: the Leveringsdocument, the GEM-WPL zip and one zip per object type. */
    static Path fullExtract(Path dir) throws IOException {
        Path zip = dir.resolve("lvbag-extract-nl-08112025.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "Leveringsdocument-BAG-Extract.xml", resource("bag/Leveringsdocument-BAG-Extract.xml"));
            entry(
                    out,
                    "GEM-WPL-RELATIE-08112025.zip",
                    inner(Map.of("GEM-WPL-RELATIE-08112025-000001.xml", resource("bag/GEM-WPL-RELATIE-08112025.xml"))));
            for (String type : List.of("WPL", "OPR", "NUM", "VBO", "LIG")) {
                String name = "9999" + type + "08112025";
                entry(out, name + ".zip", inner(Map.of(name + "-000001.xml", resource("bag/" + name + "-000001.xml"))));
            }
            // Published beside them, and not needed by the register: passed over.
            entry(out, "9999Inactief08112025.zip", inner(Map.of("9999IANUM08112025-000001.xml", new byte[0])));
        }
        return zip;
    }

    /** A daily mutation extract: {@code 9999MUT08112025-09112025.zip} inside the delivered zip. */
    static Path mutations(Path dir) throws IOException {
        Path zip = dir.resolve("BAGNLDM-08112025-09112025.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(
                    out,
                    "9999MUT08112025-09112025.zip",
                    inner(Map.of(
                            "9999MUT08112025-09112025-000001.xml",
                            resource("bag/9999MUT08112025-09112025-000001.xml"))));
        }
        return zip;
    }

    static byte[] inner(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                entry(out, file.getKey(), file.getValue());
            }
        }
        return bytes.toByteArray();
    }

    static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    static void copy(Path from, OutputStream to) throws IOException {
        Files.copy(from, to);
    }

    /** The three buurten of the fixture around Hoogeveen (RD New), in two wijken of GM0118. */
    static final Map<String, double[]> BUURTEN = new java.util.TreeMap<>(Map.of(
            "BU01180101", new double[] {233000, 527000, 234000, 528000},
            "BU01180102", new double[] {234000, 527000, 235000, 528000},
            "BU01180201", new double[] {233000, 528000, 235000, 529000}));

    /** A CBS wijk- en buurtkaart GeoPackage of the fixture's buurten; without the layer buurten when asked. */
    static Path geoPackage(Path file, boolean withBuurten) throws SQLException {
        GeometryFactory factory = new GeometryFactory();
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = sqlite.createStatement()) {
            statement.execute("PRAGMA application_id = 1196444487");
            statement.execute("PRAGMA user_version = 10300");
            statement.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            statement.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', 28992,"
                    + " 'PROJCS[\"Amersfoort / RD New\"]', NULL)");
            statement.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT"
                    + " NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT"
                    + " (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,"
                    + " srs_id INTEGER)");
            statement.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT"
                    + " NULL, PRIMARY KEY (table_name, column_name))");
            layer(
                    sqlite,
                    "gemeenten",
                    "gemeentecode",
                    "gemeentenaam",
                    Map.of("GM0118", new double[] {233000, 527000, 235000, 529000}),
                    factory);
            layer(
                    sqlite,
                    "wijken",
                    "wijkcode",
                    "wijknaam",
                    Map.of(
                            "WK011801", new double[] {233000, 527000, 235000, 528000},
                            "WK011802", new double[] {233000, 528000, 235000, 529000}),
                    factory);
            if (withBuurten) {
                layer(sqlite, "buurten", "buurtcode", "buurtnaam", BUURTEN, factory);
            }
        }
        return file;
    }

    private static void layer(
            Connection sqlite,
            String table,
            String codeColumn,
            String nameColumn,
            Map<String, double[]> areas,
            GeometryFactory factory)
            throws SQLException {
        try (Statement statement = sqlite.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON, "
                    + codeColumn + " TEXT, " + nameColumn + " TEXT, water TEXT)");
            statement.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + table
                    + "', 'features', '" + table + "', 28992)");
            statement.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + table + "', 'geom', 'MULTIPOLYGON',"
                    + " 28992, 0, 0)");
        }
        try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO " + table + " (geom, " + codeColumn + ", "
                + nameColumn + ", water) VALUES (?, ?, ?, 'NEE')")) {
            for (var area : areas.entrySet()) {
                double[] b = area.getValue();
                Geometry outline = factory.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
                    factory.createPolygon(new Coordinate[] {
                        new Coordinate(b[0], b[1]),
                        new Coordinate(b[2], b[1]),
                        new Coordinate(b[2], b[3]),
                        new Coordinate(b[0], b[3]),
                        new Coordinate(b[0], b[1])
                    })
                });
                insert.setBytes(1, CbsAreaImport.GeoPackageGeometry.of(outline, 28992));
                insert.setString(2, area.getKey());
                insert.setString(3, "Fixture " + area.getKey());
                insert.executeUpdate();
            }
        }
    }
}
