package nl.adreszicht;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits, bounded, for the asynchronous after-commit listeners ({@code records.AfterCommitListener}, ADR 0011): a
 * request answers before they ran, so a test that checks their effect waits for it (or for their publications to be
 * gone from the registry) instead of expecting it at once, and never sleeps.
 */
public final class AfterCommit {

    /** Far longer than a listener takes on a busy machine; a listener that does not run at all still fails the test. */
    public static final Duration AT_MOST = Duration.ofSeconds(20);

    private AfterCommit() {}

    /**
     * Waits until no event publication whose event mentions {@code mentioned} (an address id, a zorgmelding id) is
     * left incomplete: every after-commit listener for it completed (completed publications are deleted).
     */
    public static void awaitListenersDone(JdbcTemplate jdbc, String mentioned) {
        await("after-commit listeners for " + mentioned)
                .atMost(AT_MOST)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND strpos(serialized_event, ?) > 0",
                                Integer.class,
                                mentioned)
                        == 0);
    }
}
