package nl.adreszicht.registers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adreszicht.areascan.BoundaryStore;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the CBS wijk- en buurtkaart of a year: a GeoPackage (SQLite; layers {@code buurten}, {@code wijken},
 * {@code gemeenten}; GeoPackage binary geometries in RD New) or a GeoJSON FeatureCollection (RD New or WGS84). Keeps
 * every outline at full precision in RD New ({@code cbs_area}, for placing addresses) and gives the area scan's map a
 * simplified WGS84 copy, simplified as a coverage so neighbouring buurten keep one shared border (JTS
 * {@code CoverageSimplifier}, tolerance {@value #SIMPLIFY_METRES} m). The codes must be of the year given.
 */
@Component
class CbsAreaImport {

    static final double SIMPLIFY_METRES = 5;
    private static final Pattern FILE_YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");
    private static final Pattern CODE = Pattern.compile("(GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8})");
    private static final List<String> LAYERS = List.of("gemeenten", "wijken", "buurten");
    private static final List<String> CODE_COLUMNS =
            List.of("buurtcode", "bu_code", "wijkcode", "wk_code", "gemeentecode", "gm_code", "statcode", "code");
    private static final List<String> NAME_COLUMNS =
            List.of("buurtnaam", "bu_naam", "wijknaam", "wk_naam", "gemeentenaam", "gm_naam", "statnaam");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BoundaryStore boundaries;
    private final GeometryFactory geometries = new GeometryFactory();

    CbsAreaImport(JdbcTemplate jdbc, TransactionTemplate transaction, BoundaryStore boundaries) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.boundaries = boundaries;
    }

    /** One area read from the file, in RD New. */
    record Area(String code, @Nullable String label, Geometry outline) {}

    /** Reads the file completely (refusing it whole on a structural fault), then loads it in one transaction. */
    void load(Path file, int year, ImportRun run) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<Area> areas = name.endsWith(".gpkg") ? geoPackage(file, year, run) : geoJson(file, year, run);
        run.phase("gebieden opslaan", areas.size());
        List<Area> kept = new ArrayList<>();
        for (Area area : areas) {
            String where = area.code();
            if (!(area.outline() instanceof Polygon) && !(area.outline() instanceof MultiPolygon)) {
                run.reject("CBS", where, "geometrie is geen (Multi)Polygon");
            } else if (!area.outline().isValid()) {
                run.reject("CBS", where, "geometrie is ongeldig (randen snijden zichzelf)");
            } else {
                kept.add(area);
            }
        }
        List<BoundaryStore.Outline> outlines = mapOutlines(kept, year);
        WKBWriter wkb = new WKBWriter();
        transaction.executeWithoutResult(status -> {
            for (Area area : kept) {
                run.written.addAndGet(jdbc.update(
                        "INSERT INTO cbs_area (code, area_year, gemeente_code, label, geometry) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (code, area_year) DO UPDATE SET label = excluded.label,"
                                + " geometry = excluded.geometry WHERE (cbs_area.label, cbs_area.geometry)"
                                + " IS DISTINCT FROM (excluded.label, excluded.geometry)",
                        area.code(),
                        year,
                        "GM" + area.code().substring(2, 6),
                        area.label(),
                        wkb.write(area.outline())));
            }
            boundaries.store(outlines);
        });
    }

    /** Simplified per level as one coverage (shared borders stay shared), in WGS84 GeoJSON. */
    private List<BoundaryStore.Outline> mapOutlines(List<Area> areas, int year) {
        List<BoundaryStore.Outline> outlines = new ArrayList<>();
        for (String prefix : List.of("GM", "WK", "BU")) {
            List<Area> level =
                    areas.stream().filter(a -> a.code().startsWith(prefix)).toList();
            if (level.isEmpty()) {
                continue;
            }
            Geometry[] simplified = CoverageSimplifier.simplify(
                    level.stream().map(Area::outline).toArray(Geometry[]::new), SIMPLIFY_METRES);
            Projection projection = new Projection();
            for (int i = 0; i < level.size(); i++) {
                Geometry wgs84 = simplified[i].copy();
                wgs84.apply((CoordinateFilter) c -> {
                    double[] lonLat = projection.toWgs84(c.x, c.y);
                    c.x = Math.round(lonLat[0] * 1e6) / 1e6;
                    c.y = Math.round(lonLat[1] * 1e6) / 1e6;
                });
                wgs84.geometryChanged();
                outlines.add(new BoundaryStore.Outline(
                        level.get(i).code(), year, level.get(i).label(), geoJson(wgs84)));
            }
        }
        return outlines;
    }

    private static String geoJson(Geometry geometry) {
        return GeoJson.write(geometry);
    }

    /** The layers of a CBS GeoPackage, read with the SQLite JDBC driver; geometries are GeoPackage binary. */
    List<Area> geoPackage(Path file, int year, ImportRun run) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Het bestand " + file + " bestaat niet.");
        }
        Matcher fileYear = FILE_YEAR.matcher(file.getFileName().toString());
        if (fileYear.find()) {
            checkYear(
                    Integer.parseInt(fileYear.group(1)),
                    year,
                    file.getFileName().toString());
        }
        List<Area> areas = new ArrayList<>();
        try (Connection sqlite =
                DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro")) {
            Set<String> layers = new LinkedHashSet<>();
            try (ResultSet rows = sqlite.createStatement()
                    .executeQuery("SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g"
                            + " JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features'")) {
                while (rows.next()) {
                    String layer = rows.getString(1).toLowerCase(Locale.ROOT);
                    if (LAYERS.contains(layer)) {
                        if (rows.getInt(3) != 28992) {
                            throw new IllegalArgumentException("Laag " + layer + " staat in srs " + rows.getInt(3)
                                    + "; de wijk- en buurtkaart van CBS staat in RD New (28992).");
                        }
                        layers.add(rows.getString(1) + "\t" + rows.getString(2));
                    }
                }
            } catch (SQLException notGeoPackage) {
                throw new IllegalArgumentException(file.getFileName() + " is geen GeoPackage (geen tabel"
                        + " gpkg_geometry_columns): " + notGeoPackage.getMessage());
            }
            if (layers.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("buurten\t"))) {
                throw new IllegalArgumentException(file.getFileName() + " heeft geen laag 'buurten' (de wijk- en"
                        + " buurtkaart van CBS heeft de lagen gemeenten, wijken en buurten). Er is niets geladen.");
            }
            WKBReader wkb = new WKBReader(geometries);
            for (String layer : layers) {
                String table = layer.split("\t")[0];
                String column = layer.split("\t")[1];
                run.phase("laag " + table + " lezen", 0);
                try (ResultSet rows = sqlite.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    var meta = rows.getMetaData();
                    String codeColumn = null;
                    String nameColumn = null;
                    for (String wanted : CODE_COLUMNS) {
                        for (int c = 1; c <= meta.getColumnCount() && codeColumn == null; c++) {
                            if (meta.getColumnName(c).equalsIgnoreCase(wanted)
                                    && wanted.startsWith(table.substring(0, 2).toLowerCase(Locale.ROOT))) {
                                codeColumn = meta.getColumnName(c);
                            }
                        }
                    }
                    for (String wanted : NAME_COLUMNS) {
                        for (int c = 1; c <= meta.getColumnCount() && nameColumn == null; c++) {
                            if (meta.getColumnName(c).equalsIgnoreCase(wanted)
                                    && wanted.startsWith(table.substring(0, 2).toLowerCase(Locale.ROOT))) {
                                nameColumn = meta.getColumnName(c);
                            }
                        }
                    }
                    if (codeColumn == null) {
                        throw new IllegalArgumentException("Laag " + table + " heeft geen kolom met de CBS-code ("
                                + String.join(", ", CODE_COLUMNS) + ").");
                    }
                    String yearColumn = null;
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        if (meta.getColumnName(c).equalsIgnoreCase("jrstatcode")
                                || meta.getColumnName(c).equalsIgnoreCase("jaar")) {
                            yearColumn = meta.getColumnName(c);
                        }
                    }
                    while (rows.next()) {
                        run.read.incrementAndGet();
                        String code = rows.getString(codeColumn);
                        if (yearColumn != null && rows.getString(yearColumn) != null) {
                            String declared = rows.getString(yearColumn).trim();
                            if (declared.matches("[0-9]{4}.*")) {
                                checkYear(Integer.parseInt(declared.substring(0, 4)), year, table + " " + code);
                            }
                        }
                        if (code == null || !CODE.matcher(code.trim()).matches()) {
                            run.reject(table, String.valueOf(code), "geen geldige CBS-code");
                            continue;
                        }
                        byte[] blob = rows.getBytes(column);
                        try {
                            areas.add(new Area(
                                    code.trim(),
                                    nameColumn == null ? null : rows.getString(nameColumn),
                                    wkb.read(GeoPackageGeometry.wkb(blob))));
                        } catch (ParseException | IllegalArgumentException broken) {
                            run.reject(table, code, "geometrie is geen geldige GeoPackage-WKB: " + broken.getMessage());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(
                    file.getFileName() + " kan niet als GeoPackage (SQLite) worden gelezen: " + e.getMessage());
        }
        return areas;
    }

    /** A GeoJSON FeatureCollection of CBS areas, in RD New (legacy crs member or metre coordinates) or WGS84. */
    List<Area> geoJson(Path file, int year, ImportRun run) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (RuntimeException notJson) {
            throw new IllegalArgumentException(file.getFileName() + " is geen GeoJSON: " + notJson.getMessage());
        }
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IllegalArgumentException(file.getFileName() + " is geen GeoJSON FeatureCollection.");
        }
        Matcher fileYear = FILE_YEAR.matcher(file.getFileName().toString());
        if (fileYear.find()) {
            checkYear(
                    Integer.parseInt(fileYear.group(1)),
                    year,
                    file.getFileName().toString());
        }
        Projection projection = new Projection();
        List<Area> areas = new ArrayList<>();
        int number = 0;
        for (JsonNode feature : root.path("features")) {
            number++;
            run.read.incrementAndGet();
            JsonNode properties = feature.path("properties");
            String code = null;
            for (String column : CODE_COLUMNS) {
                if (properties.path(column).isString()) {
                    code = properties.path(column).asString().trim();
                    break;
                }
            }
            if (code == null || !CODE.matcher(code).matches()) {
                run.reject("feature " + number, String.valueOf(code), "geen geldige CBS-code (statcode, buurtcode, …)");
                continue;
            }
            String label = null;
            for (String column : NAME_COLUMNS) {
                if (properties.path(column).isString()) {
                    label = properties.path(column).asString();
                    break;
                }
            }
            checkYear(declaredYear(properties), year, "feature " + number + " (" + code + ")");
            try {
                Geometry outline = GeoJson.read(feature.path("geometry"), geometries);
                Coordinate first = outline.getCoordinate();
                if (first != null && !Projection.looksLikeRd(first.x, first.y)) {
                    outline.apply((CoordinateFilter) c -> {
                        double[] rd = projection.toRd(c.x, c.y);
                        c.x = rd[0];
                        c.y = rd[1];
                    });
                    outline.geometryChanged();
                }
                areas.add(new Area(code, label, outline));
            } catch (IllegalArgumentException broken) {
                run.reject("feature " + number, code, "geometrie onleesbaar: " + broken.getMessage());
            }
        }
        return areas;
    }

    private static @Nullable Integer declaredYear(JsonNode properties) {
        JsonNode jaar = properties.path("jaar");
        if (jaar.isNumber()) {
            return jaar.asInt();
        }
        String text = jaar.isString()
                ? jaar.asString()
                : properties.path("jrstatcode").asString("");
        return text.matches("[0-9]{4}.*") ? Integer.parseInt(text.substring(0, 4)) : null;
    }

    /** The codes of a year must carry that year where the file says it (a jaar or jrstatcode property). */
    static void checkYear(@Nullable Integer declared, int year, String where) {
        if (declared != null && declared != year) {
            throw new IllegalArgumentException(where + " is de indeling van " + declared + ", niet van " + year
                    + " zoals opgegeven. Er is niets geladen.");
        }
    }

    /** GeoPackage binary geometry: a header ("GP", version, flags, srs id, optional envelope) before standard WKB. */
    static final class GeoPackageGeometry {

        private GeoPackageGeometry() {}

        static byte[] wkb(byte[] blob) {
            if (blob == null || blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
                throw new IllegalArgumentException("geen GeoPackage-geometrie (begint niet met 'GP')");
            }
            int flags = blob[3];
            int envelope = (flags >> 1) & 0x07;
            int envelopeBytes = switch (envelope) {
                case 0 -> 0;
                case 1 -> 32;
                case 2, 3 -> 48;
                case 4 -> 64;
                default -> throw new IllegalArgumentException("onbekende envelop-code " + envelope);
            };
            int offset = 8 + envelopeBytes;
            byte[] wkb = new byte[blob.length - offset];
            System.arraycopy(blob, offset, wkb, 0, wkb.length);
            return wkb;
        }

        /** Writes one (for the fixtures and the generator): no envelope, little-endian header. */
        static byte[] of(Geometry geometry, int srsId) {
            byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE).write(geometry);
            ByteBuffer blob = ByteBuffer.allocate(8 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
            blob.put((byte) 'G')
                    .put((byte) 'P')
                    .put((byte) 0)
                    .put((byte) 0x01)
                    .putInt(srsId)
                    .put(wkb);
            return blob.array();
        }

        private static final class ByteOrderValues {
            static final int LITTLE = org.locationtech.jts.io.ByteOrderValues.LITTLE_ENDIAN;
        }
    }
}
