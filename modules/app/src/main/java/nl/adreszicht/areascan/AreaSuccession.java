package nl.adreszicht.areascan;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly re-divisions of CBS areas: the module {@code registers} loads CBS's code changes through here, and the
 * area scan reads older years' tallies under the latest division (rule {@link CurrentDivision}).
 */
@Component
public class AreaSuccession {

    private final JdbcTemplate jdbc;

    AreaSuccession(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One code change: from {@code year} on, (part of) the area of {@code oldCode} lies in {@code newCode}.
     *
     * @param year the first year of the new division
     * @param oldCode a GM, WK or BU code of the division before
     * @param newCode a code of the same level in the new division
     * @param share the share of the old area's addresses that went to the new code (0-1], or null when whole
     */
    public record CodeChange(
            int year,
            String oldCode,
            String newCode,
            @Nullable Double share) {

        public CodeChange {
            if (!oldCode.regionMatches(0, newCode, 0, 2)) {
                throw new IllegalArgumentException(oldCode + " en " + newCode + " zijn niet van hetzelfde niveau");
            }
            if (share != null && (share <= 0 || share > 1)) {
                throw new IllegalArgumentException("aandeel moet groter dan 0 en hoogstens 1 zijn");
            }
        }
    }

    /**
     * Adds changes (a change already known is kept as it is) and derives every successor again; returns how many
     * changes were new.
     */
    @Transactional
    public int add(List<CodeChange> changes) {
        int added = 0;
        for (CodeChange change : changes) {
            added += jdbc.update(
                    "INSERT INTO area_code_change (change_year, old_code, new_code, share) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    change.year(),
                    change.oldCode(),
                    change.newCode(),
                    change.share());
        }
        List<CodeChange> all = jdbc.query(
                "SELECT change_year, old_code, new_code, share FROM area_code_change",
                (row, n) -> new CodeChange(
                        row.getInt(1),
                        row.getString(2),
                        row.getString(3),
                        row.getObject(4) == null ? null : row.getDouble(4)));
        jdbc.update("DELETE FROM area_code_successor");
        for (CurrentDivision.Successor successor : CurrentDivision.successors(all)) {
            jdbc.update(
                    "INSERT INTO area_code_successor (old_code, valid_until, current_code, rule_version)"
                            + " VALUES (?, ?, ?, ?)",
                    successor.oldCode(),
                    successor.validUntil(),
                    successor.current(),
                    CurrentDivision.VERSION);
        }
        return added;
    }
}
