package nl.adreszicht.registers;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * RD New (EPSG:28992, the Dutch national grid the BAG and CBS publish in) to and from WGS84, with proj4j (LocationTech):
 * the oblique stereographic projection on the Bessel ellipsoid and EPSG's seven-parameter datum shift to WGS84, as in
 * the EPSG definition. About as exact as the polynomial in {@code areascan.RdNew} (both within a metre or two of
 * RDNAPTRANS; {@code ProjectionTest} compares them), and it also goes the other way, which GeoJSON in WGS84 needs.
 */
final class Projection {

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateReferenceSystem RD = FACTORY.createFromParameters(
            "EPSG:28992",
            "+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000"
                    + " +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m"
                    + " +no_defs");
    private static final CoordinateReferenceSystem WGS84 =
            FACTORY.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");

    private final BasicCoordinateTransform toWgs84 = new BasicCoordinateTransform(RD, WGS84);
    private final BasicCoordinateTransform toRd = new BasicCoordinateTransform(WGS84, RD);
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    /** {longitude, latitude} of RD point (x, y). Not thread-safe: one instance per thread. */
    double[] toWgs84(double x, double y) {
        in.x = x;
        in.y = y;
        toWgs84.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** {x, y} in RD of WGS84 (longitude, latitude). */
    double[] toRd(double longitude, double latitude) {
        in.x = longitude;
        in.y = latitude;
        toRd.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** Whether a pair looks like RD metres rather than degrees (RD spans about 0-300 km by 300-625 km). */
    static boolean looksLikeRd(double first, double second) {
        return first > 180 || second > 180;
    }
}
