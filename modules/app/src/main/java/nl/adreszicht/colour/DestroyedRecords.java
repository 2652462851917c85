package nl.adreszicht.colour;

import java.time.OffsetDateTime;
import nl.adreszicht.records.RecordDestroyed;
import nl.adreszicht.time.DutchTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the colour code derived from a record that is gone: the history entries that counted it are deleted, and the
 * reasons of the raises and lowerings made while it was at the address are erased (their free text speaks of it). The
 * raises and lowerings themselves stay, so a colour stays explainable; {@link AddressColours} recomputes the colour
 * afterwards, in the same transaction.
 */
@Component
class DestroyedRecords {

    private final JdbcTemplate jdbc;
    private final DutchTime time;

    DestroyedRecords(JdbcTemplate jdbc, DutchTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    void forget(RecordDestroyed destroyed) {
        OffsetDateTime now = time.nowUtc();
        jdbc.update(
                "DELETE FROM address_colour_history WHERE address_id = ? AND ? = ANY (counted_record_ids)",
                destroyed.address().value(),
                destroyed.recordId());
        jdbc.update(
                "UPDATE colour_raise SET reason = NULL, reason_erased_at = ? WHERE address_id = ?"
                        + " AND reason IS NOT NULL AND (record_ids IS NULL OR ? = ANY (record_ids))",
                now,
                destroyed.address().value(),
                destroyed.recordId());
        jdbc.update(
                "UPDATE colour_lowering SET reason = NULL, reason_erased_at = ?, revision = revision + 1 WHERE address_id = ?"
                        + " AND reason IS NOT NULL AND ? = ANY (reviewed_record_ids)",
                now,
                destroyed.address().value(),
                destroyed.recordId());
    }
}
