package nl.adreszicht.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The privacy officer's entry when a professional reads far more addresses than usual (issue 13). Once a day, on one
 * instance of the cluster (a PostgreSQL advisory lock, as the retention sweep), it counts per professional the distinct
 * addresses they read yesterday, from the access log (the reads the read guard counts, {@link ReadGuard#guards}),
 * keeps that count in {@code reading_day}, and applies {@link UnusualReadingRule} against their own earlier days; a day
 * the rule calls unusual becomes a row of {@code unusual_reading}, which the privacy officer of the professional's
 * organisation sees on the access-log page and on Mijn werk. A job rather than a check at read time: it keeps the hot
 * read path at the guard's one bucket update, and a day is judged once it is complete. Running it again for a day
 * changes nothing.
 */
@Component
class UnusualReadings {

    private static final Logger log = LoggerFactory.getLogger(UnusualReadings.class);

    /** "AZ" + "Unusual" in spirit: a constant unique to this job within the database. */
    static final long LOCK_KEY = 0x415A556E7573756CL;

    /** Distinct addresses per professional read in one Dutch day; the BRIN index finds the day's part of the log. */
    static final String COUNT_DAY = """
            INSERT INTO reading_day (subject, day, organisation, addresses)
            SELECT actor_subject, ?, max(actor_organisation), count(DISTINCT object_id)
              FROM access_log
             WHERE logged_at >= ? AND logged_at < ?
               AND kind IN ('LEZEN', 'ZOEKEN') AND object_type = 'adres' AND object_id IS NOT NULL
             GROUP BY actor_subject
            ON CONFLICT (subject, day) DO UPDATE SET addresses = EXCLUDED.addresses,
                                                     organisation = EXCLUDED.organisation
            """;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ReadGuardProperties properties;
    private final DutchTime time;

    UnusualReadings(DataSource dataSource, JdbcTemplate jdbc, ReadGuardProperties properties, DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.time = time;
    }

    @Scheduled(cron = "${adreszicht.read-guard.unusual-cron:0 15 2 * * *}", zone = DutchTime.ZONE_ID)
    void daily() {
        int found = judge(time.today().minusDays(1));
        if (found > 0) {
            log.info("Read guard: {} professionals read far more addresses than usual yesterday", found);
        }
    }

    /** Judges {@code day}; returns how many new findings, or -1 when another instance is judging. */
    int judge(LocalDate day) {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return judgeLocked(day);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The unusual-reading job could not take its lock", e);
        }
    }

    private int judgeLocked(LocalDate day) {
        jdbc.update(
                COUNT_DAY,
                day,
                Timestamp.from(day.atStartOfDay(DutchTime.ZONE).toInstant()),
                Timestamp.from(day.plusDays(1).atStartOfDay(DutchTime.ZONE).toInstant()));
        UnusualReadingRule rule = UnusualReadingRule.of(properties);
        Map<String, List<Integer>> earlier = new LinkedHashMap<>();
        jdbc.query(
                "SELECT subject, addresses FROM reading_day WHERE day >= ? AND day < ?"
                        + " AND subject IN (SELECT subject FROM reading_day WHERE day = ?)",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> {
                    earlier.computeIfAbsent(row.getString("subject"), subject -> new ArrayList<>())
                            .add(row.getInt("addresses"));
                },
                day.minusDays(properties.unusualHistoryDays()),
                day,
                day);
        int found = 0;
        for (Map<String, @Nullable Object> reading :
                jdbc.queryForList("SELECT subject, organisation, addresses FROM reading_day WHERE day = ?", day)) {
            String subject = (String) reading.get("subject");
            int addresses = ((Number) reading.get("addresses")).intValue();
            UnusualReadingRule.Verdict verdict = rule.judge(addresses, earlier.getOrDefault(subject, List.of()));
            if (verdict.unusual()) {
                found += jdbc.update(
                        "INSERT INTO unusual_reading (subject, organisation, day, addresses, usual_median, threshold,"
                                + " rule_version) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (subject, day, rule_version) DO NOTHING",
                        subject,
                        reading.get("organisation"),
                        day,
                        addresses,
                        verdict.usualMedian(),
                        verdict.threshold(),
                        rule.version());
            }
        }
        return found;
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** A day of far more reading than usual, as the privacy officer sees it. */
    record Finding(
            long id, String subject, LocalDate day, int addresses, double usualMedian, int threshold, String rule) {}

    /** The findings about professionals of {@code organisation} on {@code since} or later, newest first. */
    List<Finding> of(String organisation, LocalDate since) {
        return jdbc.query(
                "SELECT id, subject, day, addresses, usual_median, threshold, rule_version FROM unusual_reading"
                        + " WHERE organisation = ? AND day >= ? ORDER BY day DESC, addresses DESC LIMIT 200",
                (row, n) -> new Finding(
                        row.getLong("id"),
                        row.getString("subject"),
                        row.getObject("day", LocalDate.class),
                        row.getInt("addresses"),
                        row.getDouble("usual_median"),
                        row.getInt("threshold"),
                        row.getString("rule_version")),
                organisation,
                since);
    }
}
