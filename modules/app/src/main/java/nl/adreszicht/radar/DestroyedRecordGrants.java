package nl.adreszicht.radar;

import java.time.Clock;
import java.time.OffsetDateTime;
import nl.adreszicht.addresses.RecordDestroyed;
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
    private final Clock clock;

    DestroyedRecordGrants(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(RecordDestroyed destroyed) {
        jdbc.update(
                "UPDATE break_the_glass SET reason = NULL, review_note = NULL, reason_erased_at = ?"
                        + " WHERE address_id = ? AND reason IS NOT NULL AND (record_ids IS NULL OR ? = ANY (record_ids))",
                OffsetDateTime.now(clock),
                destroyed.address().value(),
                destroyed.recordId());
    }
}
