package nl.adreszicht.monitor;

import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import nl.adreszicht.records.RecordSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recidive rules as stored data ({@code recidive_rules_version}): the active version is the one every new figure uses. */
@Component
class RecidiveRulesVersions {

    private final JdbcTemplate jdbc;

    RecidiveRulesVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    RecidiveRules active() {
        return jdbc.queryForObject(
                "SELECT * FROM recidive_rules_version WHERE active",
                (row, n) -> new RecidiveRules(
                        row.getString("id"),
                        Period.ofMonths(row.getInt("window_months")),
                        row.getInt("same_event_days"),
                        Arrays.stream(row.getString("sources").split(","))
                                .map(String::trim)
                                .map(RecordSource::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordSource.class))),
                        Period.ofMonths(row.getInt("short_follow_up_months")),
                        Period.ofMonths(row.getInt("long_follow_up_months"))));
    }
}
