package nl.adreszicht.registers;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets a transaction of an import commit without waiting for its WAL to reach the disk. A national load commits about
 * two thousand transactions (a part of the extract, a page of the derivation), each of which would otherwise wait for
 * a flush. Nothing is lost by it: a crash of PostgreSQL can undo only the last commits, whole and in order, and each
 * takes its own progress marks with it (the part marked done, the nummeraanduidingen unmarked), so the resumed import
 * does them again. The setting ends with the transaction; the application's own transactions keep waiting.
 */
final class AsyncCommit {

    private AsyncCommit() {}

    /** For the current transaction of {@code jdbc} only. */
    static void forThisTransaction(JdbcTemplate jdbc) {
        jdbc.execute("SET LOCAL synchronous_commit = off");
    }
}
