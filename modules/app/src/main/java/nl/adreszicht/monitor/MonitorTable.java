package nl.adreszicht.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind the chart, as a table: one row per period, per level the count (as published: a number, {@code
 * <10} or {@code x}) and the rate per 1,000 addresses or the share. The accessible view of the chart.
 */
record MonitorTable(List<String> levels, List<Row> rows) {

    /** One period. */
    record Row(String period, List<Cell> cells) {}

    /** One level's value in a period. */
    record Cell(String count, boolean suppressed, String extra) {}

    static MonitorTable of(Monitor monitor, String measure) {
        List<Monitor.Reeks> series = MonitorLabels.ownFirst(monitor.reeksen().stream()
                .filter(r -> r.meting().equals(measure))
                .toList());
        List<String> levels = series.stream()
                .map(r -> MonitorChart.nameOf(monitor, r.niveau()))
                .toList();
        List<Row> rows = new ArrayList<>();
        if (!series.isEmpty()) {
            for (int i = 0; i < series.get(0).punten().size(); i++) {
                List<Cell> cells = new ArrayList<>();
                for (Monitor.Reeks reeks : series) {
                    Monitor.Punt punt = reeks.punten().get(i);
                    String extra = punt.aandeel() != null
                            ? punt.aandeel() + "%"
                            : punt.per1000() != null ? MonitorChart.format(punt.per1000()) : "–";
                    cells.add(new Cell(punt.aantal().weergave(), punt.aantal().afgeschermd(), extra));
                }
                rows.add(new Row(series.get(0).punten().get(i).periode(), cells));
            }
        }
        return new MonitorTable(levels, rows);
    }
}
