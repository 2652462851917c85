package nl.adreszicht.registers;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.adreszicht.records.PageController;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The beheerder's page of register imports: the latest runs, who started them, which file, its checksum and counts. */
@PageController
class RegisterImportsPageController {

    private static final DateTimeFormatter DUTCH_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(DutchTime.ZONE);
    private static final DateTimeFormatter DUTCH_DAY =
            DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(DutchTime.ZONE);
    private static final DateTimeFormatter DUTCH_CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(DutchTime.ZONE);

    private final RegisterImports imports;

    RegisterImportsPageController(RegisterImports imports) {
        this.imports = imports;
    }

    /** One run as the page shows it: times in Dutch time, the checksum shortened. */
    record Row(
            String register,
            String file,
            String checksum,
            String options,
            String by,
            String started,
            String finished,
            String status,
            long read,
            long written,
            long ended,
            long rejected,
            long unplaced,
            @Nullable String message) {}

    @GetMapping("/beheer/registerimports")
    String page(Model model) {
        List<Row> rows = imports.recent(100).stream()
                .map(e -> new Row(
                        e.register(),
                        e.fileName(),
                        e.checksum().substring(0, 12),
                        e.options(),
                        e.startedBy(),
                        time(e.startedAt()),
                        e.finishedAt() == null ? "" : until(e.startedAt(), e.finishedAt()),
                        e.status(),
                        e.read(),
                        e.written(),
                        e.ended(),
                        e.rejected(),
                        e.unplaced(),
                        e.message()))
                .toList();
        model.addAttribute("runs", rows);
        return "registerimports";
    }

    private static String time(Instant instant) {
        return DUTCH_TIME.format(instant);
    }

    /** The end of a run: only its time when it ended on the day it started (in Dutch time). */
    private static String until(Instant started, Instant finished) {
        String day = DUTCH_DAY.format(started);
        return DUTCH_DAY.format(finished).equals(day) ? DUTCH_CLOCK.format(finished) : time(finished);
    }
}
