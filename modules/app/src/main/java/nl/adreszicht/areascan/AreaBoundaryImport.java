package nl.adreszicht.areascan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads boundaries of CBS areas from a GeoJSON FeatureCollection (format: docs/reference-data.md): the CBS code and
 * year from the feature's properties, Polygon or MultiPolygon geometry in WGS84 or in RD New (EPSG:28992), which is
 * converted with {@link RdNew}. Every feature is checked; a rejected one is reported with its number and the reason
 * while the good ones load. Loading the same file again replaces the same rows.
 */
@Component
class AreaBoundaryImport {

    private static final Pattern CODE = Pattern.compile("GM[0-9]{4}|WK[0-9]{6}|BU[0-9]{8}");
    private static final List<String> CODE_PROPERTIES =
            List.of("statcode", "buurtcode", "wijkcode", "gemeentecode", "code");
    private static final List<String> LABEL_PROPERTIES = List.of("statnaam", "buurtnaam", "wijknaam", "gemeentenaam");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    AreaBoundaryImport(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A feature that was not loaded: its number in the file (from 1) and why, in Dutch. */
    record Rejection(int feature, String reason) {}

    /** What an import did. */
    record Report(int features, int loaded, List<Rejection> rejections) {}

    private record Area(
            String code,
            int year,
            String level,
            String gemeente,
            @Nullable String label,
            String geometry) {}

    Report importFrom(Path file) throws IOException {
        JsonNode root = json.readTree(Files.readString(file));
        if (!"FeatureCollection".equals(root.path("type").asString(""))) {
            throw new IllegalArgumentException("Het bestand is geen GeoJSON FeatureCollection.");
        }
        boolean declaredRd =
                root.path("crs").path("properties").path("name").asString("").contains("28992");
        List<Rejection> rejections = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        int number = 0;
        for (JsonNode feature : root.path("features")) {
            number++;
            try {
                areas.add(area(feature, declaredRd));
            } catch (IllegalArgumentException rejected) {
                rejections.add(new Rejection(number, rejected.getMessage()));
            }
        }
        transaction.executeWithoutResult(status -> {
            for (Area area : areas) {
                jdbc.update(
                        "INSERT INTO area_boundary (code, area_year, level, gemeente_code, label, geometry)"
                                + " VALUES (?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (code, area_year) DO UPDATE SET"
                                + " level = excluded.level, gemeente_code = excluded.gemeente_code,"
                                + " label = excluded.label, geometry = excluded.geometry, synthetic = false,"
                                + " imported_at = now()",
                        area.code(),
                        area.year(),
                        area.level(),
                        area.gemeente(),
                        area.label(),
                        area.geometry());
            }
        });
        return new Report(number, areas.size(), rejections);
    }

    private Area area(JsonNode feature, boolean declaredRd) {
        JsonNode properties = feature.path("properties");
        String code = first(properties, CODE_PROPERTIES);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "geen geldige CBS-code in statcode (GM + 4, WK + 6 of BU + 8 cijfers): " + safe(code));
        }
        Integer year = year(properties);
        if (year == null || year < 2000 || year > 2100) {
            throw new IllegalArgumentException(code + ": geen jaar van de indeling (jaar of jrstatcode, 2000-2100)");
        }
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asString("");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            throw new IllegalArgumentException(code + ": geometrie is geen Polygon of MultiPolygon");
        }
        boolean rd = declaredRd || looksLikeRd(geometry.path("coordinates"));
        ArrayNode polygons = JsonNodeFactory.instance.arrayNode();
        if (type.equals("Polygon")) {
            polygons.add(polygon(geometry.path("coordinates"), rd, code));
        } else {
            for (JsonNode polygon : geometry.path("coordinates")) {
                polygons.add(polygon(polygon, rd, code));
            }
            if (polygons.isEmpty()) {
                throw new IllegalArgumentException(code + ": MultiPolygon zonder polygonen");
            }
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        converted.put("type", type);
        converted.set("coordinates", type.equals("Polygon") ? polygons.get(0) : polygons);
        String level = code.startsWith("GM") ? "gemeente" : code.startsWith("WK") ? "wijk" : "buurt";
        return new Area(
                code,
                year,
                level,
                "GM" + code.substring(2, 6),
                first(properties, LABEL_PROPERTIES),
                converted.toString());
    }

    private static ArrayNode polygon(JsonNode rings, boolean rd, String code) {
        ArrayNode polygon = JsonNodeFactory.instance.arrayNode();
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(code + ": polygoon zonder ringen");
        }
        for (JsonNode ring : rings) {
            if (!ring.isArray() || ring.size() < 4) {
                throw new IllegalArgumentException(code + ": een ring heeft minstens vier punten");
            }
            ArrayNode points = JsonNodeFactory.instance.arrayNode();
            for (JsonNode point : ring) {
                if (!point.isArray()
                        || point.size() < 2
                        || !point.get(0).isNumber()
                        || !point.get(1).isNumber()) {
                    throw new IllegalArgumentException(code + ": een punt is geen paar getallen");
                }
                double lon = point.get(0).asDouble();
                double lat = point.get(1).asDouble();
                if (rd) {
                    double[] wgs = RdNew.toWgs84(lon, lat);
                    lat = wgs[0];
                    lon = wgs[1];
                }
                if (lat < 50.5 || lat > 53.8 || lon < 3.2 || lon > 7.3) {
                    throw new IllegalArgumentException(code + ": een punt ligt buiten Nederland (" + lat + ", " + lon
                            + "); RD-coördinaten horen in EPSG:28992");
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                out.add(Math.round(lon * 1e6) / 1e6);
                out.add(Math.round(lat * 1e6) / 1e6);
                points.add(out);
            }
            if (!points.get(0).equals(points.get(points.size() - 1))) {
                throw new IllegalArgumentException(
                        code + ": een ring is niet gesloten (eerste punt is niet het laatste)");
            }
            polygon.add(points);
        }
        return polygon;
    }

    private static boolean looksLikeRd(JsonNode coordinates) {
        JsonNode node = coordinates;
        while (node.isArray() && !node.isEmpty() && node.get(0).isArray()) {
            node = node.get(0);
        }
        return node.isArray()
                && node.size() >= 2
                && RdNew.looksLikeRd(node.get(0).asDouble(), node.get(1).asDouble());
    }

    private static @Nullable Integer year(JsonNode properties) {
        JsonNode jaar = properties.path("jaar");
        if (jaar.isNumber()) {
            return jaar.asInt();
        }
        if (jaar.isString() && jaar.asString().matches("[0-9]{4}")) {
            return Integer.parseInt(jaar.asString());
        }
        String jrstatcode = properties.path("jrstatcode").asString("");
        return jrstatcode.matches("[0-9]{4}.*") ? Integer.parseInt(jrstatcode.substring(0, 4)) : null;
    }

    private static @Nullable String first(JsonNode properties, List<String> names) {
        for (String name : names) {
            JsonNode value = properties.path(name);
            if (value.isString() && !value.asString().isBlank()) {
                return value.asString().trim();
            }
        }
        return null;
    }

    private static String safe(@Nullable String value) {
        return value == null ? "(leeg)" : value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
