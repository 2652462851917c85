package nl.adreszicht.registers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * CBS's workbook "Gemeentelijke indeling op 1 januari 2021" as an Office Open XML workbook: a sheet of the gemeenten
     * (a few rows) and the sheet of opgeheven and nieuwgevormde gemeenten, with shared strings, an inline string, codes
     * that were stored as numbers (leading zeros gone) and a footnote.
     */
    static Path cbsWorkbook(Path file) throws IOException {
        List<String> strings = List.of(
                "Gemeentecode",
                "Gemeentenaam",
                "Opgeheven gemeenten",
                "Nieuwgevormde gemeenten",
                "Code",
                "Provincie",
                "Appingedam",
                "Eemsdelta",
                "Gr.",
                "Delfzijl",
                "Loppersum",
                "Haaren",
                "Oisterwijk",
                "NB.",
                "Vught",
                "Boxtel",
                "Haaren 1)",
                "Tilburg 1)",
                "1) Het deel van Haaren dat naar Tilburg ging is een grenscorrectie.");
        StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size()
                + "\" uniqueCount=\"" + strings.size() + "\">");
        for (String string : strings) {
            shared.append("<si><t>").append(string).append("</t></si>");
        }
        shared.append("</sst>");
        String gemeenten = sheet(row(1, s(0), s(1)), row(2, n(1979), inline("Eemsdelta")), row(3, n(757), s(15)));
        String changes = sheet(
                row(1, s(2), "", s(3)),
                row(2, s(4), s(1), s(4), s(1), s(5)),
                row(3, n(3), s(6), n(1979), s(7), s(8)),
                row(4, n(10), s(9), n(1979), s(7), s(8)),
                row(5, n(24), s(10), n(1979), s(7), s(8)),
                row(6, n(788), s(11), n(824), s(12), s(13)),
                row(7, n(788), s(11), n(865), s(14), s(13)),
                row(8, n(788), s(11), n(757), s(15), s(13)),
                row(9, n(788), s(16), n(855), s(17), s(13)),
                row(11, s(18)));
        String main = "http://schemas.openxmlformats.org/";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(
                    out,
                    "[Content_Types].xml",
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                    + "<Types xmlns=\"" + main + "package/2006/content-types\">"
                                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                                    + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                                    + "</Types>")
                            .getBytes(StandardCharsets.UTF_8));
            entry(
                    out,
                    "_rels/.rels",
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                    + "<Relationships xmlns=\"" + main
                                    + "package/2006/relationships\"><Relationship Id=\"rId1\""
                                    + " Type=\"" + main
                                    + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                                    + "</Relationships>")
                            .getBytes(StandardCharsets.UTF_8));
            entry(
                    out,
                    "xl/workbook.xml",
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                    + "<workbook xmlns=\"" + main + "spreadsheetml/2006/main\" xmlns:r=\"" + main
                                    + "officeDocument/2006/relationships\"><sheets>"
                                    + "<sheet name=\"Gemeenten alfabetisch 2021\" sheetId=\"1\" r:id=\"rId1\"/>"
                                    + "<sheet name=\"Wijzigingen 2021\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>")
                            .getBytes(StandardCharsets.UTF_8));
            entry(
                    out,
                    "xl/_rels/workbook.xml.rels",
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                    + "<Relationships xmlns=\"" + main + "package/2006/relationships\">"
                                    + "<Relationship Id=\"rId1\" Type=\"" + main
                                    + "officeDocument/2006/relationships/worksheet\""
                                    + " Target=\"worksheets/sheet1.xml\"/>"
                                    + "<Relationship Id=\"rId2\" Type=\"" + main
                                    + "officeDocument/2006/relationships/worksheet\""
                                    + " Target=\"worksheets/sheet2.xml\"/>"
                                    + "<Relationship Id=\"rId3\" Type=\"" + main
                                    + "officeDocument/2006/relationships/sharedStrings\""
                                    + " Target=\"sharedStrings.xml\"/></Relationships>")
                            .getBytes(StandardCharsets.UTF_8));
            entry(out, "xl/worksheets/sheet1.xml", gemeenten.getBytes(StandardCharsets.UTF_8));
            entry(out, "xl/worksheets/sheet2.xml", changes.getBytes(StandardCharsets.UTF_8));
            entry(out, "xl/sharedStrings.xml", shared.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String sheet(String... rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet"
                + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + String.join("", rows)
                + "</sheetData></worksheet>";
    }

    /** A row of cells from column A on; an empty string leaves a cell out. */
    private static String row(int number, String... cells) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                row.append(cells[i].replace("REF", (char) ('A' + i) + String.valueOf(number)));
            }
        }
        return row.append("</row>").toString();
    }

    private static String s(int index) {
        return "<c r=\"REF\" t=\"s\"><v>" + index + "</v></c>";
    }

    private static String n(int value) {
        return "<c r=\"REF\"><v>" + value + "</v></c>";
    }

    private static String inline(String text) {
        return "<c r=\"REF\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
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
