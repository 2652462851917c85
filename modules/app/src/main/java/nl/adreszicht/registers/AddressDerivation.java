package nl.adreszicht.registers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nl.adreszicht.addresses.AreaCodes;
import nl.adreszicht.addresses.BuurtCode;
import nl.adreszicht.addresses.GemeenteCode;
import nl.adreszicht.addresses.HouseNumber;
import nl.adreszicht.addresses.NummeraanduidingId;
import nl.adreszicht.addresses.Postcode;
import nl.adreszicht.addresses.RegisterAddresses;
import nl.adreszicht.addresses.RegisterAddresses.RegisterAddress;
import nl.adreszicht.addresses.WijkCode;
import nl.adreszicht.records.InvalidValueException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Derives the register's addresses from the BAG mirror for every touched nummeraanduiding ({@code bag_dirty}), a page
 * at a time: nummeraanduiding → openbare ruimte → woonplaats (the nummeraanduiding's own, else the openbare ruimte's) →
 * gemeente, and the usable verblijfsobject, ligplaats or standplaats that has it as hoofdadres or nevenadres, whose
 * point places it in its CBS buurt (else CBS's table of buurt per postcode and huisnummer). A nummeraanduiding that no
 * longer exists or no longer designates a usable object ends its address. The addresses that end are ended first, so
 * that a new nummeraanduiding may take the designation of one that ended the same day, whatever the order of their ids.
 * Each page is written and unmarked in one transaction, so an interrupted derivation resumes with the next page; the
 * next page is read meanwhile on a second connection.
 */
@Component
class AddressDerivation {

    static final int PAGE = 10_000;
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /**
     * A page of marks with what the address is derived from. The nummeraanduiding and its openbare ruimte are looked up
     * by key per mark ({@code OFFSET 0} keeps the planner from turning the lookups into a join): as a join PostgreSQL
     * chose by the size of the mirror, and at a million nummeraanduidingen it hashed the page and read the whole table
     * for every page of 10,000 (0.7 s of a page's 3 s on the benchmark). The lookups cost the same at any size.
     */
    private static final String ROWS = """
            SELECT d.num_id, n.id, n.postcode, n.huisnummer, n.huisletter, n.toevoeging, n.opr_id, o.naam,
                   coalesce(n.wpl_id, o.wpl_id), w.naam, g.gemeente, a.object_id, a.x, a.y
            FROM (SELECT num_id FROM bag_dirty WHERE num_id > ? ORDER BY num_id LIMIT ?) d
            LEFT JOIN LATERAL (SELECT * FROM bag_nummeraanduiding x WHERE x.id = d.num_id OFFSET 0) n ON true
            LEFT JOIN LATERAL (SELECT naam, wpl_id FROM bag_openbare_ruimte x WHERE x.id = n.opr_id OFFSET 0) o ON true
            LEFT JOIN bag_woonplaats w ON w.id = coalesce(n.wpl_id, o.wpl_id)
            LEFT JOIN bag_gemeente_woonplaats g ON g.wpl_id = w.id
            LEFT JOIN LATERAL (SELECT l.object_id, b.x, b.y FROM bag_object_adres l JOIN bag_object b ON b.id = l.object_id
                               WHERE l.num_id = d.num_id ORDER BY l.hoofdadres DESC, l.object_id LIMIT 1) a ON true
            ORDER BY d.num_id
            """;

    /**
     * A page of marked nummeraanduidingen, each with whether it no longer designates a usable verblijfsobject,
     * ligplaats or standplaats. The page is taken from the marks first and only then tested: asking for the next
     * {@code PAGE} ended ones instead scans every mark until it has found them, and after a full extract (10 million
     * marks, almost none ended) that one statement ran past the pool's 30 s socket timeout (the national run). Only a
     * mark with a current address can end one: the others are left to the derivation's pages, which end nothing for
     * them and unmark them.
     */
    private static final String ENDED = """
            SELECT d.num_id,
                   CASE WHEN a.id IS NULL THEN false
                        ELSE NOT EXISTS (SELECT 1 FROM bag_nummeraanduiding n JOIN bag_object_adres l ON l.num_id = n.id
                                         JOIN bag_object b ON b.id = l.object_id WHERE n.id = d.num_id) END AS ended
            FROM (SELECT num_id FROM bag_dirty WHERE num_id > ? ORDER BY num_id LIMIT ?) d
            LEFT JOIN address a ON a.nummeraanduiding_id = d.num_id AND a.ended_on IS NULL
            ORDER BY d.num_id
            """;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegisterAddresses addresses;
    private final MessageSource messages;

    AddressDerivation(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RegisterAddresses addresses,
            MessageSource messages) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.addresses = addresses;
        this.messages = messages;
    }

    /** The year of the CBS division to place addresses in: the option, else the latest loaded. */
    OptionalInt year(@Nullable Integer requested) {
        if (requested != null) {
            return OptionalInt.of(requested);
        }
        Integer latest = jdbc.queryForObject(
                "SELECT max(y) FROM (SELECT max(area_year) AS y FROM cbs_area WHERE code LIKE 'BU%'"
                        + " UNION ALL SELECT max(area_year) FROM cbs_postcode_area) years",
                Integer.class);
        return latest == null ? OptionalInt.empty() : OptionalInt.of(latest);
    }

    private record Candidate(
            String numId,
            @Nullable RegisterAddress address,
            double x,
            double y,
            @Nullable String reject,
            boolean ended) {}

    /** Derives every marked nummeraanduiding; returns how many addresses were written or ended. */
    long derive(ImportRun run, OptionalInt year, LocalDate day) {
        Long dirty = jdbc.queryForObject("SELECT count(*) FROM bag_dirty", Long.class);
        run.phase("adressen afleiden", dirty == null ? 0 : dirty);
        long done = endAddresses(run, day);
        BuurtLocator locator = year.isPresent() ? new BuurtLocator(jdbc, year.getAsInt()) : null;
        long written = 0;
        // The next page is read while this one is placed and written, on a connection of its own: on a first load the
        // derivation is one thread alternating with one PostgreSQL backend, and the page's read was about half of its
        // time (the 1,000,000 profile in docs/performance.md). The write deletes only this page's marks, all at or
        // below the next page's start, so the next read finds the same marks whether it runs before or after it.
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "bag-derivation-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<Candidate>> next = reader.submit(() -> readPage(""));
            while (true) {
                List<Candidate> page = await(next);
                if (page.isEmpty()) {
                    break;
                }
                String after = page.get(page.size() - 1).numId();
                next = reader.submit(() -> readPage(after));
                written += write(page, locator, run, day);
                done += page.size();
                run.progress(done);
            }
        } finally {
            reader.shutdownNow();
        }
        return written + run.ended.get();
    }

    /** Reads the page of marks after {@code after} in its own transaction. */
    private List<Candidate> readPage(String after) {
        // A page is one statement of 10,000 lookups: on a machine this busy (load 30 on 2 cores) one took longer than
        // the pool's 30 s socket timeout and failed the whole load (the second 1,000,000 benchmark run).
        List<Candidate> page = transaction.execute(status -> {
            LongStatements.allow(dataSource);
            return page(after);
        });
        return page == null ? List.of() : page;
    }

    private static List<Candidate> await(Future<List<Candidate>> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deriving addresses", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Reading a page of the derivation failed", e.getCause());
        }
    }

    /** Places and writes one page and unmarks it, in one transaction; returns how many addresses it wrote. */
    private long write(List<Candidate> page, @Nullable BuurtLocator locator, ImportRun run, LocalDate day) {
        List<RegisterAddress> upserts = new ArrayList<>();
        List<NummeraanduidingId> ended = new ArrayList<>();
        List<Candidate> toPlace = new ArrayList<>();
        for (Candidate candidate : page) {
            if (candidate.reject() != null) {
                run.reject("BAG", candidate.numId(), candidate.reject());
            } else if (candidate.ended()) {
                ended.add(new NummeraanduidingId(candidate.numId()));
            } else {
                toPlace.add(candidate);
            }
        }
        for (Candidate candidate : place(toPlace, locator, run)) {
            upserts.add(candidate.address());
        }
        String[] ids = page.stream().map(Candidate::numId).toArray(String[]::new);
        RegisterAddresses.Outcome outcome = transaction.execute(status -> {
            LongStatements.allow(dataSource);
            AsyncCommit.forThisTransaction(jdbc);
            RegisterAddresses.Outcome result = addresses.upsert(upserts);
            run.ended.addAndGet(addresses.end(ended, day));
            jdbc.update(c -> {
                var statement = c.prepareStatement("DELETE FROM bag_dirty WHERE num_id = ANY (?)");
                statement.setArray(1, c.createArrayOf("bpchar", ids));
                return statement;
            });
            return result;
        });
        outcome.taken().forEach((id, reason) -> run.reject("BAG", id, reason));
        run.written.addAndGet(outcome.written());
        return outcome.written();
    }

    /** Ends the addresses of the marked nummeraanduidingen that designate nothing usable any more; returns how many. */
    private long endAddresses(ImportRun run, LocalDate day) {
        if (Boolean.FALSE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM address WHERE nummeraanduiding_id IS NOT NULL AND ended_on IS NULL)",
                Boolean.class))) {
            // No current address has a BAG id (the first load of the BAG): there is nothing to end.
            return 0;
        }
        String after = "";
        long done = 0;
        while (true) {
            String from = after;
            List<Map.Entry<String, Boolean>> marks = transaction.execute(status -> {
                LongStatements.allow(dataSource);
                return jdbc.query(ENDED, (row, n) -> Map.entry(row.getString(1).trim(), row.getBoolean(2)), from, PAGE);
            });
            if (marks == null || marks.isEmpty()) {
                return done;
            }
            after = marks.get(marks.size() - 1).getKey();
            List<String> page = marks.stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .toList();
            if (page.isEmpty()) {
                if (marks.size() < PAGE) {
                    return done;
                }
                continue;
            }
            String[] ids = page.toArray(String[]::new);
            Integer ended = transaction.execute(status -> {
                LongStatements.allow(dataSource);
                AsyncCommit.forThisTransaction(jdbc);
                int changed =
                        addresses.end(page.stream().map(NummeraanduidingId::new).toList(), day);
                jdbc.update(c -> {
                    var statement = c.prepareStatement("DELETE FROM bag_dirty WHERE num_id = ANY (?)");
                    statement.setArray(1, c.createArrayOf("bpchar", ids));
                    return statement;
                });
                return changed;
            });
            run.ended.addAndGet(ended == null ? 0 : ended);
            done += page.size();
            run.progress(done);
            if (marks.size() < PAGE) {
                return done;
            }
        }
    }

    private List<Candidate> page(String after) {
        return jdbc.query(
                ROWS,
                (row, n) -> {
                    String numId = row.getString(1).trim();
                    if (row.getString(2) == null || row.getString(12) == null) {
                        return new Candidate(numId, null, Double.NaN, Double.NaN, null, true);
                    }
                    String oprId = row.getString(7).trim();
                    if (row.getString(8) == null) {
                        return reject(numId, "openbare ruimte " + oprId + " staat niet (meer) in de BAG");
                    }
                    String wplId = row.getString(9);
                    if (row.getString(10) == null) {
                        return reject(numId, "woonplaats " + wplId + " staat niet (meer) in de BAG");
                    }
                    String gemeente = row.getString(11);
                    if (gemeente == null) {
                        return reject(numId, "woonplaats " + wplId + " hoort bij geen gemeente (GEM-WPL-RELATIE)");
                    }
                    String postcode = row.getString(3);
                    if (postcode == null || postcode.isBlank()) {
                        return reject(numId, "nummeraanduiding zonder postcode");
                    }
                    try {
                        RegisterAddress address = new RegisterAddress(
                                NummeraanduidingId.parse(numId),
                                Postcode.parse(postcode),
                                HouseNumber.of(row.getInt(4), row.getString(5), row.getString(6)),
                                row.getString(8),
                                row.getString(10),
                                new GemeenteCode("GM" + gemeente),
                                null);
                        double x = row.getObject(13) == null ? Double.NaN : row.getDouble(13);
                        double y = row.getObject(14) == null ? Double.NaN : row.getDouble(14);
                        return new Candidate(numId, address, x, y, null, false);
                    } catch (InvalidValueException invalid) {
                        return reject(
                                numId, invalid.field() + ": " + messages.getMessage(invalid.messageKey(), null, DUTCH));
                    }
                },
                after,
                PAGE);
    }

    private static Candidate reject(String numId, String reason) {
        return new Candidate(numId, null, Double.NaN, Double.NaN, reason, false);
    }

    /** Gives each candidate its buurt: by its point, else by CBS's postcode table; reports those neither places. */
    private List<Candidate> place(List<Candidate> candidates, @Nullable BuurtLocator locator, ImportRun run) {
        if (locator == null) {
            return candidates;
        }
        int year = locator.year();
        Map<String, String> found = new HashMap<>();
        List<Candidate> byTable = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String gemeente = candidate.address().gemeente().value();
            String buurt = Double.isNaN(candidate.x()) ? null : locator.locate(gemeente, candidate.x(), candidate.y());
            if (buurt != null) {
                found.put(candidate.numId(), buurt);
            } else {
                byTable.add(candidate);
            }
        }
        if (!byTable.isEmpty()) {
            String[] postcodes =
                    byTable.stream().map(c -> c.address().postcode().value()).toArray(String[]::new);
            Integer[] numbers =
                    byTable.stream().map(c -> c.address().number().number()).toArray(Integer[]::new);
            Map<String, String> table = new HashMap<>();
            jdbc.query(
                    c -> {
                        var statement = c.prepareStatement("SELECT p.postcode, p.huisnummer, p.buurt_code"
                                + " FROM unnest(?::text[], ?::int[]) AS q (postcode, huisnummer)"
                                + " JOIN cbs_postcode_area p ON p.area_year = ? AND p.postcode = q.postcode"
                                + " AND p.huisnummer = q.huisnummer");
                        statement.setArray(1, c.createArrayOf("text", postcodes));
                        statement.setArray(2, c.createArrayOf("int4", numbers));
                        statement.setInt(3, year);
                        return statement;
                    },
                    row -> {
                        table.put(row.getString(1) + "-" + row.getInt(2), row.getString(3));
                    });
            for (Candidate candidate : byTable) {
                RegisterAddress a = candidate.address();
                String buurt = table.get(a.postcode().value() + "-" + a.number().number());
                if (buurt != null) {
                    found.put(candidate.numId(), buurt);
                }
            }
        }
        List<Candidate> placed = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            RegisterAddress a = candidate.address();
            String buurt = found.get(candidate.numId());
            AreaCodes areas = null;
            if (buurt == null) {
                run.unplaced(
                        "BAG",
                        candidate.numId(),
                        "geen buurt van " + year + ": "
                                + (Double.isNaN(candidate.x()) ? "geen punt" : "punt in geen buurt van " + a.gemeente())
                                + " en niet in de postcodetabel van CBS");
            } else if (!buurt.startsWith(a.gemeente().value().substring(2), 2)) {
                run.unplaced(
                        "BAG",
                        candidate.numId(),
                        "buurt " + buurt + " (postcodetabel) ligt niet in gemeente " + a.gemeente());
            } else {
                BuurtCode code = BuurtCode.parse(buurt);
                areas = new AreaCodes(a.gemeente(), WijkCode.parse("WK" + buurt.substring(2, 8)), code, year);
            }
            placed.add(new Candidate(
                    candidate.numId(),
                    new RegisterAddress(
                            a.bagId(), a.postcode(), a.number(), a.straat(), a.woonplaats(), a.gemeente(), areas),
                    candidate.x(),
                    candidate.y(),
                    null,
                    false));
        }
        return placed;
    }
}
