package nl.adreszicht.registers;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/** GeoJSON Polygon and MultiPolygon to and from JTS: all the CBS outlines need. */
final class GeoJson {

    private GeoJson() {}

    static Geometry read(JsonNode geometry, GeometryFactory factory) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i), factory);
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("geometrie is geen Polygon of MultiPolygon: " + type);
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("polygoon zonder ringen");
        }
        LinearRing[] all = new LinearRing[rings.size()];
        for (int r = 0; r < all.length; r++) {
            JsonNode ring = rings.get(r);
            Coordinate[] points = new Coordinate[ring.size()];
            for (int p = 0; p < points.length; p++) {
                JsonNode point = ring.get(p);
                if (!point.isArray()
                        || point.size() < 2
                        || !point.get(0).isNumber()
                        || !point.get(1).isNumber()) {
                    throw new IllegalArgumentException("een punt is geen paar getallen");
                }
                points[p] = new Coordinate(point.get(0).asDouble(), point.get(1).asDouble());
            }
            if (points.length < 4 || !points[0].equals2D(points[points.length - 1])) {
                throw new IllegalArgumentException("een ring heeft minstens vier punten en is gesloten");
            }
            all[r] = factory.createLinearRing(points);
        }
        LinearRing[] holes = new LinearRing[all.length - 1];
        System.arraycopy(all, 1, holes, 0, holes.length);
        return factory.createPolygon(all[0], holes);
    }

    static String write(Geometry geometry) {
        StringBuilder json = new StringBuilder();
        if (geometry instanceof Polygon polygon) {
            json.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(polygon, json);
        } else if (geometry instanceof MultiPolygon multi) {
            json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                polygon((Polygon) multi.getGeometryN(i), json);
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("not a polygon: " + geometry.getGeometryType());
        }
        return json.append('}').toString();
    }

    private static void polygon(Polygon polygon, StringBuilder json) {
        json.append('[');
        for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
            if (r > 0) {
                json.append(',');
            }
            LinearRing ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            json.append('[');
            Coordinate[] points = ring.getCoordinates();
            for (int p = 0; p < points.length; p++) {
                if (p > 0) {
                    json.append(',');
                }
                json.append(String.format(Locale.ROOT, "[%.6f,%.6f]", points[p].x, points[p].y));
            }
            json.append(']');
        }
        json.append(']');
    }
}
