package nl.adreszicht.records;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a module reports as the open work of the professional behind the current request, for the start page ("Mijn
 * werk"): implemented by the modules that own the work (Veilig Thuis's worklist, the break-the-glass reviews), read by
 * the shell, which knows none of them. An implementation answers only for the roles it serves and applies the
 * professional's scope as its own pages do; for anyone else it answers nothing.
 */
public interface OpenWork {

    /** The open items of the current professional; none when this module has no work for them. */
    List<Item> ofCurrentProfessional();

    /**
     * A kind of open work.
     *
     * @param labelKey the message key of what it is, e.g. {@code mijnwerk.beoordeling-te-laat}
     * @param count how many are open
     * @param deadline the earliest deadline among them, if they have deadlines
     * @param overdue whether that deadline has passed
     * @param href the page that lists them
     */
    record Item(String labelKey, int count, @Nullable LocalDate deadline, boolean overdue, String href) {}
}
