package nl.adreszicht.monitor;

import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.areascan.ProtectedCount;
import org.jspecify.annotations.Nullable;

/**
 * A server-drawn SVG line chart of one measure over time, one line per level (the gemeente, its VT region, all
 * participating gemeenten), from the protected numbers only. Levels of different size are drawn per 1,000 addresses
 * (or as a share, for a share); each level has its own dash pattern and marker shape besides its colour, so the chart
 * reads without colour. A suppressed point is no point: the line breaks there and a hollow marker on the axis says
 * so. No script, so it works under the page's strict CSP.
 */
record MonitorChart(
        String measure,
        String unit,
        int width,
        int height,
        List<Line> lines,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<Marker> gaps) {

    static final int LEFT = 56;
    static final int TOP = 16;
    static final int PLOT_HEIGHT = 200;
    static final int BOTTOM = 44;

    /** One level's line: its path (broken at suppressed points), its markers, and its legend entry. */
    record Line(String level, String label, String cssClass, String path, List<Marker> markers, int legendY) {

        public String legendPath() {
            return "M 4 " + legendY + " L 34 " + legendY;
        }
    }

    /** A marker at a point, with what a pointer over it reads. */
    record Marker(double x, double y, String title) {}

    /** A tick on an axis with its text. */
    record Tick(double x, double y, String text) {}

    static MonitorChart of(Monitor monitor, String measure) {
        List<Monitor.Reeks> series = monitor.reeksen().stream()
                .filter(r -> r.meting().equals(measure))
                .toList();
        boolean share = MonitorFamilies.denominator(measure) != null;
        boolean rate = !share && series.size() > 1 && MonitorFamilies.perAddress(measure);
        String unit = share ? "%" : rate ? "per 1.000 adressen" : "aantal";
        int points = series.isEmpty() ? 0 : series.get(0).punten().size();
        int step = points <= 1 ? 40 : Math.max(14, Math.min(60, 640 / points));
        int plotWidth = Math.max(1, points - 1) * step;
        double maximum = 1;
        for (Monitor.Reeks reeks : series) {
            for (Monitor.Punt punt : reeks.punten()) {
                Double v = value(punt, share, rate);
                if (v != null) {
                    maximum = Math.max(maximum, v);
                }
            }
        }
        maximum = niceCeiling(maximum);
        List<Line> lines = new ArrayList<>();
        List<Marker> gaps = new ArrayList<>();
        int legendTop = TOP + PLOT_HEIGHT + BOTTOM;
        for (int s = 0; s < series.size(); s++) {
            Monitor.Reeks reeks = series.get(s);
            StringBuilder path = new StringBuilder();
            List<Marker> markers = new ArrayList<>();
            boolean pen = false;
            for (int i = 0; i < reeks.punten().size(); i++) {
                Monitor.Punt punt = reeks.punten().get(i);
                double x = LEFT + i * (double) step;
                Double v = value(punt, share, rate);
                if (v == null) {
                    pen = false;
                    gaps.add(new Marker(x, TOP + PLOT_HEIGHT, punt.periode() + ": " + shown(punt.aantal())));
                    continue;
                }
                double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * v / maximum;
                path.append(pen ? " L " : " M ").append(round(x)).append(' ').append(round(y));
                pen = true;
                markers.add(new Marker(round(x), round(y), punt.periode() + ": " + label(punt, v, share, rate)));
            }
            lines.add(new Line(
                    reeks.niveau(),
                    nameOf(monitor, reeks.niveau()),
                    "line-" + reeks.niveau(),
                    path.toString().trim(),
                    markers,
                    legendTop + 16 * s + 8));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (!series.isEmpty()) {
            List<Monitor.Punt> first = series.get(0).punten();
            int every = Math.max(1, (int) Math.ceil(first.size() / 10.0));
            for (int i = 0; i < first.size(); i += every) {
                xTicks.add(new Tick(
                        LEFT + i * (double) step,
                        TOP + PLOT_HEIGHT + 16,
                        first.get(i).periode()));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double v = maximum * t / 4;
            yTicks.add(new Tick(LEFT - 6, round(TOP + PLOT_HEIGHT - PLOT_HEIGHT * t / 4.0), format(v)));
        }
        return new MonitorChart(
                measure, unit, LEFT + plotWidth + 40, legendTop + 16 * series.size() + 8, lines, xTicks, yTicks, gaps);
    }

    private static @Nullable Double value(Monitor.Punt punt, boolean share, boolean rate) {
        if (share) {
            return punt.aandeel() == null ? null : punt.aandeel().doubleValue();
        }
        if (rate) {
            return punt.per1000();
        }
        return punt.aantal().waarde() == null ? null : punt.aantal().waarde().doubleValue();
    }

    private static String label(Monitor.Punt punt, double v, boolean share, boolean rate) {
        if (share) {
            return format(v) + "% (" + shown(punt.aantal()) + ")";
        }
        if (rate) {
            return format(v) + " per 1.000 adressen (" + shown(punt.aantal()) + ")";
        }
        return shown(punt.aantal());
    }

    private static String shown(ProtectedCount count) {
        return count.afgeschermd() ? "afgeschermd (" + count.weergave() + ")" : count.weergave();
    }

    static String nameOf(Monitor monitor, String level) {
        return monitor.niveaus().stream()
                .filter(n -> n.niveau().equals(level))
                .map(Monitor.Niveau::omschrijving)
                .findFirst()
                .orElse(level);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= m * magnitude) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String format(double v) {
        return v == Math.rint(v)
                ? Long.toString((long) v)
                : String.format(java.util.Locale.ROOT, "%.1f", v).replace('.', ',');
    }
}
