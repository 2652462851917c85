package nl.adreszicht.registers;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mirror of the current, usable BAG objects, and which nummeraanduidingen a change touched ({@code bag_dirty}):
 * a changed verblijfsobject touches its hoofdadres and nevenadressen (before and after), a renamed openbare ruimte every
 * nummeraanduiding on it, a woonplaats or its gemeente every nummeraanduiding in it. Only touched addresses are derived
 * again, so a day of mutations costs seconds, and an unchanged extract touches nothing.
 */
@Component
class BagMirror {

    /** Per staged table: the mirror table, its columns (id first, voorkomen second). */
    static final Map<String, List<String>> TABLES = Map.of(
            "bag_nummeraanduiding",
            List.of("id", "voorkomen", "huisnummer", "huisletter", "toevoeging", "postcode", "opr_id", "wpl_id"),
            "bag_object",
            List.of("id", "voorkomen", "kind", "x", "y", "hoofdadres", "nevenadressen"),
            "bag_openbare_ruimte",
            List.of("id", "voorkomen", "naam", "wpl_id"),
            "bag_woonplaats",
            List.of("id", "voorkomen", "naam"));

    /** The large mirror tables that an empty mirror fills without the upsert ({@link #firstLoad}). */
    private static final List<String> FIRST_LOAD = List.of("bag_nummeraanduiding", "bag_object");

    /** Memory for each sort of the mirror's transaction (PostgreSQL's, not the heap). */
    private static final String WORK_MEM = "128MB";

    /** The mirror tables a mutation file changes, names before the objects that point at them. */
    private static final List<String> MUTATED =
            List.of("bag_woonplaats", "bag_openbare_ruimte", "bag_nummeraanduiding", "bag_object");

    private final JdbcTemplate jdbc;

