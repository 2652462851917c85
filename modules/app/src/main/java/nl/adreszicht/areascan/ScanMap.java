package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The choropleth of one measure as a GeoJSON FeatureCollection: one feature per buurt outline, carrying the protected
 * number of the unit it belongs to (a merged unit's number on each of its buurten), its class for the colour, and
 * {@code afgeschermd} for a hatched fill. Built from the same {@link Gebiedsscan} as the table; polygons only, never a
 * point or an address.
 */
final class ScanMap {

    static final String MEDIA_TYPE = "application/geo+json";
    static final int CLASSES = 5;

    private ScanMap() {}

    /**
     * One class of the legend: counts from {@code van} up to and including {@code tot} ({@code tot} absent for the
     * last, open class).
     */
    record LegendClass(int klasse, long van, Long tot) {}

    static String write(Gebiedsscan scan, String measure, List<AreaBoundaries.Boundary> boundaries) {
        return write(scan, measure, boundaries, java.util.Map.of());
    }

    /** As above, each buurt's and shown area's name beside its code ({@code buurtLabel}, {@code gebiedLabel}: public CBS names, no person). */
    static String write(
            Gebiedsscan scan,
            String measure,
            List<AreaBoundaries.Boundary> boundaries,
            java.util.Map<String, String> names) {
        JsonMapper json = JsonMapper.builder().build();
        List<Gebied> units =
                scan.gebieden().stream().filter(a -> a.niveau().equals("buurt")).toList();
        long maximum = units.stream()
                .map(a -> a.current(measure))
                .filter(c -> c.waarde() != null)
                .mapToLong(ProtectedCount::waarde)
                .max()
                .orElse(0);
        long step = step(maximum);
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        collection.put("maat", measure);
        ArrayNode features = collection.putArray("features");
        for (AreaBoundaries.Boundary boundary : boundaries) {
            Gebied unit = units.stream()
                    .filter(a -> a.code().equals(boundary.code()) || a.buurten().contains(boundary.code()))
                    .findFirst()
                    .orElse(null);
            if (unit == null) {
                continue;
            }
            ProtectedCount count = unit.current(measure);
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.set("geometry", json.readTree(boundary.geometry()));
            ObjectNode properties = feature.putObject("properties");
            properties.put("buurt", boundary.code());
            properties.put("gebied", unit.code());
            properties.put("buurtLabel", AreaNames.display(boundary.code(), names));
            properties.put("gebiedLabel", AreaNames.display(unit.code(), names));
            properties.put("weergave", count.weergave());
            properties.put("afgeschermd", count.afgeschermd());
            properties.put(
                    "klasse",
                    count.waarde() == null
                            ? "afgeschermd"
                            : Long.toString(Math.min(CLASSES - 1, count.waarde() / step)));
        }
        ArrayNode legend = collection.putArray("legenda");
        for (LegendClass legendClass : legend(maximum)) {
            ObjectNode entry = legend.addObject();
            entry.put("klasse", Integer.toString(legendClass.klasse()));
            entry.put("van", legendClass.van());
            if (legendClass.tot() != null) {
                entry.put("tot", legendClass.tot());
            }
        }
        return collection.toString();
    }

    /** Classes of equal width in multiples of 5, so every published number falls in exactly one. */
    static List<LegendClass> legend(long maximum) {
        long step = step(maximum);
        List<LegendClass> classes = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            classes.add(new LegendClass(
                    k, k * step, k == CLASSES - 1 ? null : (k + 1) * step - DisclosureControl.ROUNDING));
        }
        return classes;
    }

    private static long step(long maximum) {
        long raw =
                (long) Math.ceil(maximum / (double) CLASSES / DisclosureControl.ROUNDING) * DisclosureControl.ROUNDING;
        return Math.max(DisclosureControl.ROUNDING, raw);
    }
}
