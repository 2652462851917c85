package nl.adreszicht.casusoverleg;

import java.time.LocalDate;
import java.util.List;
import nl.adreszicht.areascan.ProtectedCount;
import nl.adreszicht.areascan.ProtectedTable;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The casusoverleg in figures for the gemeente-analist of the own gemeente, for a calendar year that has ended: cases
 * referred (accepted, declined), and closed per outcome. Every figure passes the area scan's disclosure control
 * ({@link ProtectedTable}): a reader knows that the referrals are the accepted plus the declined plus those still in
 * triage (never published), and that the closed cases are the sum of the outcomes.
 */
@Service
class CaseCounts {

    private final JdbcTemplate jdbc;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;

    CaseCounts(JdbcTemplate jdbc, CurrentProfessional currentProfessional, DutchTime time) {
        this.jdbc = jdbc;
        this.currentProfessional = currentProfessional;
        this.time = time;
    }

    /** The protected figures of one year. */
    record Figures(
            String gemeente,
            int year,
            ProtectedCount referred,
            ProtectedCount accepted,
            ProtectedCount declined,
            ProtectedCount closed,
            ProtectedCount safetyReached,
            ProtectedCount handedOver,
            ProtectedCount stopped,
            String rules) {}

    /** The last year that has ended: the default. */
    int lastYear() {
        return time.today().getYear() - 1;
    }

    Figures of(@Nullable Integer year) {
        String gemeente = currentProfessional
                .require()
                .gemeente()
                .orElseThrow(() -> new AccessDeniedException("Uw account hoort bij geen gemeente."));
        int chosen = year == null ? lastYear() : year;
        if (chosen > lastYear() || chosen < 2000) {
            throw new InvalidValueException("jaar", "validation.jaar.notEnded");
        }
        LocalDate from = LocalDate.of(chosen, 1, 1);
        LocalDate until = from.plusYears(1);
        long[] referred = jdbc.queryForObject(
                "SELECT count(*) FILTER (WHERE status IN ('lopend', 'gesloten')),"
                        + " count(*) FILTER (WHERE status = 'afgewezen'), count(*) FILTER (WHERE status = 'aangemeld')"
                        + " FROM casus WHERE gemeente_code = ? AND (referred_at AT TIME ZONE '" + DutchTime.ZONE_ID
                        + "')::date >= ?"
                        + " AND (referred_at AT TIME ZONE '" + DutchTime.ZONE_ID + "')::date < ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                gemeente,
                from,
                until);
        long[] closed = jdbc.queryForObject(
                "SELECT count(*) FILTER (WHERE outcome = 'veiligheid-bereikt'),"
                        + " count(*) FILTER (WHERE outcome = 'overgedragen'), count(*) FILTER (WHERE outcome = 'gestopt')"
                        + " FROM casus WHERE gemeente_code = ? AND status = 'gesloten' AND closed_on >= ?"
                        + " AND closed_on < ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)},
                gemeente,
                from,
                until);
        ProtectedTable table = new ProtectedTable();
        int all = table.count(referred[0] + referred[1] + referred[2]);
        int accepted = table.count(referred[0]);
        int declined = table.count(referred[1]);
        int waiting = table.hidden(referred[2]);
        table.sum(all, List.of(accepted, declined, waiting));
        int closedAll = table.count(closed[0] + closed[1] + closed[2]);
        int safe = table.count(closed[0]);
        int handedOver = table.count(closed[1]);
        int stopped = table.count(closed[2]);
        table.sum(closedAll, List.of(safe, handedOver, stopped));
        List<ProtectedCount> published = table.protect();
        return new Figures(
                gemeente,
                chosen,
                published.get(all),
                published.get(accepted),
                published.get(declined),
                published.get(closedAll),
                published.get(safe),
                published.get(handedOver),
                published.get(stopped),
                ProtectedTable.rules());
    }
}