    BagMirror(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The mirror's tables and the marks: what the address derivation reads. */
    static final List<String> DERIVATION_READS = List.of(
            "bag_nummeraanduiding",
            "bag_object",
            "bag_object_adres",
            "bag_openbare_ruimte",
            "bag_woonplaats",
            "bag_gemeente_woonplaats",
            "bag_dirty");

    /**
     * Refreshes the planner's statistics of what the derivation reads, after the mirror changed in bulk and before the
     * derivation plans its page read. Without it a first national load planned on no statistics, and autovacuum's
     * analyses arriving table by table during the derivation turned the page's lookups by key into a plan that ran
     * for minutes per page of 10,000 (registers/004-mirror-statistics.yaml grants what ANALYZE needs).
     */
    void analyze() {
        jdbc.execute("ANALYZE " + String.join(", ", DERIVATION_READS));
    }

    /** Empties the staging tables: a new full extract starts. */
    void clearStaging() {
        jdbc.execute("TRUNCATE bag_nummeraanduiding_load, bag_object_load, bag_openbare_ruimte_load,"
                + " bag_woonplaats_load, bag_gemeente_woonplaats_load");
    }

    /** Whether the staging holds nothing (emptied, or lost in a crash of PostgreSQL: it is unlogged). */
    boolean stagingEmpty() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM bag_nummeraanduiding_load) AND NOT EXISTS (SELECT 1 FROM"
                        + " bag_object_load) AND NOT EXISTS (SELECT 1 FROM bag_openbare_ruimte_load) AND NOT EXISTS"
                        + " (SELECT 1 FROM bag_woonplaats_load) AND NOT EXISTS (SELECT 1 FROM"
                        + " bag_gemeente_woonplaats_load)",
                Boolean.class));
    }

    /**
     * Makes the mirror equal to the staged full extract (one transaction is the caller's): per table the current
     * voorkomen of every object is upserted when it differs, objects missing from the extract are removed (ended), and
     * the nummeraanduidingen they touch are marked.
     */
    void applyStaging() {
        // The sorts of DISTINCT ON work on millions of rows: in memory as far as they fit, for this transaction only.
        jdbc.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS bag_changed (id char(16) PRIMARY KEY) ON COMMIT DROP");
        for (String table : List.of("bag_woonplaats", "bag_openbare_ruimte", "bag_nummeraanduiding", "bag_object")) {
            if (FIRST_LOAD.contains(table) && empty(table)) {
                firstLoad(table);
                continue;
            }
            jdbc.execute("TRUNCATE bag_changed");
            List<String> columns = TABLES.get(table);
            String list = String.join(", ", columns);
            String set = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> c + " = excluded." + c)
                            .toList());
            String old = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "t." + c)
                            .toList());
            String neu = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "excluded." + c)
                            .toList());
            jdbc.execute("WITH src AS (SELECT DISTINCT ON (id) " + list + " FROM " + table + "_load"
                    + " ORDER BY id, voorkomen DESC),"
                    + " up AS (INSERT INTO " + table + " AS t (" + list + ") SELECT " + list + " FROM src"
                    + " ON CONFLICT (id) DO UPDATE SET " + set + " WHERE (" + old + ") IS DISTINCT FROM (" + neu + ")"
                    + " RETURNING t.id),"
                    + " gone AS (DELETE FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM " + table + "_load l"
                    + " WHERE l.id = t.id) RETURNING t.id)"
                    + " INSERT INTO bag_changed SELECT id FROM up UNION SELECT id FROM gone");
            touched(table);
        }
        jdbc.execute("TRUNCATE bag_changed");
        jdbc.execute("WITH src AS (SELECT DISTINCT ON (wpl_id) wpl_id, gemeente FROM bag_gemeente_woonplaats_load"
                + " ORDER BY wpl_id, gemeente),"
                + " up AS (INSERT INTO bag_gemeente_woonplaats AS t SELECT * FROM src ON CONFLICT (wpl_id)"
                + " DO UPDATE SET gemeente = excluded.gemeente WHERE t.gemeente <> excluded.gemeente RETURNING t.wpl_id),"
                + " gone AS (DELETE FROM bag_gemeente_woonplaats t WHERE NOT EXISTS (SELECT 1 FROM"
                + " bag_gemeente_woonplaats_load l WHERE l.wpl_id = t.wpl_id) RETURNING t.wpl_id)"
                + " INSERT INTO bag_changed SELECT wpl_id FROM up UNION SELECT wpl_id FROM gone");
        touched("bag_woonplaats");
    }

    private boolean empty(String table) {
        return Boolean.FALSE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + table + ")", Boolean.class));
    }

    /**
     * Fills an empty mirror table (the first load of a national extract, about 10 million rows) without the upsert:
     * with nothing to compare against, every staged object is new, so one INSERT of the current voorkomens in the order
     * of the primary key does what the upsert would, at a fraction of its cost (no conflict probe and no
     * {@code bag_changed} row per object, no {@code IN (SELECT id FROM bag_changed)} joins over 10 million ids). Every
     * object is new, so every nummeraanduiding it is or designates is marked. The same transaction as the upsert, so an
     * interruption leaves the table empty and the next run takes this path again. (The application's role may not
     * drop or create the mirror's indexes, so they are kept up to date row by row.)
     */
    private void firstLoad(String table) {
        List<String> columns = TABLES.get(table);
        String list = String.join(", ", columns);
        jdbc.execute("INSERT INTO " + table + " (" + list + ") SELECT DISTINCT ON (id) " + list + " FROM " + table
                + "_load ORDER BY id, voorkomen DESC");
        if (table.equals("bag_nummeraanduiding")) {
            jdbc.execute("INSERT INTO bag_dirty SELECT id FROM bag_nummeraanduiding ON CONFLICT DO NOTHING");
            return;
        }
        // bag_object: the addresses of every object, as touched() would give them (left-overs of objects no longer in
        // the mirror are marked and removed first), in the order of the primary key, a hoofdadres before the same
        // nummeraanduiding as nevenadres of the same object.
        jdbc.execute("INSERT INTO bag_dirty SELECT num_id FROM bag_object_adres ON CONFLICT DO NOTHING");
        jdbc.execute("DELETE FROM bag_object_adres");
        jdbc.execute("INSERT INTO bag_object_adres (num_id, object_id, hoofdadres)"
                + " SELECT DISTINCT ON (num_id, object_id) num_id, object_id, hoofdadres FROM ("
                + " SELECT hoofdadres AS num_id, id AS object_id, true AS hoofdadres FROM bag_object"
                + " UNION ALL SELECT unnest(nevenadressen), id, false FROM bag_object) a"
                + " ORDER BY num_id, object_id, hoofdadres DESC");
        jdbc.execute("INSERT INTO bag_dirty SELECT DISTINCT num_id FROM bag_object_adres ON CONFLICT DO NOTHING");
    }

    /** Marks the nummeraanduidingen that the ids in {@code bag_changed} (of {@code table}) touch. */
    void touched(String table) {
        switch (table) {
            case "bag_nummeraanduiding" ->
                jdbc.execute("INSERT INTO bag_dirty SELECT id FROM bag_changed ON CONFLICT DO NOTHING");
            case "bag_object" -> {
                jdbc.execute("INSERT INTO bag_dirty SELECT num_id FROM bag_object_adres"
                        + " WHERE object_id IN (SELECT id FROM bag_changed) ON CONFLICT DO NOTHING");
                jdbc.execute("DELETE FROM bag_object_adres WHERE object_id IN (SELECT id FROM bag_changed)");
                jdbc.execute("INSERT INTO bag_object_adres (num_id, object_id, hoofdadres)"
                        + " SELECT hoofdadres, id, true FROM bag_object WHERE id IN (SELECT id FROM bag_changed)"
                        + " UNION ALL SELECT unnest(nevenadressen), id, false FROM bag_object"
                        + " WHERE id IN (SELECT id FROM bag_changed) ON CONFLICT DO NOTHING");
                jdbc.execute("INSERT INTO bag_dirty SELECT num_id FROM bag_object_adres"
                        + " WHERE object_id IN (SELECT id FROM bag_changed) ON CONFLICT DO NOTHING");
            }
            case "bag_openbare_ruimte" ->
                jdbc.execute("INSERT INTO bag_dirty SELECT id FROM bag_nummeraanduiding"
                        + " WHERE opr_id IN (SELECT id FROM bag_changed) ON CONFLICT DO NOTHING");
            default ->
                jdbc.execute("INSERT INTO bag_dirty SELECT n.id FROM bag_nummeraanduiding n"
                        + " WHERE n.wpl_id IN (SELECT substring(id, 1, 4) FROM bag_changed)"
                        + " OR n.opr_id IN (SELECT o.id FROM bag_openbare_ruimte o"
                        + " WHERE o.wpl_id IN (SELECT substring(id, 1, 4) FROM bag_changed)) ON CONFLICT DO NOTHING");
        }
    }

    /**
     * Before the objects of one mutation file, in its transaction: the tables its objects are staged in (each mirror
     * row with its place in the file and whether it holds) and the table of what changed.
     */
    void beginMutations() {
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS bag_changed (id char(16) PRIMARY KEY) ON COMMIT DROP");
        for (String table : MUTATED) {
            jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + table + "_mut (LIKE " + table
                    + ", seq bigint NOT NULL, holds boolean NOT NULL) ON COMMIT DROP");
        }
    }

    /**
     * Applies the staged objects of one mutation file at once (the caller's transaction). Per object the last mention of
     * its highest voorkomen decides, as applying the file object by object in its order would: when that voorkomen holds
     * it replaces an older or equal one in the mirror (never a newer one), and when it does not (ended, inactive,
     * withdrawn, taken out of the register) the object leaves the mirror as far as the mirror holds that voorkomen or an
     * older one. The nummeraanduidingen touched are marked. Applying the same file again changes nothing.
     */
    void applyMutations() {
        for (String table : MUTATED) {
            jdbc.update("DELETE FROM bag_changed");
            List<String> columns = TABLES.get(table);
            String list = String.join(", ", columns);
            String set = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> c + " = excluded." + c)
                            .toList());
            String old = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "t." + c)
                            .toList());
            String neu = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "excluded." + c)
                            .toList());
            jdbc.execute("WITH latest AS (SELECT DISTINCT ON (id) * FROM " + table + "_mut ORDER BY id, voorkomen DESC,"
                    + " seq DESC),"
                    + " up AS (INSERT INTO " + table + " AS t (" + list + ") SELECT " + list
                    + " FROM latest WHERE holds"
                    + " ON CONFLICT (id) DO UPDATE SET " + set + " WHERE excluded.voorkomen >= t.voorkomen AND (" + old
                    + ") IS DISTINCT FROM (" + neu + ") RETURNING t.id),"
                    + " gone AS (DELETE FROM " + table + " t USING latest l WHERE l.id = t.id AND NOT l.holds"
                    + " AND t.voorkomen <= l.voorkomen RETURNING t.id)"
                    + " INSERT INTO bag_changed SELECT id FROM up UNION SELECT id FROM gone");
            touched(table);
        }
    }

    /**
     * Applies one object of a mutation file (after {@link #beginMutations()}): its voorkomen replaces an older one when it holds and is usable; when it
     * does not (ended, inactive, withdrawn) it removes the object as far as the mirror holds this or an older voorkomen.
     * Applying the same mutation again changes nothing.
     */
    void applyMutation(BagObject object, boolean current) {
        // A DELETE of the one row left by the previous object costs far less than a TRUNCATE (new files) per object.
        jdbc.update("DELETE FROM bag_changed");
        String table = switch (object.type()) {
            case "NUM" -> "bag_nummeraanduiding";
            case "VBO", "LIG", "STA" -> "bag_object";
            case "OPR" -> "bag_openbare_ruimte";
            case "WPL" -> "bag_woonplaats";
            default -> "bag_gemeente_woonplaats";
        };
        int changed;
        if (table.equals("bag_gemeente_woonplaats")) {
            changed = current
                    ? jdbc.update(
                            "INSERT INTO bag_gemeente_woonplaats AS t VALUES (?, ?) ON CONFLICT (wpl_id) DO UPDATE"
                                    + " SET gemeente = excluded.gemeente WHERE t.gemeente <> excluded.gemeente",
                            object.id(),
                            object.naam())
                    : jdbc.update(
                            "DELETE FROM bag_gemeente_woonplaats WHERE wpl_id = ? AND gemeente = ?",
                            object.id(),
                            object.naam());
        } else if (current) {
            List<String> columns = TABLES.get(table);
            String list = String.join(", ", columns);
            String marks = String.join(
                    ", ",
                    columns.stream()
                            .map(c -> c.equals("nevenadressen") ? "?::char(16)[]" : "?")
                            .toList());
            String set = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> c + " = excluded." + c)
                            .toList());
            String old = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "t." + c)
                            .toList());
            String neu = String.join(
                    ", ",
                    columns.subList(1, columns.size()).stream()
                            .map(c -> "excluded." + c)
                            .toList());
            changed = jdbc.update(
                    "INSERT INTO " + table + " AS t (" + list + ") VALUES (" + marks.replace("?", "?") + ")"
                            + " ON CONFLICT (id) DO UPDATE SET " + set
                            + " WHERE excluded.voorkomen >= t.voorkomen AND (" + old + ") IS DISTINCT FROM (" + neu
                            + ")",
                    values(object, table));
        } else {
            changed = jdbc.update(
                    "DELETE FROM " + table + " WHERE id = ? AND voorkomen <= ?", object.id(), object.voorkomen());
        }
        if (changed > 0) {
            jdbc.update("INSERT INTO bag_changed VALUES (?)", object.id());
            touched(table);
        }
    }

    /** The mirror row of an object, in the column order of {@link #TABLES}. */
    static Object[] values(BagObject o, String table) {
        return switch (table) {
            case "bag_nummeraanduiding" ->
                new Object[] {
                    o.id(),
                    o.voorkomen(),
                    o.huisnummer(),
                    o.huisletter(),
                    o.toevoeging(),
                    o.postcode(),
                    o.openbareRuimte(),
                    o.woonplaats()
                };
            case "bag_object" ->
                new Object[] {
                    o.id(),
                    o.voorkomen(),
                    o.type(),
                    Double.isNaN(o.x()) ? null : o.x(),
                    Double.isNaN(o.y()) ? null : o.y(),
                    o.hoofdadres(),
                    nevenadressen(o)
                };
            case "bag_openbare_ruimte" -> new Object[] {o.id(), o.voorkomen(), o.naam(), o.woonplaats()};
            default -> new Object[] {o.id(), o.voorkomen(), o.naam()};
        };
    }

    static String nevenadressen(BagObject o) {
        return "{" + String.join(",", o.nevenadressen()) + "}";
    }
}
