import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns PostgreSQL's statement log of a capture pass into the pgbench script of a scenario's floor, so the floor is
 * the exact SQL the application ran for that request and is never kept by hand (issue 18).
 *
 * <p>bench/run.sh switches {@code log_statement = 'all'} on for the capture pass only (ALTER SYSTEM + reload, off
 * again before the measured runs) and sends a few single requests with {@code LoadDriver mode=samples}, which prints
 * each request's wall-clock window, the address it used and the registration number it sent. The embedded
 * PostgreSQL writes its log to data/bench-&lt;size&gt;/log/postgresql.log (run.sh turns the logging collector on in
 * the data directory before the start; lines of the application's log with PostgreSQL's output, logger
 * EmbeddedPostgres, are read as well). This program cuts the
 * statements of each request out by its window, keeps the sequence most samples share (a background task of the
 * application, such as the access-log sealer, adds statements to one sample, not to most), and writes that
 * sample's statements with their logged parameters as a pgbench script:
 *
 * <ul>
 *   <li>the address the request used becomes {@code :aid}, drawn uniformly from the same list the load driver draws
 *       from ({@code bench.target}, one primary-key probe extra in front, the only statement the application does
 *       not run);
 *   <li>the registration number the driver sent, and every id that first appears as a parameter of an INSERT (an id
 *       the application generated), become fresh values per transaction ({@code gen_random_uuid()}, one round trip
 *       for all of them in front);
 *   <li>every other parameter stays the literal the application sent (gemeente, dates, user, organisation);
 *   <li>a transaction that wrote is rolled back instead of committed, followed by one small committed insert into
 *       {@code bench.commit_cost} (the commit's WAL flush), so the floor takes the same row locks and pays the same
 *       flush but leaves the data as it was ({@link #UNDONE_COMMIT});
 *   <li>the statements of a connection whose transaction the request's window cuts are left out ({@link #whole}).
 * </ul>
 *
 * <p>Arguments: log=app.log samples=file-of-SAMPLE-lines scenario=name target=history|register|- out=script.sql.
 * Exit code 1, with a clear line, when no sample can be cut out of the log.
 */
public class FloorCapture {

    private static final Pattern LOGGED = Pattern.compile("EmbeddedPostgres\\s+: (.*)$");

    private static final Pattern ENTRY = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\w+ \\[(\\d+)\\] (\\w+):  (.*)$");

    private static final Pattern STATEMENT = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']++|'')*+)')");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    /** The key of a professional's read-guard bucket (ReadGuard: subject, then ":burst/per-hour"). */
    private static final Pattern READ_GUARD_BUCKET = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\\d+/\\d+");

    /**
     * per-client-bucket=true: the load driver read as one account per connection (accounts=N), so each pgbench client
     * takes the read guard's row of a professional of its own ({@code <key>-<client_id>}, rows bench/run.sh copies from
     * the captured one) instead of all clients queueing on the one row the samples used.
     */
    static boolean perClientBucket;

    /** A colon where pgbench would start a variable, inside a literal as much as outside one. */
    private static final Pattern PGBENCH_VARIABLE = Pattern.compile(":(?=[A-Za-z_\\u0080-\\uFFFF])");

    /**
     * A statement that writes: INSERT, UPDATE, DELETE, MERGE, or a WITH whose parts do (not SELECT ... FOR UPDATE).
     * Matched on the upper-cased text.
     */
    private static final Pattern WRITE = Pattern.compile(
            "^(INSERT|UPDATE|DELETE|MERGE)\\b|^WITH\\b.*\\b(INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM)\\b",
            Pattern.DOTALL);

    /**
     * What replaces the COMMIT of a transaction that wrote. The floor must leave the data as it was: replayed with
     * the sample's literals at other addresses, a registration's writes of derived rows (the monitor's counts per
     * address and month, {@code monitor_address.counted}, the access log's chain) would be wrong for those addresses.
     * It did that: the monitor's cells of the benchmark's gemeente went negative after a land run, and every monitor
     * request answered 500. So the transaction is rolled back, which releases its row locks as a commit does, and one
     * small committed insert pays the commit's WAL flush, which PostgreSQL would otherwise skip.
     */
    static final String UNDONE_COMMIT = "ROLLBACK;\nINSERT INTO bench.commit_cost DEFAULT VALUES;\n";

    /** What a statement does to the transaction of its connection. */
    enum Control {
        BEGIN,
        COMMIT,
        ROLLBACK,
        NONE;

        static Control of(String sql) {
            String upper = sql.strip().toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("BEGIN") || upper.startsWith("START TRANSACTION")) {
                return BEGIN;
            }
            if (upper.startsWith("COMMIT") || upper.equals("END") || upper.startsWith("END ")) {
                return COMMIT;
            }
            // ROLLBACK TO SAVEPOINT stays inside the transaction.
            return upper.startsWith("ROLLBACK") && !upper.startsWith("ROLLBACK TO") ? ROLLBACK : NONE;
        }
    }

    /** One statement as the application sent it. */
    record Statement(long at, String pid, String sql, Map<Integer, String> parameters) {}

    record Sample(long from, long to, String id, String number) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String scenario = options.get("scenario");
        List<Statement> log = read(Path.of(options.get("log")));
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(options.get("samples")))) {
            String[] f = line.split("\t");
            if (f.length >= 6 && f[0].equals("SAMPLE") && f[3].startsWith("2")) {
                samples.add(new Sample(Long.parseLong(f[1]), Long.parseLong(f[2]), f[4], f[5]));
            }
        }
        // The statements of each request, by its window (the log's clock is the driver's: same machine).
        Map<List<String>, List<Integer>> shapes = new LinkedHashMap<>();
        List<List<Statement>> cut = new ArrayList<>();
        for (Sample sample : samples) {
            List<Statement> window = log.stream()
                    .filter(s -> s.at() >= sample.from() && s.at() <= sample.to())
                    .toList();
            List<Statement> mine = whole(window);
            cut.add(mine);
            if (!mine.isEmpty()) {
                shapes.computeIfAbsent(mine.stream().map(Statement::sql).toList(), k -> new ArrayList<>())
                        .add(cut.size() - 1);
            }
        }
        if (shapes.isEmpty()) {
            System.out.println("FLOOR CAPTURE FAILED: " + scenario + ": no statements in the windows of "
                    + samples.size() + " samples (is log_statement on, is this PostgreSQL's log?)");
            System.exit(1);
        }
        List<Integer> chosen = shapes.values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow();
        int index = chosen.get(0);
        Sample sample = samples.get(index);
        perClientBucket = "true".equals(options.get("per-client-bucket"));
        String script = script(scenario, options.getOrDefault("target", "-"), sample, cut.get(index), chosen.size(),
                samples.size());
        Files.writeString(Path.of(options.get("out")), script);
        System.out.printf(
                "floor of %s: %d statements, the shape of %d of %d samples (%d shapes)%n",
                scenario, cut.get(index).size(), chosen.size(), samples.size(), shapes.size());
    }

    /**
     * The statements of the window without those of a connection whose transaction the window cuts: a transaction
     * that began before the window (a COMMIT with no BEGIN in it) or ends after it (a BEGIN with no COMMIT). At land
     * scale the work a registration leaves for after its commit, on other connections, still runs when the next
     * sample starts: cut in two, it made every sample's shape different and the script end inside a transaction,
     * which pgbench refuses. The statements of whole connections keep their order in the log.
     */
    static List<Statement> whole(List<Statement> window) {
        Map<String, Boolean> whole = new HashMap<>();
        Map<String, Boolean> open = new HashMap<>();
        for (Statement statement : window) {
            Control control = Control.of(statement.sql());
            whole.putIfAbsent(statement.pid(), true);
            if (control == Control.BEGIN) {
                open.put(statement.pid(), true);
            } else if (control == Control.COMMIT || control == Control.ROLLBACK) {
                if (!open.getOrDefault(statement.pid(), false)) {
                    whole.put(statement.pid(), false);
                }
                open.put(statement.pid(), false);
            }
        }
        open.forEach((pid, stillOpen) -> {
            if (stillOpen) {
                whole.put(pid, false);
            }
        });
        return window.stream().filter(s -> whole.get(s.pid())).toList();
    }

    static List<Statement> read(Path file) throws IOException {
        List<Statement> statements = new ArrayList<>();
        // PostgreSQL's entries, multi-line ones joined; each line of the log is one line of PostgreSQL's stderr.
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            // A line of the application's log carrying PostgreSQL's output, or a line of PostgreSQL's own log file.
            Matcher logged = LOGGED.matcher(line);
            String text = logged.find() ? logged.group(1) : line;
            Matcher entry = ENTRY.matcher(text);
            if (entry.matches()) {
                entries.add(new String[] {entry.group(1), entry.group(2), entry.group(3), entry.group(4)});
            } else if (!entries.isEmpty()) {
                String[] last = entries.get(entries.size() - 1);
                last[3] = last[3] + "\n" + text;
            }
        }
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm:ss.SSS");
        Statement open = null;
        for (String[] entry : entries) {
            if (entry[2].equals("LOG")) {
                Matcher statement = STATEMENT.matcher(entry[3]);
                if (statement.matches()) {
                    String sql = statement.group(1).strip();
                    long at = java.time.LocalDateTime.parse(entry[0], format)
                            .toInstant(java.time.ZoneOffset.UTC)
                            .toEpochMilli();
                    open = sql.isEmpty() ? null : new Statement(at, entry[1], sql, new HashMap<>());
                    if (open != null) {
                        statements.add(open);
                    }
                    continue;
                }
            }
            if (entry[2].equals("DETAIL") && entry[3].regionMatches(true, 0, "parameters: ", 0, 12) && open != null
                    && open.pid().equals(entry[1])) {
                Matcher parameter = PARAMETER.matcher(entry[3]);
                while (parameter.find()) {
                    open.parameters()
                            .put(Integer.parseInt(parameter.group(1)),
                                    parameter.group(3) == null ? null : parameter.group(3).replace("''", "'"));
                }
                continue;
            }
            open = null;
        }
        return statements;
    }

    static String script(String scenario, String target, Sample sample, List<Statement> statements, int agreeing,
            int samples) {
        // Values that must be fresh per transaction: the registration number, and ids first seen in an INSERT.
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> fresh = new LinkedHashMap<>();
        if (!sample.number().equals("-")) {
            fresh.put(sample.number(), "reg");
        }
        for (Statement statement : statements) {
            boolean insert = statement.sql().regionMatches(true, 0, "INSERT", 0, 6);
            for (String value : statement.parameters().values()) {
                if (value == null) {
                    continue;
                }
                if (perClientBucket && READ_GUARD_BUCKET.matcher(value).matches()) {
                    fresh.putIfAbsent(value, "bucket");
                }
                // A whole parameter, or the elements of an array literal: child rows (incident_person) are inserted
                // from arrays of ids the application generated, '{id1,id2}'::text[].
                Matcher uuid = UUID.matcher(value);
                while (uuid.find()) {
                    String id = uuid.group();
                    if (insert && !id.equals(sample.id()) && !seen.contains(id) && !fresh.containsKey(id)) {
                        fresh.put(id, "u" + fresh.size());
                    }
                    seen.add(id);
                }
                seen.add(value);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("-- Floor of ").append(scenario).append(": the statements the application ran for one request,\n")
                .append("-- captured from PostgreSQL's statement log by bench/FloorCapture.java (the shape of ")
                .append(agreeing).append(" of ").append(samples).append(" samples).\n")
                .append("-- Written by bench/run.sh on every run; never edit it.\n");
        if (!target.equals("-")) {
            out.append("\\set n random(1, :targets)\n")
                    .append("SELECT id AS aid FROM bench.target WHERE scenario = '").append(target)
                    .append("' AND n = :n \\gset\n");
        }
        if (!fresh.isEmpty()) {
            List<String> columns = new ArrayList<>();
            for (Map.Entry<String, String> value : fresh.entrySet()) {
                columns.add(switch (value.getValue()) {
                    case "reg" -> "'PGB-' || :client_id || '-' || left(md5(random()::text), 12) AS reg";
                    case "bucket" -> literal(value.getKey()) + " || '-' || :client_id AS bucket";
                    default -> "gen_random_uuid() AS " + value.getValue();
                });
            }
            out.append("SELECT ").append(String.join(", ", columns)).append(" \\gset\n");
        }
        boolean inTransaction = false;
        boolean wrote = false;
        for (Statement statement : statements) {
            Control control = Control.of(statement.sql());
            if (control == Control.BEGIN) {
                inTransaction = true;
                wrote = false;
            } else if (inTransaction && control == Control.COMMIT) {
                inTransaction = false;
                if (wrote) {
                    out.append(UNDONE_COMMIT);
                    continue;
                }
            } else if (inTransaction && control == Control.ROLLBACK) {
                inTransaction = false;
            } else if (WRITE.matcher(statement.sql().strip().toUpperCase(java.util.Locale.ROOT)).find()) {
                wrote = true;
                if (!inTransaction) {
                    // A write on its own (autocommit): in a transaction of its own, undone the same way.
                    out.append("BEGIN;\n").append(sql(statement, sample, fresh)).append('\n').append(UNDONE_COMMIT);
                    continue;
                }
            }
            out.append(sql(statement, sample, fresh)).append('\n');
        }
        return out.toString();
    }

    /** One statement as pgbench runs it: its parameters substituted (the address, fresh ids, literals). */
    private static String sql(Statement statement, Sample sample, Map<String, String> fresh) {
        Matcher placeholder = PLACEHOLDER.matcher(statement.sql());
        StringBuilder sql = new StringBuilder();
        while (placeholder.find()) {
            int n = Integer.parseInt(placeholder.group(1));
            String value = statement.parameters().get(n);
            String replacement;
            if (!statement.parameters().containsKey(n)) {
                replacement = placeholder.group();
            } else if (value == null) {
                replacement = "NULL";
            } else if (value.equals(sample.id())) {
                replacement = ":aid";
            } else if (fresh.containsKey(value)) {
                replacement = ":" + fresh.get(value);
            } else if (array(value, sample, fresh) != null) {
                replacement = array(value, sample, fresh);
            } else {
                replacement = literal(value);
            }
            placeholder.appendReplacement(sql, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(sql);
        // pgbench reads one command per line (up to the semicolon); the application's text blocks span lines.
        String line = sql.toString().replaceAll("\\s+", " ").strip();
        return line + (line.endsWith(";") ? "" : ";");
    }

    /**
     * An array literal that holds the address or a fresh id, as an ARRAY[...] of pgbench variables and literals (a
     * variable inside a quoted literal is not substituted); null when the value is no such array or quotes its
     * elements.
     */
    static String array(String value, Sample sample, Map<String, String> fresh) {
        if (!value.startsWith("{") || !value.endsWith("}") || value.length() < 3 || value.contains("\"")) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        boolean variable = false;
        for (String element : value.substring(1, value.length() - 1).split(",", -1)) {
            if (element.equals(sample.id())) {
                elements.add(":aid");
                variable = true;
            } else if (fresh.containsKey(element)) {
                elements.add(":" + fresh.get(element));
                variable = true;
            } else if (element.equalsIgnoreCase("NULL")) {
                elements.add("NULL");
            } else {
                elements.add(literal(element));
            }
        }
        return variable ? "ARRAY[" + String.join(", ", elements) + "]::text[]" : null;
    }

    /**
     * A value as an SQL literal. pgbench takes {@code :name} anywhere in a command for a variable, inside quotes too
     * (the serialized event's JSON has {@code "childrenInvolved":false}): such a colon is written {@code \\x3a} in an
     * escape string, which PostgreSQL reads as a colon and pgbench does not see.
     */
    static String literal(String value) {
        if (!PGBENCH_VARIABLE.matcher(value).find()) {
            return "'" + value.replace("'", "''") + "'";
        }
        String escaped = value.replace("\\", "\\\\").replace("'", "''");
        return "E'" + PGBENCH_VARIABLE.matcher(escaped).replaceAll(Matcher.quoteReplacement("\\x3a")) + "'";
    }
}
