package nl.adreszicht.registers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One import as the operator sees it: progress on the console (rows read, rows per second, how far, time left), the
 * rows it rejected (CSV beside the input: which part, which object or line, why), and the counts of the summary.
 */
final class ImportRun implements AutoCloseable {

    private static final long PRINT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    final UUID id;
    final boolean resumed;
    final AtomicLong read = new AtomicLong();
    final AtomicLong written = new AtomicLong();
    final AtomicLong ended = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong unplaced = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    private final PrintStream console;
    private final Path report;
    private final long started = System.nanoTime();
    private long lastPrint = started;
    private long total;
    private long done;
    private String phase = "";
    private BufferedWriter reportWriter;

    ImportRun(UUID id, boolean resumed, Path input, PrintStream console) {
        this.id = id;
        this.resumed = resumed;
        this.console = console;
        this.report = reportBeside(input);
    }

    /** The reject report: {@code <input>.afgewezen.csv} beside the input, or in the working directory if read-only. */
    static Path reportBeside(Path input) {
        Path name = input.getFileName();
        Path beside = input.resolveSibling(name + ".afgewezen.csv");
        Path parent = beside.toAbsolutePath().getParent();
        return parent != null && Files.isWritable(parent) ? beside : Path.of(name + ".afgewezen.csv");
    }

    Path report() {
        return report;
    }

    /** Starts a phase whose size is {@code total} units (bytes of the input, or rows). */
    void phase(String name, long total) {
        this.phase = name;
        this.total = total;
        this.done = 0;
        console.println("  " + name + (resumed ? " (hervat)" : ""));
    }

    /** Reports how far the phase is: prints at most once every five seconds. */
    void progress(long done) {
        this.done = done;
        long now = System.nanoTime();
        if (now - lastPrint >= PRINT_EVERY_NANOS) {
            lastPrint = now;
            console.println("  " + line(now));
        }
    }

    String line(long now) {
        double seconds = Math.max((now - started) / 1e9, 0.001);
        long rate = Math.round(read.get() / seconds);
        StringBuilder text = new StringBuilder();
        if (total > 0) {
            double fraction = Math.min(1, (double) done / total);
            int filled = (int) Math.round(fraction * 20);
            text.append('[')
                    .append("#".repeat(filled))
                    .append(".".repeat(20 - filled))
                    .append("] ");
            text.append(String.format(DUTCH, "%3.0f%% ", fraction * 100));
            if (fraction > 0.01) {
                long left = Math.round(seconds * (1 - fraction) / fraction);
                text.append("nog ca. ").append(duration(left)).append(", ");
            }
        }
        text.append(String.format(
                DUTCH, "%s: %,d rijen gelezen, %,d rijen/s, %,d afgewezen", phase, read.get(), rate, rejected.get()));
        return text.toString();
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format("%d u %02d min", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%d min %02d s", seconds / 60, seconds % 60) : seconds + " s";
    }

    /** One rejected row or object; {@code where} names the part of the input, {@code what} the object or line. */
    synchronized void reject(String where, String what, String reason) {
        rejected.incrementAndGet();
        row(where, what, reason);
    }

    /** An address loaded without a buurt: reported beside the rejections, counted apart. */
    synchronized void unplaced(String where, String what, String reason) {
        unplaced.incrementAndGet();
        row(where, what, reason);
    }

    private void row(String where, String what, String reason) {
        try {
            if (reportWriter == null) {
                reportWriter = Files.newBufferedWriter(report, StandardCharsets.UTF_8);
                reportWriter.write("bron;object_of_regel;reden\n");
            }
            reportWriter.write(csv(where) + ";" + csv(what) + ";" + csv(reason) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Het rapport " + report + " kan niet worden geschreven", e);
        }
    }

    private static String csv(String value) {
        return value.contains(";") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"").replace("\n", " ") + "\""
                : value;
    }

    boolean hasReport() {
        return reportWriter != null;
    }

    long elapsedSeconds() {
        return (System.nanoTime() - started) / 1_000_000_000L;
    }

    @Override
    public void close() {
        if (reportWriter != null) {
            try {
                reportWriter.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
