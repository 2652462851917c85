package nl.adreszicht.colour;

import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.adreszicht.records.RecordSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The colour rules as stored data: the active version is the one every new decision uses. */
@Component
class ColourRulesVersions {

    private final JdbcTemplate jdbc;

    ColourRulesVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ColourRulesVersion active() {
        return jdbc.queryForObject(
                "SELECT * FROM colour_rules_version WHERE active",
                (row, n) -> new ColourRulesVersion(
                        row.getString("id"),
                        Period.ofMonths(row.getInt("window_months")),
                        row.getInt("same_event_days"),
                        sources(row.getString("incident_sources")),
                        row.getInt("yellow_incidents"),
                        row.getInt("yellow_incidents_at_s2"),
                        row.getInt("yellow_incidents_with_children"),
                        row.getInt("orange_incidents"),
                        row.getInt("orange_incidents_with_children"),
                        row.getInt("orange_incidents_at_s3"),
                        row.getInt("red_incidents"),
                        row.getInt("red_s3_incidents_with_children"),
                        row.getInt("red_incidents_with_an_s3")));
    }

    private static Set<RecordSource> sources(String names) {
        return Arrays.stream(names.split(","))
                .map(String::trim)
                .map(RecordSource::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordSource.class)));
    }
}
