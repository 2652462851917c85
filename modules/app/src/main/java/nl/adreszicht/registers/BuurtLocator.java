package nl.adreszicht.registers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which CBS buurt of a year a point (RD New) lies in: the full-precision buurt outlines of the address's own gemeente,
 * in a spatial index (STR tree) and prepared for point-in-polygon. One gemeente's buurten are held at a time (a few
 * dozen, kept for the most recent gemeenten), never the whole country, so the heap stays small; addresses arrive
 * roughly per gemeente, ordered by BAG id. A point on a shared border goes to the lowest code.
 */
final class BuurtLocator {

    private static final int GEMEENTEN_KEPT = 24;

    private final JdbcTemplate jdbc;
    private final int year;
    private final GeometryFactory geometries = new GeometryFactory();
    private final Map<String, STRtree> byGemeente = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, STRtree> eldest) {
            return size() > GEMEENTEN_KEPT;
        }
    };

    private record Buurt(String code, PreparedGeometry outline) {}

    BuurtLocator(JdbcTemplate jdbc, int year) {
        this.jdbc = jdbc;
        this.year = year;
    }

    int year() {
        return year;
    }

    /** The buurt code of the point in the gemeente's buurten of the year, or null when none holds it. */
    @Nullable
    String locate(String gemeente, double x, double y) {
        STRtree index = byGemeente.computeIfAbsent(gemeente, this::load);
        Point point = geometries.createPoint(new Coordinate(x, y));
        String found = null;
        for (Object candidate : index.query(point.getEnvelopeInternal())) {
            Buurt buurt = (Buurt) candidate;
            if ((found == null || buurt.code().compareTo(found) < 0)
                    && buurt.outline().covers(point)) {
                found = buurt.code();
            }
        }
        return found;
    }

    private STRtree load(String gemeente) {
        WKBReader wkb = new WKBReader(geometries);
        List<Buurt> buurten = new ArrayList<>();
        jdbc.query(
                "SELECT code, geometry FROM cbs_area WHERE gemeente_code = ? AND area_year = ? AND code LIKE 'BU%'",
                row -> {
                    try {
                        Geometry outline = wkb.read(row.getBytes(2));
                        buurten.add(new Buurt(row.getString(1), PreparedGeometryFactory.prepare(outline)));
                    } catch (ParseException e) {
                        throw new IllegalStateException("cbs_area " + row.getString(1) + " has broken WKB", e);
                    }
                },
                gemeente,
                year);
        STRtree index = new STRtree();
        for (Buurt buurt : buurten) {
            index.insert(buurt.outline().getGeometry().getEnvelopeInternal(), buurt);
        }
        index.build();
        return index;
    }
}
