package nl.adreszicht.registers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every import run (who, which file and its checksum, when, how many rows, how it ended), read by the
 * beheer page; and the parts of a run already loaded, so that a run interrupted by a crash, a kill or a lost
 * connection resumes where it stood instead of loading a part twice.
 */
@Component
class RegisterImports {

    private final JdbcTemplate jdbc;

    RegisterImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A run as the page lists it. */
    record Entry(
            UUID id,
            String register,
            String fileName,
            String checksum,
            String options,
            String startedBy,
            Instant startedAt,
            @Nullable Instant finishedAt,
            String status,
            long read,
            long written,
            long ended,
            long rejected,
            long unplaced,
            @Nullable String message) {}

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The unfinished run of this file, if the last run of the register was this file and it was interrupted (still
     * marked running) or failed after loading parts: it resumes.
     */
    Optional<UUID> unfinished(String register, String checksum, String options) {
        return jdbc
                .query(
                        "SELECT id FROM register_import i WHERE register = ? AND checksum = ? AND options = ?"
                                + " AND (status = 'bezig' OR status = 'mislukt' AND EXISTS (SELECT 1 FROM"
                                + " register_import_part p WHERE p.import_id = i.id)) AND NOT EXISTS (SELECT 1 FROM"
                                + " register_import later WHERE later.register = i.register"
                                + " AND later.started_at > i.started_at) ORDER BY started_at DESC LIMIT 1",
                        (row, n) -> row.getObject(1, UUID.class),
                        register,
                        checksum,
                        options)
                .stream()
                .findFirst();
    }

    /** When this file was last loaded completely, if ever. */
    Optional<Instant> completed(String register, String checksum, String options) {
        return jdbc
                .query(
                        "SELECT finished_at FROM register_import WHERE register = ? AND checksum = ? AND options = ?"
                                + " AND status IN ('voltooid', 'afgewezen') ORDER BY finished_at DESC LIMIT 1",
                        (row, n) -> row.getTimestamp(1).toInstant(),
                        register,
                        checksum,
                        options)
                .stream()
                .findFirst();
    }

    /** Takes up an interrupted run again. */
    void resume(UUID run) {
        jdbc.update(
                "UPDATE register_import SET status = 'bezig', finished_at = null, heartbeat_at = now(), message = null"
                        + " WHERE id = ?",
                run);
    }

    UUID start(String register, Path file, String checksum, String options, String by) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO register_import (id, register, file_name, checksum, options, started_by, started_at,"
                        + " heartbeat_at, status) VALUES (?, ?, ?, ?, ?, ?, now(), now(), 'bezig')",
                id,
                register,
                truncate(file.getFileName().toString(), 255),
                checksum,
                options,
                truncate(by, 120));
        return id;
    }

    /** A run that died (its process killed) is closed as failed by the next run of another file. */
    void abandonStale(String register) {
        jdbc.update(
                "UPDATE register_import SET status = 'mislukt', finished_at = now(),"
                        + " message = 'onderbroken (geen voortgang meer gemeld); een nieuwe import van hetzelfde"
                        + " bestand hervat waar deze stond' WHERE register = ? AND status = 'bezig'"
                        + " AND heartbeat_at < now() - interval '10 minutes'",
                register);
    }

    void heartbeat(ImportRun run) {
        jdbc.update(
                "UPDATE register_import SET heartbeat_at = now(), rows_read = ?, rows_written = ?, rows_ended = ?,"
                        + " rows_rejected = ?, rows_unplaced = ? WHERE id = ?",
                run.read.get(),
                run.written.get(),
                run.ended.get(),
                run.rejected.get(),
                run.unplaced.get(),
                run.id);
    }

    boolean partDone(UUID run, String part) {
        Integer found = jdbc.queryForObject(
                "SELECT count(*) FROM register_import_part WHERE import_id = ? AND part = ?", Integer.class, run, part);
        return found != null && found > 0;
    }

    /** Marks a part loaded: call inside the transaction that wrote the part, so both happen or neither. */
    void markDone(UUID run, String part, long rows) {
        jdbc.update(
                "INSERT INTO register_import_part (import_id, part, rows_read, done_at) VALUES (?, ?, ?, now())",
                run,
                truncate(part, 200),
                rows);
    }

    /** Forgets which parts of a run were loaded, so that a resumed run reads them all again. */
    void forgetParts(UUID run) {
        jdbc.update("DELETE FROM register_import_part WHERE import_id = ?", run);
    }

    long rowsOfDoneParts(UUID run) {
        Long rows = jdbc.queryForObject(
                "SELECT coalesce(sum(rows_read), 0) FROM register_import_part WHERE import_id = ?", Long.class, run);
        return rows == null ? 0 : rows;
    }

    void finish(ImportRun run, String status, @Nullable String message) {
        jdbc.update(
                "UPDATE register_import SET status = ?, finished_at = now(), heartbeat_at = now(), rows_read = ?,"
                        + " rows_written = ?, rows_ended = ?, rows_rejected = ?, rows_unplaced = ?, message = ? WHERE id = ?",
                status,
                run.read.get(),
                run.written.get(),
                run.ended.get(),
                run.rejected.get(),
                run.unplaced.get(),
                message == null ? null : truncate(message, 1000),
                run.id);
    }

    /** Failure before a run could start (the file could not be read at all): recorded all the same. */
    void failedBeforeStart(
            String register, Path file, @Nullable String checksum, String options, String by, String why) {
        jdbc.update(
                "INSERT INTO register_import (id, register, file_name, checksum, options, started_by, started_at,"
                        + " heartbeat_at, finished_at, status, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?, now(), now(), now(), 'mislukt', ?)",
                UUID.randomUUID(),
                register,
                truncate(String.valueOf(file.getFileName()), 255),
                checksum == null ? "0".repeat(64) : checksum,
                options,
                truncate(by, 120),
                truncate(why, 1000));
    }

    List<Entry> recent(int limit) {
        return jdbc.query(
                "SELECT id, register, file_name, checksum, options, started_by, started_at, finished_at, status,"
                        + " rows_read, rows_written, rows_rejected, rows_unplaced, message, rows_ended FROM register_import"
                        + " ORDER BY started_at DESC LIMIT ?",
                (row, n) -> new Entry(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getTimestamp(7).toInstant(),
                        instant(row.getTimestamp(8)),
                        row.getString(9),
                        row.getLong(10),
                        row.getLong(11),
                        row.getLong(15),
                        row.getLong(12),
                        row.getLong(13),
                        row.getString(14)),
                limit);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
