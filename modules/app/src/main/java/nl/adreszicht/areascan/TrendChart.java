package nl.adreszicht.areascan;

import java.util.ArrayList;
import java.util.List;
import nl.adreszicht.areascan.Gebiedsscan.Gebied;
import nl.adreszicht.areascan.Gebiedsscan.Meting;
import org.jspecify.annotations.Nullable;

/**
 * A server-drawn SVG bar chart of one measure per wijk, this period beside the previous one, from the protected
 * numbers only: a suppressed number gets a hatched stub with its marker, never a height. Every bar is drawn to one
 * honest scale, the largest drawn number; the gemeente's total is not a bar among its wijken (it would dwarf them, or
 * be cut to their length) but stated beside the chart as {@code total}, and drawn only when there are no wijken. No
 * script, so it works under the page's strict CSP and without JavaScript.
 */
record TrendChart(
        String measure,
        int width,
        int height,
        List<Bar> bars,
        List<Label> labels,
        long maximum,
        @Nullable Meting total,
        @Nullable String totalArea) {

    static final int ROW = 28;
    static final int LEFT = 110;
    static final int PLOT = 360;

    /**
     * One bar.
     *
     * @param y its top
     * @param width its length (a short stub when suppressed)
     * @param current whether it is this period (else the previous one)
     * @param suppressed whether its number is suppressed
     * @param text what is written at its end: the number or the marker
     */
    record Bar(int y, int width, boolean current, boolean suppressed, String text) {

        public int textX() {
            return LEFT + width + 4;
        }

        public int textY() {
            return y + 10;
        }

        public String cssClass() {
            return (current ? "bar-current" : "bar-previous") + (suppressed ? " bar-suppressed" : "");
        }
    }

    /** An area's name (its code when it has none) at the left of its pair of bars; {@code full} for the tooltip. */
    record Label(int y, String text, String full) {}

    /** How many characters of a name fit left of the bars; a longer one is cut, its tooltip says it whole. */
    static final int LABEL_CHARACTERS = 14;

    static TrendChart of(Gebiedsscan scan, String measure) {
        return of(scan, measure, java.util.Map.of());
    }

    static TrendChart of(Gebiedsscan scan, String measure, java.util.Map<String, String> names) {
        List<Gebied> wijken =
                scan.gebieden().stream().filter(a -> a.niveau().equals("wijk")).toList();
        Gebied gemeente = scan.gebieden().stream()
                .filter(a -> a.niveau().equals("gemeente"))
                .findFirst()
                .orElse(null);
        List<Gebied> areas = wijken.isEmpty() && gemeente != null ? List.of(gemeente) : wijken;
        long maximum = 10;
        List<Meting> metingen = new ArrayList<>();
        for (Gebied area : areas) {
            Meting meting = meting(area, measure);
            metingen.add(meting);
            maximum = Math.max(maximum, value(meting.huidig()));
            maximum = Math.max(maximum, value(meting.vorig()));
        }
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int y = 10;
        for (int i = 0; i < areas.size(); i++) {
            Gebied area = areas.get(i);
            Meting meting = metingen.get(i);
            String found = AreaNames.nameOf(area.code(), names);
            String name = found == null ? area.code() : found;
            labels.add(new Label(
                    y + 14,
                    name.length() <= LABEL_CHARACTERS ? name : name.substring(0, LABEL_CHARACTERS - 1) + "…",
                    AreaNames.display(area.code(), names)));
            bars.add(bar(y, meting.huidig(), true, maximum));
            bars.add(bar(y + 12, meting.vorig(), false, maximum));
            y += ROW;
        }
        boolean totalApart = gemeente != null && !wijken.isEmpty();
        return new TrendChart(
                measure,
                LEFT + PLOT + 60,
                y + 10,
                bars,
                labels,
                maximum,
                totalApart ? meting(gemeente, measure) : null,
                totalApart ? AreaNames.display(gemeente.code(), names) : null);
    }

    private static Meting meting(Gebied area, String measure) {
        Meting meting = area.over(measure);
        return meting != null ? meting : Meting.of(area.current(measure), ProtectedCount.suppressed(false));
    }

    private static Bar bar(int y, ProtectedCount count, boolean current, long maximum) {
        if (count.afgeschermd() || count.waarde() == null) {
            return new Bar(y, 12, current, true, count.weergave());
        }
        int width = (int) Math.round(PLOT * (double) count.waarde() / maximum);
        return new Bar(y, Math.max(1, width), current, false, count.weergave());
    }

    private static long value(ProtectedCount count) {
        return count.waarde() == null ? 0 : count.waarde();
    }
}
