package nl.adreszicht.areascan;

/**
 * Rijksdriehoekscoördinaten (RD New, EPSG:28992) to WGS84 latitude and longitude, with the published polynomial
 * approximation (Schreutelkamp and Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
 * WGS84-kaartcoördinaten", 2001) around the RD origin in Amersfoort. Accurate to about a metre over the Netherlands:
 * ample for buurt boundaries on a choropleth.
 */
final class RdNew {

    private static final double X0 = 155_000;
    private static final double Y0 = 463_000;
    private static final double LAT0 = 52.15517440;
    private static final double LON0 = 5.38720621;

    /** {p, q, K}: latitude terms K * dx^p * dy^q, in seconds of arc. */
    private static final double[][] LATITUDE = {
        {0, 1, 3235.65389},
        {2, 0, -32.58297},
        {0, 2, -0.24750},
        {2, 1, -0.84978},
        {0, 3, -0.06550},
        {2, 2, -0.01709},
        {1, 0, -0.00738},
        {4, 0, 0.00530},
        {2, 3, -0.00039},
        {4, 1, 0.00033},
        {1, 1, -0.00012}
    };

    /** {p, q, L}: longitude terms L * dx^p * dy^q, in seconds of arc. */
    private static final double[][] LONGITUDE = {
        {1, 0, 5260.52916},
        {1, 1, 105.94684},
        {1, 2, 2.45656},
        {3, 0, -0.81885},
        {1, 3, 0.05594},
        {3, 1, -0.05607},
        {0, 1, 0.01199},
        {3, 2, -0.00256},
        {1, 4, 0.00128},
        {0, 2, 0.00022},
        {2, 0, -0.00022},
        {5, 0, 0.00026}
    };

    private RdNew() {}

    /** {latitude, longitude} in degrees WGS84 of RD point (x, y) in metres. */
    static double[] toWgs84(double x, double y) {
        double dx = (x - X0) * 1e-5;
        double dy = (y - Y0) * 1e-5;
        return new double[] {LAT0 + sum(LATITUDE, dx, dy) / 3600, LON0 + sum(LONGITUDE, dx, dy) / 3600};
    }

    /** Whether a coordinate pair looks like RD metres rather than degrees: RD spans about 0-300 km by 300-625 km. */
    static boolean looksLikeRd(double first, double second) {
        return first > 180 || second > 180;
    }

    private static double sum(double[][] terms, double dx, double dy) {
        double total = 0;
        for (double[] term : terms) {
            total += term[2] * Math.pow(dx, term[0]) * Math.pow(dy, term[1]);
        }
        return total;
    }
}
