package nl.adreszicht.registers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.adreszicht.addresses.RegisterAddresses;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads an LV BAG 2.0 extract: a full extract into the staging tables part by part (each XML file in one transaction
 * with the record that it was loaded, so an interrupted run resumes with the next file), then into the mirror in one
 * transaction, then the touched addresses; or a mutation extract straight into the mirror, file by file. Nothing
 * reaches the mirror or the register before every file of a full extract was read, so a broken file loses nothing
 * already loaded.
 */
@Component
class BagLoad {

    private final DutchTime time;
    private static final Pattern NUM_ID = Pattern.compile("[0-9]{4}20[0-9]{10}");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9]{4}0[123][0-9]{10}");
    private static final Pattern OPR_ID = Pattern.compile("[0-9]{4}30[0-9]{10}");
    private static final Pattern WPL_ID = Pattern.compile("[0-9]{4}");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RegisterImports imports;
    private final BagMirror mirror;
    private final AddressDerivation derivation;
    private final RegisterAddresses addresses;

    BagLoad(
            DataSource dataSource,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RegisterImports imports,
            BagMirror mirror,
            AddressDerivation derivation,
            RegisterAddresses addresses,
            DutchTime time) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.imports = imports;
        this.mirror = mirror;
        this.derivation = derivation;
        this.addresses = addresses;
        this.time = time;
    }

    /** Loads the extract into the run; {@code year} picks the CBS division to place addresses in. */
    void load(BagExtractFile extract, ImportRun run, @Nullable Integer year) throws IOException {
        LocalDate[] day = {time.today()};
        boolean mutations = extract.mutations();
        if (!mutations && !run.resumed) {
            mirror.clearStaging();
        } else if (!mutations && !imports.partDone(run.id, "mirror") && mirror.stagingEmpty()) {
            // The staging is unlogged (registers/003): a crash of PostgreSQL empties it, while the parts it held stay
            // marked done. Staged parts must not be skipped then, or the mirror would take their objects for ended.
            imports.forgetParts(run.id);
        }
        run.read.set(imports.rowsOfDoneParts(run.id));
        run.phase(mutations ? "mutaties lezen" : "extract lezen", extract.size());
        long[] before = {0};
        for (BagExtractFile.Group group : extract.groups()) {
            long offset = before[0];
            extract.read(group, consumed -> run.progress(offset + consumed), (part, xml) -> {
                if (imports.partDone(run.id, part)) {
                    return;
                }
                transaction.executeWithoutResult(status -> {
                    AsyncCommit.forThisTransaction(jdbc);
                    long rows = mutations ? applyMutations(part, xml, run, day) : stage(part, xml, run, day);
                    imports.markDone(run.id, part, rows);
                });
                imports.heartbeat(run);
            });
            before[0] += group.compressedSize();
        }
        if (!mutations && !imports.partDone(run.id, "mirror")) {
            run.phase("spiegel bijwerken", 0);
            transaction.executeWithoutResult(status -> {
                LongStatements.allow(dataSource);
                AsyncCommit.forThisTransaction(jdbc);
                mirror.applyStaging();
                imports.markDone(run.id, "mirror", 0);
            });
        }
        if (!mutations) {
            // Also when a resumed run finds the mirror done: the statistics may predate it.
            transaction.executeWithoutResult(status -> {
                LongStatements.allow(dataSource);
                mirror.analyze();
            });
        }
        OptionalInt division = derivation.year(year);
        long written = derivation.derive(run, division, day[0]);
        addresses.loaded(written);
        imports.heartbeat(run);
    }

    /** Stages the current, usable voorkomens of one stand file with COPY; returns the objects read. */
    private long stage(String part, java.io.InputStream xml, ImportRun run, LocalDate[] day) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Staging staging = new Staging(connection, "_load");
        long[] rows = {0};
        try {
            BagXml.read(xml, part, new BagXml.Sink() {
                @Override
                public void info(BagXml.Info info) {
                    if (info.stand() != null) {
                        day[0] = info.stand();
                    }
                }

                @Override
                public void object(BagObject object, BagXml.Role role) {
                    rows[0]++;
                    run.read.incrementAndGet();
                    String invalid = invalid(object);
                    if (invalid != null) {
                        run.reject(part, object.id(), invalid);
                    } else if (CurrentVoorkomen.holds(object, day[0]) && UsableStatus.usable(object)) {
                        staging.add(object);
                    } else {
                        run.skipped.incrementAndGet();
                    }
                }

                @Override
                public void reject(String id, String reason) {
                    rows[0]++;
                    run.read.incrementAndGet();
                    run.reject(part, id, reason);
                }
            });
            staging.finish();
        } finally {
            staging.abandon();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return rows[0];
    }

    /**
     * Applies one mutation file to the mirror (the caller's transaction): its objects are staged with COPY, then applied
     * set-based ({@link BagMirror#applyMutations()}); returns the objects read.
     */
    private long applyMutations(String part, java.io.InputStream xml, ImportRun run, LocalDate[] day) {
        long[] rows = {0};
        long[] seq = {0};
        mirror.beginMutations();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        Staging staging = new Staging(connection, "_mut");
        try {
            readMutations(part, xml, run, day, rows, seq, staging);
            staging.finish();
        } finally {
            staging.abandon();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        mirror.applyMutations();
        return rows[0];
    }

    private void readMutations(
            String part,
            java.io.InputStream xml,
            ImportRun run,
            LocalDate[] day,
            long[] rows,
            long[] seq,
            Staging staging) {
        BagXml.read(xml, part, new BagXml.Sink() {
            @Override
            public void info(BagXml.Info info) {
                LocalDate until = info.mutationsUntil() != null ? info.mutationsUntil() : info.stand();
                if (until != null) {
                    day[0] = until;
                }
            }

            @Override
            public void object(BagObject object, BagXml.Role role) {
                rows[0]++;
                run.read.incrementAndGet();
                if (role == BagXml.Role.WAS) {
                    return;
                }
                String invalid = invalid(object);
                if (invalid != null) {
                    run.reject(part, object.id(), invalid);
                    return;
                }
                // A verwijdering takes the voorkomen out of the register: as far as the mirror holds it, it is gone.
                boolean current = role != BagXml.Role.VERWIJDERING
                        && CurrentVoorkomen.holds(object, day[0])
                        && UsableStatus.usable(object);
                if (object.type().equals("GWR")) {
                    mirror.applyMutation(object, current);
                } else {
                    staging.add(object, new Object[] {++seq[0], current});
                }
            }

            @Override
            public void reject(String id, String reason) {
                rows[0]++;
                run.read.incrementAndGet();
                run.reject(part, id, reason);
            }
        });
    }

    /** Why an object cannot be kept at all, or null. */
    static @Nullable String invalid(BagObject object) {
        return switch (object.type()) {
            case "NUM" ->
                !NUM_ID.matcher(object.id()).matches()
                        ? "identificatie van een nummeraanduiding is 16 cijfers met objecttype 20"
                        : object.openbareRuimte() == null
                                        || !OPR_ID.matcher(object.openbareRuimte())
                                                .matches()
                                ? "nummeraanduiding zonder geldige ligtAan (openbare ruimte)"
                                : object.huisnummer() < 1 ? "nummeraanduiding zonder huisnummer" : null;
            case "VBO", "LIG", "STA" ->
                !OBJECT_ID.matcher(object.id()).matches()
                        ? "identificatie van een adresseerbaar object is 16 cijfers met objecttype 01, 02 of 03"
                        : object.hoofdadres() == null
                                        || !NUM_ID.matcher(object.hoofdadres()).matches()
                                ? "adresseerbaar object zonder geldig hoofdadres"
                                : object.nevenadressen().stream()
                                                .anyMatch(
                                                        n -> !NUM_ID.matcher(n).matches())
                                        ? "nevenadres is geen nummeraanduiding"
                                        : null;
            case "OPR" ->
                !OPR_ID.matcher(object.id()).matches()
                        ? "identificatie van een openbare ruimte is 16 cijfers met objecttype 30"
                        : object.naam() == null
                                        || object.naam().isBlank()
                                        || object.naam().length() > 120
                                ? "openbare ruimte zonder naam"
                                : object.woonplaats() == null
                                                || !WPL_ID.matcher(object.woonplaats())
                                                        .matches()
                                        ? "openbare ruimte zonder geldige ligtIn (woonplaats)"
                                        : null;
            case "WPL" ->
                !WPL_ID.matcher(object.id()).matches()
                        ? "identificatie van een woonplaats is 4 cijfers"
                        : object.naam() == null || object.naam().isBlank() ? "woonplaats zonder naam" : null;
            default -> null;
        };
    }

    /** COPY streams into the staging tables of one part, opened as rows of each kind arrive. */
    private static final class Staging {

        private final Connection connection;
        private final String suffix;
        private final java.util.Map<String, CopyIn> copies = new java.util.HashMap<>();
        private final java.util.Map<String, ByteArrayOutputStream> buffers = new java.util.HashMap<>();

        /** Into the staging tables of a full extract ({@code _load}) or of one mutation file ({@code _mut}). */
        Staging(Connection connection, String suffix) {
            this.connection = connection;
            this.suffix = suffix;
        }

        void add(BagObject o) {
            add(o, null);
        }

        /** One object; for a mutation file also its place in the file and whether it holds ({@code state}). */
        void add(BagObject o, Object @Nullable [] state) {
            String table;
            String line;
            switch (o.type()) {
                case "NUM" -> {
                    table = "bag_nummeraanduiding (id, voorkomen, huisnummer, huisletter, toevoeging, postcode,"
                            + " opr_id, wpl_id)";
                    line = join(
                            o.id(),
                            o.voorkomen(),
                            o.huisnummer(),
                            o.huisletter(),
                            o.toevoeging(),
                            o.postcode(),
                            o.openbareRuimte(),
                            o.woonplaats());
                }
                case "VBO", "LIG", "STA" -> {
                    table = "bag_object (id, voorkomen, kind, x, y, hoofdadres, nevenadressen)";
                    line = join(
                            o.id(),
                            o.voorkomen(),
                            o.type(),
                            Double.isNaN(o.x()) ? null : o.x(),
                            Double.isNaN(o.y()) ? null : o.y(),
                            o.hoofdadres(),
                            BagMirror.nevenadressen(o));
                }
                case "OPR" -> {
                    table = "bag_openbare_ruimte (id, voorkomen, naam, wpl_id)";
                    line = join(o.id(), o.voorkomen(), o.naam(), o.woonplaats());
                }
                case "WPL" -> {
                    table = "bag_woonplaats (id, voorkomen, naam)";
                    line = join(o.id(), o.voorkomen(), o.naam());
                }
                default -> {
                    table = "bag_gemeente_woonplaats (wpl_id, gemeente)";
                    line = join(o.id(), o.naam());
                }
            }
            int open = table.indexOf(' ');
            if (state != null) {
                table = table.substring(0, table.length() - 1) + ", seq, holds)";
                line = line.substring(0, line.length() - 1) + "\t" + state[0] + "\t" + state[1] + "\n";
            }
            table = table.substring(0, open) + suffix + table.substring(open);
            ByteArrayOutputStream buffer = buffers.computeIfAbsent(table, t -> new ByteArrayOutputStream(1 << 20));
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            buffer.write(bytes, 0, bytes.length);
            if (buffer.size() > (1 << 20)) {
                flush(table);
            }
        }

        private void flush(String table) {
            ByteArrayOutputStream buffer = buffers.get(table);
            if (buffer == null || buffer.size() == 0) {
                return;
            }
            try {
                CopyIn copy = copies.get(table);
                if (copy == null) {
                    for (CopyIn other : copies.values()) {
                        other.endCopy();
                    }
                    copies.clear();
                    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
                    copies.put(table, copy);
                }
                byte[] bytes = buffer.toByteArray();
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.reset();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
            }
        }

        void finish() {
            try {
                for (String table : new java.util.ArrayList<>(buffers.keySet())) {
                    flush(table);
                    CopyIn copy = copies.remove(table);
                    if (copy != null) {
                        copy.endCopy();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
        }

        void abandon() {
            for (CopyIn copy : copies.values()) {
                try {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                } catch (SQLException ignored) {
                    // the transaction rolls back anyway
                }
            }
        }

        private static String join(@Nullable Object... values) {
            StringBuilder text = new StringBuilder(96);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object value = values[i];
                text.append(
                        value == null
                                ? "\\N"
                                : value.toString()
                                        .replace("\\", "\\\\")
                                        .replace("\t", " ")
                                        .replace("\n", " "));
            }
            return text.append('\n').toString();
        }
    }
}
