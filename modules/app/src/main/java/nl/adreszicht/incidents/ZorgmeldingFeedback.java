package nl.adreszicht.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.adreszicht.records.AfterCommitListener;
import nl.adreszicht.records.TerugkoppelingGegeven;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Shows Veilig Thuis's terugkoppeling on the police's zorgmelding: the status code, nothing more. After Veilig Thuis's
 * step committed, through the event publication registry, so it is never lost (ADR 0011). A later code replaces an
 * earlier one by the time it was given, so a late or repeated delivery never puts an older code back.
 */
@Component
class ZorgmeldingFeedback {

    private final JdbcClient jdbc;

    ZorgmeldingFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AfterCommitListener("incidents.zorgmelding-feedback")
    void on(TerugkoppelingGegeven feedback) {
        OffsetDateTime at = OffsetDateTime.ofInstant(feedback.at(), ZoneOffset.UTC);
        jdbc.sql("UPDATE zorgmelding SET feedback_code = ?, feedback_at = ? WHERE id = ?"
                        + " AND (feedback_at IS NULL OR feedback_at <= ?)")
                .params(feedback.statusCode(), at, feedback.zorgmelding(), at)
                .update();
    }
}
