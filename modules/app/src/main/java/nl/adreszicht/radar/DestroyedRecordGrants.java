package nl.adreszicht.radar;

import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.time.DutchTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a record is gone, the free text of the break-the-glass grants made while it was at the address (the reason,
 * and a reviewer's note) is erased: it speaks of what was recorded there. The grant, its use and its verdict stay.
 */
@Component
class DestroyedRecordGrants {

    private final JdbcTemplate jdbc;
    private final DutchTime time;

    DestroyedRecordGrants(JdbcTemplate jdbc, DutchTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    @EventListener
    void on(RecordDestroyed destroyed) {
        jdbc.update(
                "UPDATE break_the_glass SET reason = NULL, review_note = NULL, reason_erased_at = ?,"
                        + " revision = revision + 1 WHERE address_id = ? AND reason IS NOT NULL AND (record_ids IS NULL OR ? = ANY (record_ids))",
                time.nowUtc(),
                destroyed.address().value(),
                destroyed.recordId());
    }
}
