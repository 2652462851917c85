package nl.adreszicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query-plan guards: with sequential scans priced out, every scan of a large table must be an index access
 * with an index condition. Test data is tiny, so the planner's own choice would prove nothing; this asks whether
 * an index can serve the statement at all, which is what national-scale data (~10M addresses) needs. A full
 * index scan with only a filter (the index used for its order, not to find rows) fails as a sequential scan does.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryPlans() {}

    /** Fails unless every scan of {@code table} in the plan of {@code sql} finds its rows through an index. */
    public static void assertIndexed(
            JdbcTemplate jdbc, TransactionTemplate transaction, String table, String sql, Object... args) {
        String plan = transaction.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return jdbc.queryForObject("EXPLAIN (FORMAT JSON) " + sql, String.class, args);
        });
        List<String> scans = new ArrayList<>();
        collect(JSON.readTree(plan).path(0).path("Plan"), table, scans);
        assertThat(scans)
                .as("scans of " + table + " in the plan of: " + sql + "\n" + plan)
                .isNotEmpty();
        assertThat(scans)
                .as("every scan of " + table + " must use an index condition; plan of: " + sql + "\n" + plan)
                .allMatch(scan -> scan.startsWith("indexed"));
    }

    private static void collect(JsonNode node, String table, List<String> scans) {
        if (table.equals(node.path("Relation Name").asString(""))) {
            String type = node.path("Node Type").asString("");
            boolean indexed = switch (type) {
                case "Index Scan", "Index Only Scan" -> node.has("Index Cond");
                case "Bitmap Heap Scan" -> true; // its Bitmap Index Scan child carries the condition
                default -> false;
            };
            scans.add((indexed ? "indexed " : "unindexed ") + type);
        }
        for (JsonNode child : node.path("Plans")) {
            collect(child, table, scans);
        }
    }
}
